/**
 * Demo accounts of the bundled sample. They exist only while the source is the
 * sample, so a deployment on real data never has an account with a published
 * password. They are not stored: nothing has to be removed when the source changes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_SOURCE, resolveSource } from '../catalog/source';
import type { Role } from './roles';

/** The demo accounts and their passwords, as printed in the README. */
export const DEMO_ACCOUNTS: readonly { name: string; role: Role; password: string }[] = [
  { name: 'admin', role: 'admin', password: 'clusterscope-admin' },
  { name: 'analyst', role: 'analyst', password: 'clusterscope-analyst' },
  { name: 'viewer', role: 'viewer', password: 'clusterscope-viewer' },
];

/** Whether the configured source is the bundled sample, which is when demo accounts exist. */
export function demoAccountsEnabled(env: Readonly<Record<string, string | undefined>> = process.env, cwd: string = process.cwd()): boolean {
  const source = resolveSource(env, cwd);
  return source.kind === 'local' && source.root === path.resolve(cwd, DEFAULT_SOURCE);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** The demo account's role if `name` and `password` match one and demo accounts are enabled, else `null`. */
export function demoAccountRole(name: string, password: string, enabled: boolean = demoAccountsEnabled()): Role | null {
  if (!enabled) return null;
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.name === name);
  // Compared as digests so the comparison takes the same time whatever the password's length.
  if (!account || !timingSafeEqual(digest(account.password), digest(password))) return null;
  return account.role;
}
