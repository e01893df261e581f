/**
 * The bundled sample's FLE profile, offered out of the box while the source is
 * the sample (its marker says it is encrypted) and never stored: the demo key
 * is public and must not protect real data.
 */
import { readFileSync } from 'node:fs';
import { resolveSource } from '@/lib/catalog/source';
import { readMarker } from '@/lib/sample/marker';
import { SAMPLE_PROTECTED_COLUMNS, type FleProfile } from './profile';
import { parsePublicKeyPem } from './public-key';

/** Id of the built-in profile. */
export const SAMPLE_PROFILE_ID = 'sample-demo';

const PUBLIC_KEY_FILE = new URL('../sample/demo-keys-sample-only/demo-public-key.pem', import.meta.url);

/** The sample's profile when the configured source is an encrypted sample, else null. */
export async function sampleProfile(env: Readonly<Record<string, string | undefined>> = process.env): Promise<FleProfile | null> {
  const source = resolveSource(env);
  if (source.kind !== 'local') return null;
  const marker = readMarker(source.root);
  if (!marker?.encrypted || !marker.fle) return null;
  const key = await parsePublicKeyPem(readFileSync(PUBLIC_KEY_FILE, 'utf8'));
  if (!key.ok) return null;
  return {
    id: SAMPLE_PROFILE_ID,
    providerName: marker.fle.keyNamespace,
    keyName: marker.fle.keyName,
    publicKeyPem: key.key.pem,
    fingerprint: key.key.fingerprint,
    protectedColumns: SAMPLE_PROTECTED_COLUMNS,
    builtIn: true,
    updatedAt: marker.generatedAt,
    updatedBy: 'sample',
  };
}
