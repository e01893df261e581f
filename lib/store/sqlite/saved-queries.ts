/** The saved-query collection of the SQLite store. */
import type Database from 'better-sqlite3';
import { InvalidInputError, MalformedRecordError, StoreClosedError } from '../errors';
import { SAVED_QUERY_KIND, type SavedQueryCollection } from '../metadata-store';
import { actorSchema, parseInput, parseSavedQueryInput, parseSavedQueryUpdate } from '../schemas';
import { MAX_SEARCH_CHARS, matchesSearch, searchTerms } from '../search';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT, type ListOptions, type RecordProblem, type SavedQuery } from '../types';
import { versionedWrites } from './versioned-writes';
import { decodeSavedQueryRow, encodeEditableFields, encodeSavedQuery, rowId, rowVersion, SAVED_QUERY_COLUMNS } from './rows';

/** What the collection needs besides the database; tests replace the clock. */
export interface SavedQueryDeps {
  now: () => Date;
  newId: () => string;
}

const ANONYMOUS = 'anonymous';
const MATCH_FUNCTION = 'clusterscope_matches';

/** Reads tags for matching without trusting them: a broken value is searched as plain text. */
function looseTags(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === 'string') : [value];
  } catch {
    return [value];
  }
}

/** The list limit of `options`, checked. Shared by every collection. */
export function listLimit(options: ListOptions): number {
  const limit = options.limit ?? DEFAULT_LIST_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
    throw new InvalidInputError('list options', [{ path: 'limit', message: `must be an integer from 1 to ${MAX_LIST_LIMIT}` }]);
  }
  return limit;
}

/** The search terms of `options`, checked. Shared by every collection. */
export function listTerms(options: ListOptions): string[] {
  if (options.q !== undefined && options.q.length > MAX_SEARCH_CHARS) {
    throw new InvalidInputError('list options', [{ path: 'q', message: `must be at most ${MAX_SEARCH_CHARS} characters` }]);
  }
  return searchTerms(options.q);
}

/** Saved queries in `db`, which must already be migrated. */
export function createSqliteSavedQueries(db: Database.Database, deps: SavedQueryDeps): SavedQueryCollection {
  // Search runs in JavaScript so that it folds case like every other backend (see search.ts).
  // The terms arrive as JSON, the same text for every row of one query, so parse them once.
  let termsText = '[]';
  let parsedTerms: string[] = [];
  db.function(MATCH_FUNCTION, { deterministic: true }, (name: unknown, description: unknown, tags: unknown, terms: unknown): number => {
    if (typeof terms === 'string' && terms !== termsText) {
      termsText = terms;
      parsedTerms = JSON.parse(terms) as string[];
    }
    const record = { name: typeof name === 'string' ? name : '', description: typeof description === 'string' ? description : '', tags: looseTags(tags) };
    return matchesSearch(record, parsedTerms) ? 1 : 0;
  });

  const order = 'ORDER BY updated_at DESC, id';
  const selectOne = db.prepare(`SELECT ${SAVED_QUERY_COLUMNS} FROM saved_queries WHERE id = ?`);
  const selectAll = db.prepare(`SELECT ${SAVED_QUERY_COLUMNS} FROM saved_queries ${order} LIMIT ?`);
  const selectMatching = db.prepare(`SELECT ${SAVED_QUERY_COLUMNS} FROM saved_queries WHERE ${MATCH_FUNCTION}(name, description, tags, ?) ${order} LIMIT ?`);
  const insert = db.prepare(
    `INSERT INTO saved_queries (id, name, description, tags, sql, parameters, chart, created_at, updated_at, created_by, version, owner)
     VALUES (@id, @name, @description, @tags, @sql, @parameters, @chart, @createdAt, @updatedAt, @createdBy, @version, @owner)`,
  );
  const update = db.prepare(
    `UPDATE saved_queries
     SET name = @name, description = @description, tags = @tags, sql = @sql, parameters = @parameters, chart = @chart,
         updated_at = @updatedAt, version = version + 1
     WHERE id = @id AND version = @version`,
  );
  const remove = db.prepare('DELETE FROM saved_queries WHERE id = ? AND version = ?');
  const selectOwner = db.prepare('SELECT owner FROM saved_queries WHERE id = ?');

  const open = (): void => {
    if (!db.open) throw new StoreClosedError();
  };
  const writes = versionedWrites(db, { kind: SAVED_QUERY_KIND, selectOne, selectOwner, remove, decode: decodeSavedQueryRow });

  return {
    async list(options = {}) {
      open();
      const limit = listLimit(options);
      const terms = listTerms(options);
      const rows = terms.length > 0 ? selectMatching.all(JSON.stringify(terms), limit + 1) : selectAll.all(limit + 1);
      const items: SavedQuery[] = [];
      const problems: RecordProblem[] = [];
      for (const row of rows.slice(0, limit)) {
        try {
          items.push(decodeSavedQueryRow(row));
        } catch (error) {
          if (!(error instanceof MalformedRecordError)) throw error;
          problems.push({ id: rowId(row), version: rowVersion(row), message: error.message, issues: error.issues });
        }
      }
      return { items, problems, truncated: rows.length > limit };
    },

    async get(id) {
      open();
      const row = selectOne.get(id);
      return row === undefined ? null : decodeSavedQueryRow(row);
    },

    async create(input, context = {}) {
      open();
      const fields = parseSavedQueryInput(input);
      const createdBy = parseInput(actorSchema, context.actor ?? ANONYMOUS, 'actor');
      const at = deps.now().toISOString();
      // Without an actor (a script, a test) the record has no owner, so only admins may change it.
      const record: SavedQuery = {
        id: deps.newId(),
        ...fields,
        createdAt: at,
        updatedAt: at,
        createdBy,
        version: 1,
        owner: context.actor === undefined ? null : createdBy,
      };
      insert.run(encodeSavedQuery(record));
      return record;
    },

    async update(id, change, editor) {
      open();
      const { id: bodyId, version, ...fields } = parseSavedQueryUpdate(change);
      if (bodyId !== undefined && bodyId !== id) {
        throw new InvalidInputError('saved query update', [{ path: 'id', message: `does not match the saved query being updated (${id})` }]);
      }
      return writes.updateAt(
        id,
        version,
        editor,
        () => update.run({ ...encodeEditableFields(fields), updatedAt: deps.now().toISOString(), id, version }).changes,
      );
    },

    async delete(id, version, editor) {
      open();
      writes.deleteAt(id, version, editor);
    },
  };
}
