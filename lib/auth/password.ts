/**
 * Password hashing with argon2id (`@node-rs/argon2`, prebuilt binaries, no
 * install scripts). The library's defaults are OWASP's recommended minimum
 * (19 MiB, 2 passes, 1 lane); hashes are PHC strings that carry their own
 * parameters, so raising them later keeps old hashes verifiable.
 */
import { hash, verify } from '@node-rs/argon2';
import { throughHashGate } from './hash-gate';

/** Shortest and longest password accepted for a local account. */
export const MIN_PASSWORD_CHARS = 12;
export const MAX_PASSWORD_CHARS = 1024;

/** Why `password` cannot be used for a local account, or `null` when it can. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_CHARS) return `the password must be at least ${MIN_PASSWORD_CHARS} characters`;
  // Bounded so that hashing a huge body cannot tie up the server.
  if (password.length > MAX_PASSWORD_CHARS) return `the password must be at most ${MAX_PASSWORD_CHARS} characters`;
  return null;
}

/** An argon2id PHC hash of `password` with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  return throughHashGate(() => hash(password));
}

/** Whether `password` matches `passwordHash`; a malformed hash never matches. Throws `HashBusyError` when too many hashes wait. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_CHARS) return false;
  return throughHashGate(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}
