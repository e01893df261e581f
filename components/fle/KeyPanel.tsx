'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { useSession } from '@/components/auth/SessionProvider';
import { useFle } from './useFle';

function hours(ms: number): string {
  const value = Math.round((ms / 3_600_000) * 10) / 10;
  return `${value} hour${value === 1 ? '' : 's'}`;
}

/**
 * Load, remember and forget the FLE private key. The PEM text lives only in
 * this form until it is checked; it is cleared whatever the outcome.
 */
export function KeyPanel(): ReactNode {
  const fle = useFle();
  const { fleRememberMaxAgeMs } = useSession();
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  if (!fle?.canDecrypt) return null;

  const clear = (): void => {
    setPasted('');
    setFile(null);
    setFileInputKey((n) => n + 1);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const pem = file ? await file.text() : pasted;
      clear();
      setError(await fle.loadKey(pem, remember));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  if (fle.held) {
    return (
      <section aria-label="Decryption key" className="fle-key">
        <h3>Decryption key</h3>
        <p role="status" aria-label="Key status">
          Key loaded for {fle.held.profile.providerName} / {fle.held.profile.keyName} (fingerprint <code>{fle.held.fingerprint}</code>)
          {fle.held.remembered ? `, remembered on this device until you sign out (at most ${hours(fleRememberMaxAgeMs)})` : ''}. {fle.held.workers} decrypt
          workers. It locks after 15 minutes without activity; then it must be loaded again.
        </p>
        <button type="button" onClick={() => void fle.forgetKey()}>
          Forget key
        </button>
      </section>
    );
  }

  return (
    <section aria-label="Decryption key" className="fle-key">
      <h3>Decryption key</h3>
      {fle.profilesError ? <p role="alert">FLE profiles could not be loaded: {fle.profilesError}</p> : null}
      {fle.rememberedAvailable ? (
        <p>
          A key is remembered on this device.{' '}
          <button type="button" onClick={() => void fle.unlockRemembered().then(setError)}>
            Unlock remembered key
          </button>{' '}
          <button type="button" onClick={() => void fle.forgetKey()}>
            Forget key
          </button>
        </p>
      ) : null}
      <form onSubmit={(event) => void onSubmit(event)}>
        <label>
          Private key
          <input key={fileInputKey} type="file" accept=".pem,.key,.txt,application/x-pem-file" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </label>
        <label>
          Or paste the private key (PKCS#8 PEM)
          <textarea
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            rows={4}
            spellCheck={false}
            autoComplete="off"
            placeholder="-----BEGIN PRIVATE KEY-----"
          />
        </label>
        {fleRememberMaxAgeMs > 0 ? (
          <label>
            <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} /> Remember on this device
          </label>
        ) : null}
        <button type="submit" disabled={busy || (!file && pasted.trim() === '') || fle.profiles === null}>
          {busy ? 'Checking…' : 'Load key'}
        </button>
      </form>
      {error ? (
        <p role="alert" aria-label="Key error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
