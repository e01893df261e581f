import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../errors';
import type { MetadataStore } from '../metadata-store';
import { openSqliteStore } from './sqlite-store';

let dir: string;
let file: string;
let store: MetadataStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-decisions-'));
  file = path.join(dir, 'clusterscope.db');
  let clock = 0;
  store = openSqliteStore({ file, now: () => new Date(Date.UTC(2026, 11, 2, 9) + 60_000 * clock++) });
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const DISMISS = { findingId: 'ghost-rows|prod-etl-use1|orders', action: 'dismissed', reason: 'vacuum is scheduled', until: null, impactUs: 1e6 };

describe('Advisor decisions in SQLite', () => {
  it('records, replaces, lists and forgets a decision, and it survives reopening', async () => {
    await store.advisorDecisions.put(DISMISS, { actor: 'ana' });
    const snooze = await store.advisorDecisions.put({ ...DISMISS, action: 'snoozed', reason: '', until: '2026-12-09' }, { actor: 'bo' });
    expect(snooze).toEqual({ ...DISMISS, action: 'snoozed', reason: '', until: '2026-12-09', decidedBy: 'bo', decidedAt: '2026-12-02T09:01:00.000Z' });
    await store.close();
    store = openSqliteStore({ file });
    expect(await store.advisorDecisions.list()).toEqual([snooze]);
    await store.advisorDecisions.remove(DISMISS.findingId);
    expect(await store.advisorDecisions.list()).toEqual([]);
    await expect(store.advisorDecisions.remove(DISMISS.findingId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses bad input and skips a malformed row', async () => {
    await expect(store.advisorDecisions.put({ ...DISMISS, reason: '' }, { actor: 'ana' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.advisorDecisions.put({ ...DISMISS, findingId: 'x' }, { actor: 'ana' })).rejects.toBeInstanceOf(InvalidInputError);
    await store.advisorDecisions.put(DISMISS, { actor: 'ana' });
    await store.close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO advisor_decisions VALUES ('sort-key|c|t', 'dismissed', 'r', NULL, 5, '', 'x')").run();
    raw.close();
    store = openSqliteStore({ file });
    expect((await store.advisorDecisions.list()).map((d) => d.findingId)).toEqual([DISMISS.findingId]);
  });
});
