'use client';

import { useContext } from 'react';
import { FleContext, type FleContextValue } from './fle-context';

/** The FLE state, or null outside a `FleProvider` (then nothing can be decrypted). */
export function useFle(): FleContextValue | null {
  return useContext(FleContext);
}
