'use client';

import { createContext } from 'react';
import type { AuditAction } from '@/lib/audit/types';
import type { AuditedDecryptResult, DecryptPlace } from '@/lib/fle/audited-decrypt';
import type { DecryptRunOptions } from '@/lib/fle/pool';
import type { FleProfile } from '@/lib/fle/profile';

/** The key the tab holds. */
export interface HeldKey {
  fingerprint: string;
  profile: FleProfile;
  remembered: boolean;
  /** Decrypt workers holding the key. */
  workers: number;
}

/** What components see of FLE. */
export interface FleContextValue {
  /** False for non-admins: no key panel, no decrypt controls. */
  canDecrypt: boolean;
  profiles: FleProfile[] | null;
  profilesError: string | null;
  reloadProfiles: () => void;
  held: HeldKey | null;
  /** A key remembered on this device that is not loaded yet. */
  rememberedAvailable: boolean;
  /** Checks and loads a PEM; resolves to an error message, or null when loaded. */
  loadKey: (pem: string, remember: boolean) => Promise<string | null>;
  unlockRemembered: () => Promise<string | null>;
  forgetKey: () => Promise<void>;
  /** Audited decryption with the held key; rejects with `AuditRefusedError` when the audit write fails. */
  decrypt: (
    values: readonly string[],
    action: Extract<AuditAction, 'reveal' | 'decrypt-column'>,
    place: DecryptPlace,
    options?: Omit<DecryptRunOptions, 'signal'> & { signal?: AbortSignal },
  ) => Promise<AuditedDecryptResult>;
}

export const FleContext = createContext<FleContextValue | null>(null);
