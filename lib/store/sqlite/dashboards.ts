/** The dashboard collection of the SQLite store. */
import type Database from 'better-sqlite3';
import { z } from '@/lib/validation/zod';
import { dashboardInputSchema, dashboardSchema, dashboardUpdateSchema, type Dashboard, type ParsedDashboardInput } from '../../dashboards/schema';
import { InvalidInputError, MalformedRecordError, StoreClosedError } from '../errors';
import { DASHBOARD_KIND, type DashboardCollection } from '../metadata-store';
import { actorSchema, parseInput, toIssues } from '../schemas';
import { matchesSearch } from '../search';
import type { RecordProblem } from '../types';
import { jsonColumn, rowId, rowVersion } from './rows';
import { versionedWrites } from './versioned-writes';
import { listLimit, listTerms, type SavedQueryDeps } from './saved-queries';

const COLUMNS = 'id, name, description, filters, tiles, created_at, updated_at, created_by, version, owner, shipped';
const ANONYMOUS = 'anonymous';

const rowSchema = z
  .object({
    id: z.unknown(),
    name: z.unknown(),
    description: z.unknown(),
    filters: jsonColumn,
    tiles: jsonColumn,
    created_at: z.unknown(),
    updated_at: z.unknown(),
    created_by: z.unknown(),
    version: z.unknown(),
    owner: z.unknown(),
    shipped: z.unknown(),
  })
  .transform(({ created_at, updated_at, created_by, shipped, ...row }) => ({
    ...row,
    createdAt: created_at,
    updatedAt: updated_at,
    createdBy: created_by,
    shipped: shipped === 1 ? true : shipped === 0 ? false : shipped,
  }));

/** Validates a stored row, or throws {@link MalformedRecordError} naming it. */
export function decodeDashboardRow(row: unknown): Dashboard {
  const columns = rowSchema.safeParse(row);
  const record = columns.success ? dashboardSchema.safeParse(columns.data) : columns;
  if (!record.success) throw new MalformedRecordError(DASHBOARD_KIND, rowId(row), toIssues(record.error), rowVersion(row));
  return record.data;
}

function editable(fields: ParsedDashboardInput): Record<string, string> {
  return { name: fields.name, description: fields.description, filters: JSON.stringify(fields.filters), tiles: JSON.stringify(fields.tiles) };
}

/** Dashboards in `db`, which must already be migrated. */
export function createSqliteDashboards(db: Database.Database, deps: SavedQueryDeps): DashboardCollection {
  const selectOne = db.prepare(`SELECT ${COLUMNS} FROM dashboards WHERE id = ?`);
  // Dashboards are few and search only reads name and description, so it filters in JavaScript.
  const selectAll = db.prepare(`SELECT ${COLUMNS} FROM dashboards ORDER BY updated_at DESC, id`);
  const insert = db.prepare(
    `INSERT INTO dashboards (id, name, description, filters, tiles, created_at, updated_at, created_by, version, owner, shipped)
     VALUES (@id, @name, @description, @filters, @tiles, @at, @at, @createdBy, 1, @owner, @shipped)`,
  );
  const updateRow = db.prepare(
    `UPDATE dashboards SET name = @name, description = @description, filters = @filters, tiles = @tiles,
         updated_at = @updatedAt, version = version + 1
     WHERE id = @id AND version = @version`,
  );
  const remove = db.prepare('DELETE FROM dashboards WHERE id = ? AND version = ?');
  const selectOwner = db.prepare('SELECT owner, shipped FROM dashboards WHERE id = ?');

  const open = (): void => {
    if (!db.open) throw new StoreClosedError();
  };
  const writes = versionedWrites(db, { kind: DASHBOARD_KIND, selectOne, selectOwner, remove, decode: decodeDashboardRow });
  const insertNew = (id: string, input: unknown, actor: string | undefined, shipped: boolean): Dashboard => {
    const fields = parseInput(dashboardInputSchema, input, DASHBOARD_KIND);
    const createdBy = parseInput(actorSchema, actor ?? ANONYMOUS, 'actor');
    // Without an actor the dashboard has no owner: only admins may change it (and nobody a shipped one).
    insert.run({ ...editable(fields), id, at: deps.now().toISOString(), createdBy, owner: actor === undefined ? null : createdBy, shipped: shipped ? 1 : 0 });
    return decodeDashboardRow(selectOne.get(id));
  };

  return {
    async list(options = {}) {
      open();
      const limit = listLimit(options);
      const terms = listTerms(options);
      const items: Dashboard[] = [];
      const problems: RecordProblem[] = [];
      let matched = 0;
      for (const row of selectAll.iterate()) {
        const loose = row as { name?: unknown; description?: unknown };
        const searchable = { name: String(loose.name ?? ''), description: String(loose.description ?? ''), tags: [] };
        if (!matchesSearch(searchable, terms)) continue;
        matched += 1;
        if (matched > limit) break;
        try {
          items.push(decodeDashboardRow(row));
        } catch (error) {
          if (!(error instanceof MalformedRecordError)) throw error;
          problems.push({ id: rowId(row), version: rowVersion(row), message: error.message, issues: error.issues });
        }
      }
      return { items, problems, truncated: matched > limit };
    },

    async get(id) {
      open();
      const row = selectOne.get(id);
      return row === undefined ? null : decodeDashboardRow(row);
    },

    async create(input, context = {}) {
      open();
      return insertNew(deps.newId(), input, context.actor, false);
    },

    async ensure(id, input) {
      open();
      const write = db.transaction((): Dashboard => {
        const row = selectOne.get(id);
        return row === undefined ? insertNew(id, input, undefined, true) : decodeDashboardRow(row);
      });
      return write.immediate();
    },

    async update(id, change, editor) {
      open();
      const { id: bodyId, version, ...update } = parseInput(dashboardUpdateSchema, change, 'dashboard update');
      // The read-only fields a client may send back are ignored.
      const fields = { name: update.name, description: update.description, filters: update.filters, tiles: update.tiles };
      if (bodyId !== undefined && bodyId !== id) {
        throw new InvalidInputError('dashboard update', [{ path: 'id', message: `does not match the dashboard being updated (${id})` }]);
      }
      return writes.updateAt(id, version, editor, () => updateRow.run({ ...editable(fields), updatedAt: deps.now().toISOString(), id, version }).changes);
    },

    async delete(id, version, editor) {
      open();
      writes.deleteAt(id, version, editor);
    },
  };
}
