'use client';

import type { ReactNode } from 'react';
import { Providers } from '@/components/console/Providers';
import { AdvisorView } from './AdvisorView';

/** The Advisor route's client root. */
export function AdvisorPage(): ReactNode {
  return (
    <Providers>
      <AdvisorView />
    </Providers>
  );
}
