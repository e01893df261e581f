/**
 * The process-wide metadata store for route handlers. Next.js may load this module
 * once per route bundle (and again on every dev reload), so the open store lives on
 * globalThis: one database connection per process, whatever imports it.
 */
import path from 'node:path';
import type { MetadataStore } from './metadata-store';
import { openSqliteStore } from './sqlite/sqlite-store';

/** The database file when `CLUSTERSCOPE_DB` is not set, relative to the working directory. */
export const DEFAULT_DB_PATH = path.join('data', 'clusterscope.db');

/** Where the store lives: `CLUSTERSCOPE_DB`, else {@link DEFAULT_DB_PATH}, resolved against `cwd`. */
export function resolveDatabasePath(env: Readonly<Record<string, string | undefined>> = process.env, cwd: string = process.cwd()): string {
  const configured = env.CLUSTERSCOPE_DB?.trim();
  if (configured === ':memory:') return configured;
  return path.resolve(cwd, configured || DEFAULT_DB_PATH);
}

const GLOBAL_KEY = Symbol.for('clusterscope.store.metadataStore');
type GlobalWithStore = typeof globalThis & { [GLOBAL_KEY]?: MetadataStore };

/**
 * The shared store, opened on first use. If opening fails (e.g. the schema is too
 * new) the error is thrown to this caller and the next call tries again.
 */
export function getStore(): MetadataStore {
  const holder = globalThis as GlobalWithStore;
  holder[GLOBAL_KEY] ??= openSqliteStore({ file: resolveDatabasePath() });
  return holder[GLOBAL_KEY];
}

/** Closes and forgets the shared store; the next {@link getStore} opens it again (tests, shutdown). */
export async function closeStore(): Promise<void> {
  const holder = globalThis as GlobalWithStore;
  const store = holder[GLOBAL_KEY];
  holder[GLOBAL_KEY] = undefined;
  await store?.close();
}
