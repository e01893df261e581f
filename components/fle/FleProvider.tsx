'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSession } from '@/components/auth/SessionProvider';
import { fetchFleProfiles, writeAudit } from '@/lib/fle/api-client';
import { auditedDecrypt } from '@/lib/fle/audited-decrypt';
import { forgetRememberedKey, recallKey, rememberKey } from '@/lib/fle/key-store';
import { createDecryptPool, type DecryptPool } from '@/lib/fle/pool';
import { loadPrivateKey } from '@/lib/fle/private-key';
import type { FleProfile } from '@/lib/fle/profile';
import { recallVerdict, rememberedKeyRecord, sessionTag, type RecallVerdict } from '@/lib/fle/remembered-key';
import { FleContext, type FleContextValue, type HeldKey } from './fle-context';
import { useCanDecrypt } from './useCanDecrypt';
import { useIdleLock } from './useIdleLock';

function newRunId(): string {
  return crypto.randomUUID();
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function forgetQuietly(): Promise<void> {
  return forgetRememberedKey().catch(() => undefined);
}

/**
 * Holds the tab's FLE state: profiles, the loaded key (as a non-extractable
 * CryptoKey inside a worker pool), auto-lock, and audited decryption. The
 * PEM text never outlives `loadKey`.
 *
 * A key remembered on this device is bound to the user, role, session and
 * profile, and has a maximum age (`lib/fle/remembered-key.ts`); a record that
 * does not fit is deleted as soon as it is seen. The idle lock drops the key
 * from the workers and forgets the remembered one as well: after it, the key
 * must be loaded again from its file.
 */
export function FleProvider({ children }: { children: ReactNode }): ReactNode {
  const canDecrypt = useCanDecrypt();
  const { user, csrfToken, fleRememberMaxAgeMs } = useSession();
  const [session, setSession] = useState<string | null>(null);
  const [profiles, setProfiles] = useState<FleProfile[] | null>(null);
  const [profilesError, setProfilesError] = useState<string | null>(null);
  const [held, setHeld] = useState<HeldKey | null>(null);
  const [rememberedAvailable, setRememberedAvailable] = useState(false);
  const [reload, setReload] = useState(0);
  const pool = useRef<DecryptPool | null>(null);

  useEffect(() => {
    let stale = false;
    if (csrfToken) void sessionTag(csrfToken).then((tag) => !stale && setSession(tag));
    return () => {
      stale = true;
    };
  }, [csrfToken]);

  useEffect(() => {
    // Whoever cannot decrypt (a role that changed from admin, another user) never keeps a remembered key here.
    if (!canDecrypt) void forgetQuietly();
  }, [canDecrypt]);

  useEffect(() => {
    if (!canDecrypt) return;
    let stale = false;
    fetchFleProfiles().then(
      (list) => !stale && (setProfiles(list), setProfilesError(null)),
      (error: unknown) => !stale && setProfilesError(message(error)),
    );
    return () => {
      stale = true;
    };
  }, [canDecrypt, reload]);

  /** The remembered key with the verdict for this session now; deletes a record that no longer fits. */
  const recall = useCallback(async (): Promise<{ key: CryptoKey; verdict: RecallVerdict } | null> => {
    if (!profiles) return null;
    const stored = await recallKey();
    if (!stored) return null;
    const verdict = recallVerdict(stored.record, { user, session, profiles, now: Date.now(), maxAgeMs: fleRememberMaxAgeMs });
    if (!verdict.usable) await forgetQuietly();
    return { key: stored.key, verdict };
  }, [profiles, user, session, fleRememberMaxAgeMs]);

  useEffect(() => {
    if (!canDecrypt || !profiles || session === null) return;
    let stale = false;
    recall().then(
      (found) => !stale && setRememberedAvailable(found?.verdict.usable === true),
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [canDecrypt, profiles, session, recall]);

  const drop = useCallback(() => {
    pool.current?.terminate();
    pool.current = null;
    setHeld(null);
  }, []);
  useEffect(() => drop, [drop]);

  const hold = useCallback(
    async (key: CryptoKey, fingerprint: string, remembered: boolean): Promise<string | null> => {
      const profile = profiles?.find((candidate) => candidate.fingerprint === fingerprint);
      if (!profile) return `No FLE profile has the public key ${fingerprint}.`;
      try {
        await writeAudit({
          action: 'key-loaded',
          phase: 'complete',
          runId: newRunId(),
          source: null,
          table: null,
          column: null,
          rowCount: null,
          succeeded: null,
          failed: null,
          note: fingerprint.slice(0, 23),
        });
      } catch (error) {
        return `The key was not loaded: the audit record could not be written (${message(error)}).`;
      }
      pool.current?.terminate();
      pool.current = await createDecryptPool({ keyNamespace: profile.providerName, keyName: profile.keyName, privateKey: key });
      setHeld({ fingerprint, profile, remembered, workers: pool.current.size });
      return null;
    },
    [profiles],
  );

  const loadKey = useCallback(
    async (pem: string, remember: boolean): Promise<string | null> => {
      if (!profiles) return profilesError ?? 'The FLE profiles are still loading.';
      const result = await loadPrivateKey(pem, profiles);
      if (!result.ok) return result.message;
      const keep = remember && fleRememberMaxAgeMs > 0 && user !== null && session !== null;
      const error = await hold(result.loaded.key, result.loaded.fingerprint, keep);
      if (error) return error;
      const profile = profiles.find((candidate) => candidate.fingerprint === result.loaded.fingerprint);
      if (keep && profile) {
        const binding = { user: user.name, role: user.role, session, profileId: profile.id, fingerprint: profile.fingerprint };
        await rememberKey(result.loaded.key, rememberedKeyRecord(binding, Date.now()));
        setRememberedAvailable(true);
      }
      return null;
    },
    [profiles, profilesError, hold, fleRememberMaxAgeMs, user, session],
  );

  const unlockRemembered = useCallback(async (): Promise<string | null> => {
    const found = await recall();
    if (!found) {
      setRememberedAvailable(false);
      return 'No key is remembered on this device.';
    }
    if (!found.verdict.usable) {
      setRememberedAvailable(false);
      return `The remembered key was forgotten because ${found.verdict.reason}. Load the key again.`;
    }
    return hold(found.key, found.verdict.record.fingerprint, true);
  }, [recall, hold]);

  /** Drops the key from the workers and the device, then audits it with `note(fingerprint)`. */
  const forgetAndAudit = useCallback(
    async (note: (fingerprint: string | null) => string | null): Promise<void> => {
      const fingerprint = held?.fingerprint ?? null;
      drop();
      await forgetQuietly();
      setRememberedAvailable(false);
      await writeAudit({
        action: 'key-forgotten',
        phase: 'complete',
        runId: newRunId(),
        source: null,
        table: null,
        column: null,
        rowCount: null,
        succeeded: null,
        failed: null,
        note: note(fingerprint),
      }).catch(() => undefined);
    },
    [drop, held],
  );
  const forgetKey = useCallback((): Promise<void> => forgetAndAudit((fingerprint) => fingerprint?.slice(0, 23) ?? null), [forgetAndAudit]);

  // Idle: the key leaves the workers and the device, so only loading it again unlocks (not one click).
  const lock = useCallback(
    (): Promise<void> => forgetAndAudit((fingerprint) => `idle lock${fingerprint ? ` ${fingerprint.slice(0, 23)}` : ''}`),
    [forgetAndAudit],
  );
  const onIdle = useCallback(() => void lock(), [lock]);
  useIdleLock(held !== null || rememberedAvailable, onIdle);

  const decrypt = useCallback<FleContextValue['decrypt']>((values, action, place, options = {}) => {
    const current = pool.current;
    if (!current) return Promise.reject(new Error('No key is loaded.'));
    return auditedDecrypt(current, values, { ...options, action, place, audit: writeAudit });
  }, []);

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
