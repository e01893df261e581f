/** Checks a username and password against local accounts, then the sample's demo accounts. */
import type { MetadataStore } from '../store/metadata-store';
import { demoAccountRole, demoAccountsEnabled } from './demo-accounts';
import { hashPassword, verifyPassword } from './password';
import type { SessionUser } from './roles';

let decoy: Promise<string> | undefined;

/**
 * The user whose credentials these are, or `null`. An unknown name still costs one
 * argon2 verification, so response times do not reveal which names exist.
 */
export async function authenticatePassword(
  store: MetadataStore,
  name: string,
  password: string,
  demoEnabled: boolean = demoAccountsEnabled(),
): Promise<SessionUser | null> {
  const user = await store.users.get(name);
  if (user !== null) return (await verifyPassword(user.passwordHash, password)) ? { id: name, name, role: user.role, provider: 'local' } : null;
  decoy ??= hashPassword('decoy password that matches nothing');
  await verifyPassword(await decoy, password);
  const demoRole = demoAccountRole(name, password, demoEnabled);
  return demoRole === null ? null : { id: name, name, role: demoRole, provider: 'demo' };
}
