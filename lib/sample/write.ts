/**
 * Writes partitions as snappy Parquet with DuckDB: rows go into an in-memory
 * buffer table through an appender, then each export run is copied to its
 * own part file with COPY ... TO.
 */

import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import { partitionDir, planExportRuns } from './parts';
import type { ColumnSpec } from './schema';
import { columnsFor } from './schema';
import { padChar } from './text';
import type { ClusterProfile, RowRecord, TableName, TimedRow } from './types';

/** A part file written. */
export interface WrittenFile {
  /** Path relative to the sample root, with forward slashes. */
  path: string;
  rows: number;
  bytes: number;
}

/** One table's rows for one cluster and partition day. */
export interface PartitionInput {
  /** Sample root (the temporary folder while generating). */
  root: string;
  table: TableName;
  cluster: ClusterProfile;
  day: string;
  rows: ReadonlyArray<TimedRow<RowRecord>>;
  seed: number;
  /** Maps an FLE-protected plaintext to what is stored: ciphertext, or itself with --no-encrypt. */
  protect: (plaintext: string) => string;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function appendValue(appender: DuckDBAppender, col: ColumnSpec<RowRecord>, value: string | number | undefined, protect: (p: string) => string): void {
  if (value === undefined) {
    appender.appendNull();
    return;
  }
  switch (col.type) {
    case 'INTEGER':
      appender.appendInteger(Number(value));
      return;
    // Whole numbers below 2^53 pass through a double exactly, and the appender casts
    // them to the buffer's BIGINT: much cheaper than a BigInt per value.
    case 'BIGINT':
    case 'TIMESTAMP':
      appender.appendDouble(Math.round(Number(value)));
      return;
    case 'VARCHAR': {
      const text = String(value);
      if (col.encrypted) appender.appendVarchar(protect(text));
      else appender.appendVarchar(col.charWidth ? padChar(text, col.charWidth) : text);
      return;
    }
  }
}

/**
 * The COPY's column list: buffered microseconds become TIMESTAMP again.
 * (Padding CHAR columns with rpad here was tried: it cost more CPU overall
 * than padding in JavaScript.)
 */
function selectList(columns: ReadonlyArray<ColumnSpec<RowRecord>>): string {
  return columns
    .map((c) => {
      const name = quoteIdent(c.name);
      return c.type === 'TIMESTAMP' ? `make_timestamp(${name}) AS ${name}` : name;
    })
    .join(', ');
}

/** One DuckDB instance that writes every partition of a run. */
export class PartitionWriter {
  private readonly buffers = new Set<string>();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** Opens an in-memory DuckDB for writing. */
  static async open(): Promise<PartitionWriter> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    return new PartitionWriter(instance, connection);
  }

  private async buffer(table: TableName, columns: ReadonlyArray<ColumnSpec<RowRecord>>, newer: boolean): Promise<string> {
    const name = `buf_${table}_${newer ? 'v2' : 'v1'}`;
    if (!this.buffers.has(name)) {
      // Timestamps are buffered as BIGINT microseconds and converted on COPY.
      const defs = columns.map((c) => `${quoteIdent(c.name)} ${c.type === 'TIMESTAMP' ? 'BIGINT' : c.type}`).join(', ');
      await this.connection.run(`CREATE TABLE ${name} (${defs}, _run INTEGER)`);
      this.buffers.add(name);
    } else {
      await this.connection.run(`DELETE FROM ${name}`);
    }
    return name;
  }

  /**
   * Writes one partition as 2-4 part files. Rows are ordered by time first,
   * so each file covers a later stretch, as successive export runs would.
   */
  async writePartition(input: PartitionInput): Promise<WrittenFile[]> {
    const { root, table, cluster, day, seed, protect } = input;
    if (input.rows.length === 0) return [];
    const columns = columnsFor(table, cluster) as ReadonlyArray<ColumnSpec<RowRecord>>;
    const rows = input.rows.slice().sort((a, b) => a.at - b.at);
    const runs = planExportRuns(seed, table, cluster.id, day, rows.length);
    const buf = await this.buffer(table, columns, cluster.newerColumns);

    const appender = await this.connection.createAppender(buf);
    runs.forEach((run, runIndex) => {
      for (let i = run.from; i < run.to; i++) {
        const row = (rows[i] as TimedRow<RowRecord>).row;
        for (const col of columns) appendValue(appender, col, row[col.name], protect);
        appender.appendInteger(runIndex);
        appender.endRow();
      }
    });
    appender.closeSync();

    const dir = partitionDir(table, cluster.id, day);
    mkdirSync(join(root, dir), { recursive: true });
    const select = selectList(columns);
    // Ciphertexts repeat within a file (one per distinct text), but DuckDB's default
    // dictionary limit is too low to dictionary-encode them, which doubles the files.
    // The limit is preallocated, so it is sized to the file and set only where there is ciphertext.
    const hasCiphertext = columns.some((c) => c.encrypted);
    const copyOptions = (rowCount: number): string =>
      `FORMAT PARQUET, COMPRESSION SNAPPY${hasCiphertext ? `, DICTIONARY_SIZE_LIMIT ${Math.max(1024, rowCount + 1)}` : ''}`;
    const out: WrittenFile[] = [];
    for (const [runIndex, run] of runs.entries()) {
      const rel = `${dir}/${run.fileName}`;
      const abs = join(root, rel);
      await this.connection.run(`COPY (SELECT ${select} FROM ${buf} WHERE _run = ${runIndex}) TO ${quoteLiteral(abs)} (${copyOptions(run.to - run.from)})`);
      out.push({ path: rel, rows: run.to - run.from, bytes: statSync(abs).size });
    }
    return out;
  }

  private closed = false;

  /** Releases the DuckDB instance; safe to call more than once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
