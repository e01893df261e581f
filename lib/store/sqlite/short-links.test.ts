import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, MalformedRecordError, NotFoundError } from '../errors';
import type { MetadataStore } from '../metadata-store';
import { MAX_SHORT_LINK_STATE_BYTES } from '../short-links';
import { newShortLinkId } from './short-links';
import { openSqliteStore } from './sqlite-store';

let dir: string;
let file: string;
let store: MetadataStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-links-'));
  file = path.join(dir, 'clusterscope.db');
  let clock = 0;
  store = openSqliteStore({ file, now: () => new Date(Date.UTC(2026, 10, 28, 15) + 60_000 * clock++) });
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const state = { v: 1, title: 'Q', sql: "select 'ü'", params: {}, paramDefs: [], view: 'table' };

describe('short links in SQLite', () => {
  it('makes ids of 128 random bits in base64url', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newShortLinkId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from([...ids][0]!, 'base64url')).toHaveLength(16);
  });

  it('stores a state with its creator and time, and reads it back', async () => {
    const link = await store.shortLinks.create(state, { actor: 'ana' });
    expect(link).toMatchObject({ state, createdBy: 'ana', createdAt: '2026-11-28T15:00:00.000Z', revokedAt: null, revokedBy: null });
    expect(await store.shortLinks.get(link.id)).toEqual(link);
    expect(await store.shortLinks.get('AAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
    expect((await store.shortLinks.create(state)).createdBy).toBe('anonymous');
  });

  it('revokes once, forgetting the state, and keeps the first revocation', async () => {
    const link = await store.shortLinks.create(state);
    const revoked = await store.shortLinks.revoke(link.id, { actor: 'admin' });
    expect(revoked).toEqual({ ...link, state: null, revokedAt: '2026-11-28T15:01:00.000Z', revokedBy: 'admin' });
    expect(await store.shortLinks.revoke(link.id, { actor: 'other' })).toEqual(revoked);
    expect(await store.shortLinks.get(link.id)).toEqual(revoked);
    await expect(store.shortLinks.revoke('nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses states that are not bounded JSON objects', async () => {
    await expect(store.shortLinks.create([1, 2])).rejects.toThrow('must be a JSON object');
    await expect(store.shortLinks.create({ big: 'x'.repeat(MAX_SHORT_LINK_STATE_BYTES) })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.shortLinks.create({ n: Number.NaN })).rejects.toThrow('not plain JSON');
  });

  it('reports a row broken by hand as malformed, naming its id', async () => {
    const link = await store.shortLinks.create(state);
    const db = new Database(file);
    db.prepare("UPDATE short_links SET state = '{oops' WHERE id = ?").run(link.id);
    db.close();
    const error = await store.shortLinks.get(link.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedRecordError);
    expect((error as Error).message).toContain(link.id);
  });
});
