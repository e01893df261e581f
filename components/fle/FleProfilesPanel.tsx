'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { createFleProfile, deleteFleProfile } from '@/lib/fle/api-client';
import { formatColumnList, parseColumnList } from '@/lib/fle/profile';
import { useFle } from './useFle';

/** FLE settings: the profiles (public keys by fingerprint, protected columns) and a form to add one. */
export function FleProfilesPanel(): ReactNode {
  const fle = useFle();
  const [provider, setProvider] = useState('');
  const [keyName, setKeyName] = useState('');
  const [pem, setPem] = useState('');
  const [columns, setColumns] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!fle?.canDecrypt) return null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const protectedColumns = parseColumnList(columns);
    if (!protectedColumns) {
      setError('Protected columns must be table.column names separated by commas, e.g. stl_query.querytxt.');
      return;
    }
    try {
      await createFleProfile({ providerName: provider, keyName, publicKeyPem: pem, protectedColumns });
      setProvider('');
      setKeyName('');
      setPem('');
      setColumns('');
      setError(null);
      fle.reloadProfiles();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <section aria-label="FLE profiles" className="fle-profiles">
      <h3>FLE profiles</h3>
      {fle.profiles?.length === 0 ? <p className="muted">No profile yet: add the provider name, key name and public key from CloudFront.</p> : null}
      <ul>
        {fle.profiles?.map((profile) => (
          <li key={profile.id}>
            <strong>
              {profile.providerName} / {profile.keyName}
            </strong>
            {profile.builtIn ? ' (bundled sample)' : ''} — public key fingerprint <code>{profile.fingerprint}</code>
            <br />
            Protected columns: {formatColumnList(profile.protectedColumns).join(', ') || 'none named (detected from values)'}
            {profile.builtIn ? null : (
              <button type="button" onClick={() => void deleteFleProfile(profile.id).then(fle.reloadProfiles, (failure: unknown) => setError(String(failure)))}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <details>
        <summary>Add a profile</summary>
        <form onSubmit={(event) => void onSubmit(event)}>
          <label>
            Provider name <input value={provider} onChange={(event) => setProvider(event.target.value)} required />
          </label>
          <label>
            Key name <input value={keyName} onChange={(event) => setKeyName(event.target.value)} required />
          </label>
          <label>
            Public key (PEM) <textarea value={pem} onChange={(event) => setPem(event.target.value)} rows={4} required />
          </label>
          <label>
            Protected columns{' '}
            <input value={columns} onChange={(event) => setColumns(event.target.value)} placeholder="stl_query.querytxt, stl_querytext.text" />
          </label>
          <button type="submit">Add profile</button>
        </form>
      </details>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
