/** Checks an FLE profile an admin sends: fields, then the public key itself. */
import { InvalidInputError } from '@/lib/store/errors';
import { parseInput } from '@/lib/store/schemas';
import { fleProfileInputSchema } from './profile';
import type { CheckedFleProfile } from './profile-store';
import { parsePublicKeyPem } from './public-key';

/** Validates `value`; throws `InvalidInputError` naming the field, including a bad public key. */
export async function checkFleProfileInput(value: unknown): Promise<CheckedFleProfile> {
  const input = parseInput(fleProfileInputSchema, value, 'FLE profile');
  const key = await parsePublicKeyPem(input.publicKeyPem);
  if (!key.ok) throw new InvalidInputError('FLE profile', [{ path: 'publicKeyPem', message: key.message }]);
  return { ...input, publicKeyPem: key.key.pem, fingerprint: key.key.fingerprint };
}
