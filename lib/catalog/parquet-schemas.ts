/**
 * Reads each Parquet file's schema on the server, natively, so the browser
 * never has to open every footer to learn a table's shape. Files with the
 * same schema form a group the engine reads without `union_by_name`; a file
 * DuckDB cannot read at all is reported with DuckDB's reason.
 *
 * Part files never change once written, so results are cached by path, size
 * and modification time across manifest rebuilds.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** What the server learned about one file. */
export type SchemaResult = { fingerprint: string } | { error: string };

/** A file to read: absolute path plus what identifies this version of it. */
export interface SchemaFile {
  absolutePath: string;
  size: number;
  modified: string;
}

/** Files per native query; keeps one bad file from costing more than a batch. */
const BATCH = 400;

const cache = new Map<string, SchemaResult>();
let connection: Promise<DuckDBConnection> | null = null;

function cacheKey(file: SchemaFile): string {
  return `${file.absolutePath}\u0000${file.size}\u0000${file.modified}`;
}

function connect(): Promise<DuckDBConnection> {
  connection ??= DuckDBInstance.create(':memory:', { threads: '2' }).then((instance) => instance.connect());
  return connection;
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * One fingerprint per file: every schema element with its physical and
 * logical type, in file order, as JSON (so no name can collide with a separator).
 */
async function fingerprintBatch(conn: DuckDBConnection, paths: readonly string[]): Promise<Map<string, string>> {
  const reader = await conn.runAndReadAll(
    `SELECT file_name, to_json(list(struct_pack(name, type, type_length, repetition_type, num_children, converted_type, scale, precision, logical_type) ORDER BY position))::VARCHAR AS fingerprint
     FROM (SELECT *, row_number() OVER () AS position FROM parquet_schema([${paths.map(literal).join(', ')}]))
     GROUP BY file_name`,
  );
  const result = new Map<string, string>();
  for (const [name, fingerprint] of reader.getRows()) result.set(String(name), String(fingerprint));
  return result;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

/**
 * Reads a batch; when DuckDB fails on one file, that file gets the error and
 * the rest of the batch is read again without it.
 */
async function readBatch(conn: DuckDBConnection, paths: string[], out: Map<string, SchemaResult>): Promise<void> {
  let remaining = paths;
  while (remaining.length > 0) {
    try {
      const prints = await fingerprintBatch(conn, remaining);
      for (const path of remaining) {
        const fingerprint = prints.get(path);
        out.set(path, fingerprint === undefined ? { error: 'no schema found in the file' } : { fingerprint });
      }
      return;
    } catch (error) {
      const message = firstLine(error);
      // The longest match, so /r/r/b.parquet is not blamed for /r/b.parquet's error.
      const bad = remaining.filter((path) => message.includes(path)).sort((a, b) => b.length - a.length)[0];
      if (bad === undefined) {
        // DuckDB did not say which file: fall back to one at a time.
        if (remaining.length === 1) {
          out.set(remaining[0] ?? '', { error: message });
          return;
        }
        for (const path of remaining) await readBatch(conn, [path], out);
        return;
      }
      out.set(bad, { error: message.replaceAll(bad, 'the file') });
      remaining = remaining.filter((path) => path !== bad);
    }
  }
}

/** Schema fingerprints (or read errors) for the given files, keyed by absolute path. */
export async function readSchemas(files: readonly SchemaFile[]): Promise<Map<string, SchemaResult>> {
  const results = new Map<string, SchemaResult>();
  const todo: SchemaFile[] = [];
  for (const file of files) {
    const cached = cache.get(cacheKey(file));
    if (cached) results.set(file.absolutePath, cached);
    else todo.push(file);
  }
  if (todo.length === 0) return results;
  const conn = await connect();
  const fresh = new Map<string, SchemaResult>();
  for (let start = 0; start < todo.length; start += BATCH) {
    await readBatch(
      conn,
      todo.slice(start, start + BATCH).map((file) => file.absolutePath),
      fresh,
    );
  }
  for (const file of todo) {
    const result = fresh.get(file.absolutePath) ?? { error: 'not read' };
    cache.set(cacheKey(file), result);
    results.set(file.absolutePath, result);
  }
  return results;
}
