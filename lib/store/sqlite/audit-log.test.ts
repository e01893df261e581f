import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditInput } from '@/lib/audit/types';
import { InvalidInputError } from '../errors';
import type { MetadataStore } from '../metadata-store';
import { openDatabase } from './database';
import { openSqliteStore } from './sqlite-store';

const START: AuditInput = {
  action: 'decrypt-column',
  phase: 'start',
  runId: 'run-0001-abcd',
  source: 'data/sample',
  table: null,
  column: 'querytxt',
  rowCount: 10,
  succeeded: null,
  failed: null,
  note: null,
};

let store: MetadataStore;
let clock = 0;

beforeEach(() => {
  clock = Date.parse('2026-11-28T10:00:00Z');
  store = openSqliteStore({ file: ':memory:', now: () => new Date((clock += 1000)) });
});
afterEach(async () => store.close());

describe('audit log', () => {
  it('appends records with the server time and actor, and lists newest first with paging', async () => {
    const first = await store.audit.append(START, 'anonymous');
    const second = await store.audit.append({ ...START, phase: 'complete', succeeded: 9, failed: 1 }, 'admin');
    expect(first).toMatchObject({ seq: 1, actor: 'anonymous', at: '2026-11-28T10:00:01.000Z', column: 'querytxt', rowCount: 10 });
    expect(await store.audit.list()).toEqual([second, first]);
    expect(await store.audit.list({ before: second.seq })).toEqual([first]);
    expect(await store.audit.list({ limit: 1 })).toEqual([second]);
    await expect(store.audit.list({ limit: 0 })).rejects.toThrow(InvalidInputError);
  });

  it('refuses unknown fields (no place for a value) and bad actions', async () => {
    await expect(store.audit.append({ ...START, plaintext: 'x' } as AuditInput, 'a')).rejects.toThrow(InvalidInputError);
    await expect(store.audit.append({ ...START, action: 'delete' } as unknown as AuditInput, 'a')).rejects.toThrow('action');
    await expect(store.audit.append({ ...START, note: 'A'.repeat(500) }, 'a')).rejects.toThrow('note');
    await expect(store.audit.append({ ...START, rowCount: -1 }, 'a')).rejects.toThrow('rowCount');
  });
});

describe('audit_log table', () => {
  it('refuses UPDATE and DELETE even through SQL', () => {
    const db = openDatabase(':memory:');
    try {
      db.prepare("INSERT INTO audit_log (at, actor, action, phase, run_id) VALUES ('t', 'a', 'reveal', 'start', 'r')").run();
      expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow('append-only');
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow('append-only');
      expect(db.prepare('SELECT actor FROM audit_log').pluck().get()).toBe('a');
    } finally {
      db.close();
    }
  });
});
