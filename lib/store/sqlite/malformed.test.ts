import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MalformedRecordError } from '../errors';
import type { MetadataStore } from '../metadata-store';
import { openSqliteStore } from './sqlite-store';
import type { Editor } from '../ownership';

/** Records created without an actor have no owner, so these tests write as an admin. */
const ADMIN: Editor = { id: 'test-admin', name: 'test-admin', role: 'admin' };

let dir: string;
let file: string;
let store: MetadataStore;
/** A second connection that writes rows the store would never write. */
let raw: Database.Database;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clusterscope-malformed-'));
  file = path.join(dir, 'clusterscope.db');
  store = openSqliteStore({ file });
  raw = new Database(file);
});

afterEach(async () => {
  raw.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const good = {
  id: 'good',
  name: 'Good',
  description: '',
  tags: '[]',
  sql: 'select 1',
  parameters: '{}',
  chart: null as string | null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  created_by: 'anonymous',
  version: 1,
};

function insertRaw(row: Partial<typeof good> & { id: string }): void {
  raw
    .prepare(
      `INSERT INTO saved_queries (id, name, description, tags, sql, parameters, chart, created_at, updated_at, created_by, version)
       VALUES (@id, @name, @description, @tags, @sql, @parameters, @chart, @created_at, @updated_at, @created_by, @version)`,
    )
    .run({ ...good, ...row });
}

async function getError(id: string): Promise<MalformedRecordError> {
  const error = await store.savedQueries.get(id).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof MalformedRecordError)) throw new Error(`expected MalformedRecordError, got ${String(error)}`);
  return error;
}

describe('malformed stored saved queries', () => {
  it('names the record and the column when JSON is corrupt', async () => {
    insertRaw({ id: 'broken-json', parameters: '{"cluster": ' });
    const error = await getError('broken-json');
    expect(error.id).toBe('broken-json');
    expect(error.version).toBe(1);
    expect(error.issues.map((issue) => issue.path)).toEqual(['parameters']);
    expect(error.message).toMatch(/^saved query "broken-json" is malformed in the store: parameters: not valid JSON \(/);
  });

  it('names every field of the wrong type or shape', async () => {
    insertRaw({ id: 'wrong-types', name: '  ', tags: '{"a":1}', parameters: '"text"', created_at: 'yesterday', version: 0 });
    const error = await getError('wrong-types');
    expect(error.issues).toEqual([
      { path: 'name', message: 'must not be empty' },
      { path: 'tags', message: 'must be an array of strings' },
      { path: 'parameters', message: 'must be a JSON object or array' },
      { path: 'createdAt', message: 'must be an ISO 8601 UTC timestamp' },
      { path: 'version', message: 'must be at least 1' },
    ]);
    expect(error.version).toBeUndefined();
  });

  it('cannot be given a value of the wrong column type (the table is STRICT)', () => {
    expect(() => insertRaw({ id: 'x', version: 'two' as unknown as number })).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('skips malformed rows in a list and reports them, so one bad row never breaks the list', async () => {
    insertRaw({ id: 'good' });
    insertRaw({ id: 'bad-chart', name: 'Bad chart', chart: 'not json', version: 4 });
    insertRaw({ id: 'bad-tags', name: 'Bad tags', tags: '[1]' });
    const result = await store.savedQueries.list();
    expect(result.items.map((item) => item.id)).toEqual(['good']);
    expect(result.problems.map(({ id, version }) => ({ id, version }))).toEqual([
      { id: 'bad-chart', version: 4 },
      { id: 'bad-tags', version: 1 },
    ]);
    expect(result.problems[1]?.message).toBe('saved query "bad-tags" is malformed in the store: tags.0: must be a string');

    // A search that matches a bad row reports it too, even though its tags are unreadable JSON.
    const searched = await store.savedQueries.list({ q: 'bad' });
    expect(searched.items).toEqual([]);
    expect(searched.problems.map((problem) => problem.id)).toEqual(['bad-chart', 'bad-tags']);
  });

  it('can still be repaired by an update, or deleted, at its stored version', async () => {
    insertRaw({ id: 'repair', parameters: 'oops', version: 3 });
    insertRaw({ id: 'remove', parameters: 'oops', version: 2 });
    const repaired = await store.savedQueries.update('repair', { name: 'Repaired', sql: 'select 1', version: 3 }, ADMIN);
    expect(repaired).toMatchObject({ id: 'repair', parameters: {}, version: 4 });
    await store.savedQueries.delete('remove', 2, ADMIN);
    expect(await store.savedQueries.get('remove')).toBeNull();
  });

  it('reports the malformed record, not a conflict, when a stale write meets it', async () => {
    insertRaw({ id: 'stale', parameters: 'oops', version: 5 });
    const error = await store.savedQueries.update('stale', { name: 'n', sql: 's', version: 1 }, ADMIN).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MalformedRecordError);
    expect((error as MalformedRecordError).version).toBe(5);
  });
});
