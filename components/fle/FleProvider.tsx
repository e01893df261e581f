'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { fetchFleProfiles, writeAudit } from '@/lib/fle/api-client';
import { auditedDecrypt } from '@/lib/fle/audited-decrypt';
import { forgetRememberedKey, recallKey, rememberKey } from '@/lib/fle/key-store';
import { createDecryptPool, type DecryptPool } from '@/lib/fle/pool';
import { loadPrivateKey } from '@/lib/fle/private-key';
import type { FleProfile } from '@/lib/fle/profile';
import { FleContext, type FleContextValue, type HeldKey } from './fle-context';
import { useCanDecrypt } from './useCanDecrypt';
import { useIdleLock } from './useIdleLock';

function newRunId(): string {
  return crypto.randomUUID();
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Holds the tab's FLE state: profiles, the loaded key (as a non-extractable
 * CryptoKey inside a worker pool), auto-lock, and audited decryption. The
 * PEM text never outlives `loadKey`.
 */
export function FleProvider({ children }: { children: ReactNode }): ReactNode {
  const canDecrypt = useCanDecrypt();
  const [profiles, setProfiles] = useState<FleProfile[] | null>(null);
  const [profilesError, setProfilesError] = useState<string | null>(null);
  const [held, setHeld] = useState<HeldKey | null>(null);
  const [rememberedAvailable, setRememberedAvailable] = useState(false);
  const [reload, setReload] = useState(0);
  const pool = useRef<DecryptPool | null>(null);

  useEffect(() => {
    if (!canDecrypt) return;
    let stale = false;
    fetchFleProfiles().then(
      (list) => !stale && (setProfiles(list), setProfilesError(null)),
      (error: unknown) => !stale && setProfilesError(message(error)),
    );
    recallKey().then(
      (key) => !stale && setRememberedAvailable(key !== null),
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [canDecrypt, reload]);

  const drop = useCallback(() => {
    pool.current?.terminate();
    pool.current = null;
    setHeld(null);
  }, []);
  useEffect(() => drop, [drop]);

  const hold = useCallback(async (key: CryptoKey, fingerprint: string, remembered: boolean): Promise<string | null> => {
    const profile = profiles?.find((candidate) => candidate.fingerprint === fingerprint);
    if (!profile) return `No FLE profile has the public key ${fingerprint}.`;
    try {
      await writeAudit({ action: 'key-loaded', phase: 'complete', runId: newRunId(), source: null, table: null, column: null, rowCount: null, succeeded: null, failed: null, note: fingerprint.slice(0, 23) });
    } catch (error) {
      return `The key was not loaded: the audit record could not be written (${message(error)}).`;
    }
    pool.current?.terminate();
    pool.current = await createDecryptPool({ keyNamespace: profile.providerName, keyName: profile.keyName, privateKey: key });
    setHeld({ fingerprint, profile, remembered, workers: pool.current.size });
    return null;
  }, [profiles]);

  const loadKey = useCallback(
    async (pem: string, remember: boolean): Promise<string | null> => {
      if (!profiles) return profilesError ?? 'The FLE profiles are still loading.';
      const result = await loadPrivateKey(pem, profiles);
      if (!result.ok) return result.message;
      const error = await hold(result.loaded.key, result.loaded.fingerprint, remember);
      if (error) return error;
      if (remember) {
        await rememberKey(result.loaded);
        setRememberedAvailable(true);
      }
      return null;
    },
    [profiles, profilesError, hold],
  );

  const unlockRemembered = useCallback(async (): Promise<string | null> => {
    const remembered = await recallKey();
    if (!remembered) return 'No key is remembered on this device.';
    return hold(remembered.key, remembered.fingerprint, true);
  }, [hold]);

  const forgetKey = useCallback(async (): Promise<void> => {
    const fingerprint = held?.fingerprint ?? null;
    drop();
    await forgetRememberedKey().catch(() => undefined);
    setRememberedAvailable(false);
    await writeAudit({ action: 'key-forgotten', phase: 'complete', runId: newRunId(), source: null, table: null, column: null, rowCount: null, succeeded: null, failed: null, note: fingerprint?.slice(0, 23) ?? null }).catch(() => undefined);
  }, [drop, held]);

  useIdleLock(held !== null, drop);

  const decrypt = useCallback<FleContextValue['decrypt']>(
    (values, action, place, options = {}) => {
      const current = pool.current;
      if (!current) return Promise.reject(new Error('No key is loaded.'));
      return auditedDecrypt(current, values, { ...options, action, place, audit: writeAudit });
    },
    [],
  );

  const value = useMemo<FleContextValue>(
    () => ({
      canDecrypt,
      profiles,
      profilesError,
      reloadProfiles: () => setReload((n) => n + 1),
      held,
      rememberedAvailable,
      loadKey,
      unlockRemembered,
      forgetKey,
      decrypt,
    }),
    [canDecrypt, profiles, profilesError, held, rememberedAvailable, loadKey, unlockRemembered, forgetKey, decrypt],
  );
  return <FleContext.Provider value={value}>{children}</FleContext.Provider>;
}
