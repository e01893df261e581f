/**
 * Local accounts: validated names, hashed passwords. Used by the `npm run user`
 * CLI and the admin API, so both refuse the same input with the same words.
 */
import { InvalidInputError } from '../store/errors';
import type { MetadataStore, UserSummary } from '../store/metadata-store';
import { hashPassword, passwordProblem } from './password';
import type { Role } from './roles';

/** Letters, digits and `. _ @ -`, starting with a letter or digit: safe in URLs, logs and audit records. */
const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** Why `name` cannot name a local account, or `null` when it can. */
export function userNameProblem(name: string): string | null {
  if (USER_NAME.test(name)) return null;
  return 'the user name must be 1–64 characters: letters, digits, ".", "_", "@" or "-", starting with a letter or digit';
}

function check(path: string, problem: string | null): void {
  if (problem !== null) throw new InvalidInputError('user', [{ path, message: problem }]);
}

/** Creates a local account. Throws `InvalidInputError` for a bad name or password, or a name in use. */
export async function addUser(store: MetadataStore, name: string, role: Role, password: string): Promise<UserSummary> {
  check('name', userNameProblem(name));
  check('password', passwordProblem(password));
  return store.users.create({ name, role, passwordHash: await hashPassword(password) });
}

/**
 * Changes a local account's role and/or password, and ends its sessions so the
 * change applies at once. Throws `NotFoundError` or `InvalidInputError`.
 */
export async function changeUser(store: MetadataStore, name: string, change: { role?: Role; password?: string }): Promise<UserSummary> {
  if (change.password !== undefined) check('password', passwordProblem(change.password));
  const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
  const updated = await store.users.update(name, { role: change.role, ...(passwordHash ? { passwordHash } : {}) });
  await store.sessions.deleteForUser(name);
  return updated;
}
