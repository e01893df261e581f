import { describe, expect, it } from 'vitest';
import { auditCsv } from './csv';
import type { AuditRecord } from './types';

const record: AuditRecord = {
  seq: 7,
  at: '2026-12-01T10:00:00.000Z',
  actor: '@admin',
  action: 'export-plaintext',
  phase: 'complete',
  runId: 'run-0001',
  source: '=cmd|calc',
  table: 'a,b',
  column: null,
  rowCount: 3,
  succeeded: 2,
  failed: 0,
  note: '-1+1',
};

describe('auditCsv', () => {
  it('writes a header, defuses text cells and keeps numbers', () => {
    expect(auditCsv([record])).toBe(
      'seq,at,actor,action,phase,runId,source,table,column,rowCount,succeeded,failed,note\r\n' +
        "7,2026-12-01T10:00:00.000Z,'@admin,export-plaintext,complete,run-0001,'=cmd|calc,\"a,b\",,3,2,0,'-1+1\r\n",
    );
  });
});
