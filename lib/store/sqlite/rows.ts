/**
 * Turns raw `saved_queries` rows into validated records. Nothing leaves the store
 * unchecked: a row someone edited by hand, or wrote with a buggy build, becomes a
 * {@link MalformedRecordError} naming its id instead of a crash further on.
 */
import { z } from '@/lib/validation/zod';
import { MalformedRecordError } from '../errors';
import { SAVED_QUERY_KIND } from '../metadata-store';
import { savedQuerySchema, toIssues, type ParsedSavedQueryInput } from '../schemas';
import type { SavedQuery } from '../types';

/** The columns every read selects, in table order. */
export const SAVED_QUERY_COLUMNS = 'id, name, description, tags, sql, parameters, chart, created_at, updated_at, created_by, version, owner';

/** A JSON text column (NULL stays null); bad JSON is an issue on that column. */
export const jsonColumn = z
  .string({ error: 'must be JSON text' })
  .nullable()
  .transform((text, ctx): unknown => {
    if (text === null) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
      return z.NEVER;
    }
  });

const rowSchema = z
  .object({
    id: z.unknown(),
    name: z.unknown(),
    description: z.unknown(),
    tags: jsonColumn,
    sql: z.unknown(),
    parameters: jsonColumn,
    chart: jsonColumn,
    created_at: z.unknown(),
    updated_at: z.unknown(),
    created_by: z.unknown(),
    version: z.unknown(),
    owner: z.unknown(),
  })
  .transform((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    tags: row.tags,
    sql: row.sql,
    parameters: row.parameters,
    chart: row.chart,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    version: row.version,
    owner: row.owner,
  }));

function field(row: unknown, name: string): unknown {
  return typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[name] : undefined;
}

/** The row's id as text, for naming it in errors even when it is not a string. */
export function rowId(row: unknown): string {
  const id = field(row, 'id');
  return typeof id === 'string' ? id : String(id);
}

/** The row's version if it is a usable one. */
export function rowVersion(row: unknown): number | undefined {
  const version = field(row, 'version');
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : undefined;
}

/** Validates a row selected with {@link SAVED_QUERY_COLUMNS}, or throws {@link MalformedRecordError}. */
export function decodeSavedQueryRow(row: unknown): SavedQuery {
  // Two steps: JSON columns are parsed first, then the whole record is checked.
  const columns = rowSchema.safeParse(row);
  const record = columns.success ? savedQuerySchema.safeParse(columns.data) : columns;
  if (!record.success) throw new MalformedRecordError(SAVED_QUERY_KIND, rowId(row), toIssues(record.error), rowVersion(row));
  return record.data;
}

/** The column values of a saved query's editable fields, JSON fields as text. */
export function encodeEditableFields(fields: ParsedSavedQueryInput): Record<string, string | null> {
  return {
    name: fields.name,
    description: fields.description,
    tags: JSON.stringify(fields.tags),
    sql: fields.sql,
    parameters: JSON.stringify(fields.parameters),
    chart: fields.chart === null ? null : JSON.stringify(fields.chart),
  };
}

/** The column values for an INSERT of `record`. */
export function encodeSavedQuery(record: SavedQuery): Record<string, string | number | null> {
  return {
    ...encodeEditableFields(record),
    id: record.id,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    createdBy: record.createdBy,
    version: record.version,
    owner: record.owner,
  };
}
