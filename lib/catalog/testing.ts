/**
 * Test support: points the server's source at a fresh temporary folder for
 * one test file (with no cached manifest), and restores the environment after.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { invalidateManifest } from './manifest-cache';

/** Registers the hooks; returns a getter for the folder (set once the file's first `beforeAll` has run). */
export function withLocalSource(prefix: string): () => string {
  let dir = '';
  let previous: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    previous = process.env.CLUSTERSCOPE_SOURCE;
    process.env.CLUSTERSCOPE_SOURCE = dir;
    invalidateManifest();
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.CLUSTERSCOPE_SOURCE;
    else process.env.CLUSTERSCOPE_SOURCE = previous;
    invalidateManifest();
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}
