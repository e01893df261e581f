/** The FLE audit log in SQLite: INSERT and SELECT only; triggers refuse UPDATE and DELETE. */
import type Database from 'better-sqlite3';
import { InvalidInputError, StoreClosedError } from '../errors';
import { DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT, type AuditInput, type AuditLog, type AuditQuery, type AuditRecord } from '@/lib/audit/types';
import { parseAuditInput } from '@/lib/audit/schema';

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  phase: string;
  run_id: string;
  source: string | null;
  table_name: string | null;
  column_name: string | null;
  row_count: number | null;
  succeeded: number | null;
  failed: number | null;
  note: string | null;
}

function toRecord(row: AuditRow): AuditRecord {
  // Rows were validated on the way in, and the table cannot be changed afterwards.
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action as AuditRecord['action'],
    phase: row.phase as AuditRecord['phase'],
    runId: row.run_id,
    source: row.source,
    table: row.table_name,
    column: row.column_name,
    rowCount: row.row_count,
    succeeded: row.succeeded,
    failed: row.failed,
    note: row.note,
  };
}

/** The audit log in `db` (migrated); `now` is the server's clock. */
export function createSqliteAuditLog(db: Database.Database, now: () => Date): AuditLog {
  const insert = db.prepare(`
    INSERT INTO audit_log (at, actor, action, phase, run_id, source, table_name, column_name, row_count, succeeded, failed, note)
    VALUES (@at, @actor, @action, @phase, @runId, @source, @table, @column, @rowCount, @succeeded, @failed, @note)
  `);
  const byId = db.prepare('SELECT * FROM audit_log WHERE seq = ?');
  const newest = db.prepare('SELECT * FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?');
  const open = (): void => {
    if (!db.open) throw new StoreClosedError();
  };
  return {
    async append(input: AuditInput, actor: string): Promise<AuditRecord> {
      open();
      const valid = parseAuditInput(input);
      const info = insert.run({ ...valid, actor, at: now().toISOString() });
      return toRecord(byId.get(info.lastInsertRowid) as AuditRow);
    },
    async list(query: AuditQuery = {}): Promise<AuditRecord[]> {
      open();
      const limit = query.limit ?? DEFAULT_AUDIT_LIMIT;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_LIMIT) {
        throw new InvalidInputError('audit query', [{ path: 'limit', message: `must be an integer from 1 to ${MAX_AUDIT_LIMIT}` }]);
      }
      const before = query.before ?? Number.MAX_SAFE_INTEGER;
      return (newest.all(before, limit) as AuditRow[]).map(toRecord);
    },
  };
}
