/** Browser calls to the FLE profile and audit routes. */
import { apiFetch } from '@/lib/auth/browser-fetch';
import type { AuditInput, AuditRecord } from '@/lib/audit/types';
import type { FleProfile, FleProfileInput } from './profile';

async function failure(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  const message = typeof body?.error === 'string' ? body.error : `${response.status} ${response.statusText}`;
  return new Error(message);
}

/** The configured FLE profiles (admin only). */
export async function fetchFleProfiles(): Promise<FleProfile[]> {
  const response = await apiFetch('/api/fle/profiles', { cache: 'no-store' });
  if (!response.ok) throw await failure(response);
  return ((await response.json()) as { profiles: FleProfile[] }).profiles;
}

/** Adds a profile; throws with the server's message (e.g. what is wrong with the public key). */
export async function createFleProfile(input: FleProfileInput): Promise<FleProfile> {
  const response = await apiFetch('/api/fle/profiles', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as FleProfile;
}

/** Removes a stored profile. */
export async function deleteFleProfile(id: string): Promise<void> {
  const response = await apiFetch(`/api/fle/profiles/${encodeURIComponent(id)}`, { method: 'DELETE' });
  if (!response.ok) throw await failure(response);
}

/**
 * Writes one audit record. Throws when the server did not store it, so the
 * caller can refuse to decrypt (fail closed).
 */
export async function writeAudit(input: AuditInput): Promise<AuditRecord> {
  let response: Response;
  try {
    response = await apiFetch('/api/audit', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
      cache: 'no-store',
    });
  } catch {
    throw new Error('the audit log could not be reached');
  }
  if (!response.ok) throw await failure(response);
  return (await response.json()) as AuditRecord;
}

/** The newest audit records. */
export async function fetchAudit(limit = 200): Promise<AuditRecord[]> {
  const response = await apiFetch(`/api/audit?limit=${limit}`, { cache: 'no-store' });
  if (!response.ok) throw await failure(response);
  return ((await response.json()) as { records: AuditRecord[] }).records;
}
