import { describe, expect, it } from 'vitest';
import { hashPassword, MAX_PASSWORD_CHARS, passwordProblem, verifyPassword } from './password';

describe('password hashing', () => {
  it('hashes with argon2id and a fresh salt, and verifies only the right password', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(first, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword(first, '')).toBe(false);
  });

  it('never matches a malformed or empty hash, and refuses oversized input without hashing it', async () => {
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
    expect(await verifyPassword('', 'anything')).toBe(false);
    expect(await verifyPassword(await hashPassword('x'.repeat(12)), 'x'.repeat(MAX_PASSWORD_CHARS + 1))).toBe(false);
  });

  it('explains passwords that are too short or too long', () => {
    expect(passwordProblem('short')).toBe('the password must be at least 12 characters');
    expect(passwordProblem('x'.repeat(MAX_PASSWORD_CHARS + 1))).toBe(`the password must be at most ${MAX_PASSWORD_CHARS} characters`);
    expect(passwordProblem('twelve chars')).toBeNull();
  });
});
