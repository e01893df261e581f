/**
 * Test support: points the server's store singleton at a fresh SQLite file
 * in a temporary folder for one test file, and restores the environment after.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { HttpError } from './http';
import { closeStore } from './server';

/** Registers the hooks; returns a getter for the temporary folder. */
export function withTemporaryStore(prefix: string, fileName = 'clusterscope.db'): () => string {
  let dir = '';
  let previous: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    previous = process.env.CLUSTERSCOPE_DB;
    process.env.CLUSTERSCOPE_DB = path.join(dir, fileName);
    await closeStore();
  });
  afterAll(async () => {
    await closeStore();
    if (previous === undefined) delete process.env.CLUSTERSCOPE_DB;
    else process.env.CLUSTERSCOPE_DB = previous;
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** The `HttpError` a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function httpFailure(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof HttpError)) throw new Error(`expected HttpError, got ${String(error)}`);
  return error;
}
