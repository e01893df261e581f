/**
 * The engine client: DuckDB-WASM in a Web Worker, with one view per catalog
 * table. It is the only module that talks to DuckDB; everything else calls
 * `query`, `stream` and `cancel`.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { AsyncRecordBatchStreamReader, Field, RecordBatch } from 'apache-arrow';
import type { CatalogManifest, CatalogTable } from '../catalog/types';
import { DUCKDB_ASSET_BASE, ENGINE_WORKER_FILE, duckdbWasmFile, type DuckDBTarget } from './assets';
import { EngineError, explainOutOfMemory, isEngineCrash, parseEngineError } from './errors';
import { WorkerChannel } from './worker-channel';
import { resultSetFromBatches, type ResultSet } from './result-set';
import { athenaSetupSql } from './athena';
import { exportResult, type ExportFormat, type ExportOptions, type ExportedFile } from './export';
import { COLUMNS_SQL, columnsFromRows } from './catalog-sql';
import { LazyViews } from './lazy-views';
import type { EngineTable, ViewTarget } from './table-views';
import { fileRouteLocator } from './views';
import { filesToPrefetch, prefetch } from './prefetch';
import { analyseStatement, type StatementAnalysis } from './statement-analysis';

export interface QueryStats {
  elapsedMs: number;
  rows: number;
  bytesFetched: number;
  requests: number;
  /** Distinct files the query fetched from. */
  filesRead: number;
  /** Files in the tables the query touches: filesRead out of this shows partition pruning. */
  filesInScope: number;
}

export interface QueryResult {
  fields: Field[];
  batches: RecordBatch[];
  rows: ResultSet;
  stats: QueryStats;
}

export interface QueryOptions {
  /** Aborting cancels the query. */
  signal?: AbortSignal;
  /**
   * Every reference to a table in the SQL carries the same constant partition
   * filter (library queries), so only the files it matches need registering.
   */
  trustedPartitionFilters?: boolean;
}

export type EngineStatus = 'starting' | 'ready' | 'restarting' | 'failed';

export interface EngineStartOptions {
  /** The app's origin, e.g. `http://localhost:3000`. */
  origin: string;
  manifest: CatalogManifest;
  onProgress?: (message: string) => void;
}

/** How long a cancelled query may take to stop before the worker is replaced. */
const CANCEL_GRACE_MS = 1_500;

interface Runtime {
  db: AsyncDuckDB;
  conn: AsyncDuckDBConnection;
  worker: Worker;
  io: WorkerChannel;
  /** Set once the views exist. */
  views?: LazyViews;
}

async function pickTarget(): Promise<DuckDBTarget> {
  const duckdb = await import('@duckdb/duckdb-wasm');
  const features = await duckdb.getPlatformFeatures();
  return features.wasmExceptions ? 'eh' : 'mvp';
}

let preloaded: Promise<void> | null = null;

/**
 * Starts downloading DuckDB's wasm into the HTTP cache (its folder is
 * versioned and served immutable), so the worker's own fetch, made once the
 * catalog has arrived, finds it there. Called when a page that runs queries
 * mounts; once per page load is enough. A failure only means the worker
 * downloads it itself.
 */
export function preloadEngine(origin: string): Promise<void> {
  preloaded ??= (async () => {
    try {
      const response = await fetch(`${origin}${DUCKDB_ASSET_BASE}/${duckdbWasmFile(await pickTarget())}`, { credentials: 'same-origin' });
      // Read to the end: only a complete body is kept in the cache.
      await response.blob();
    } catch {
      // The worker fetches it again and reports any real failure.
    }
  })();
  return preloaded;
}

async function startRuntime(origin: string, access: CatalogManifest['access'] = 'local'): Promise<Runtime> {
  const duckdb = await import('@duckdb/duckdb-wasm');
  const target = await pickTarget();
  const channel = `clusterscope-io-${crypto.randomUUID()}`;
  const workerUrl = `${origin}${DUCKDB_ASSET_BASE}/${ENGINE_WORKER_FILE}?target=${target}&channel=${channel}&access=${access}`;
  const worker = new Worker(workerUrl);
  const io = new WorkerChannel(channel);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(`${origin}${DUCKDB_ASSET_BASE}/${duckdbWasmFile(target)}`);
  const conn = await db.connect();
  // Part files never change, so parsed footers can be reused by every later query.
  await conn.query('SET enable_object_cache = true');
  return { db, conn, worker, io };
}

/** Creates the views on a runtime's connection. */
async function createViews(runtime: Runtime, origin: string, manifest: CatalogManifest, onProgress?: (message: string) => void): Promise<EngineTable[]> {
  const duckdb = await import('@duckdb/duckdb-wasm');
  const target: ViewTarget = {
    registerFile: (file) => runtime.db.registerFileURL(file.name, file.url, duckdb.DuckDBDataProtocol.HTTP, false),
    run: async (sql) => {
      await runtime.conn.query(sql);
    },
    columns: async () => columnsFromRows((await runtime.conn.query(COLUMNS_SQL)).toArray()),
    prefetchFooters: (files) =>
      prefetch(
        runtime.io,
        origin,
        manifest,
        files.map((entry) => ({ ...entry, columns: [] })),
      ),
  };
  const views = new LazyViews(target, manifest, fileRouteLocator(origin));
  const tables = await views.start(onProgress);
  runtime.views = views;
  for (const sql of athenaSetupSql(tables.filter((table) => !table.error).map((table) => table.name))) {
    await target.run(sql);
  }
  return tables;
}

export class EngineClient {
  private runtime: Runtime;
  private tableList: EngineTable[];
  private readonly options: EngineStartOptions;
  private queue: Promise<unknown> = Promise.resolve();
  private running: { cancel: () => void } | null = null;
  private restarting: Promise<void> | null = null;

  private constructor(options: EngineStartOptions, runtime: Runtime, tables: EngineTable[]) {
    this.options = options;
    this.runtime = runtime;
    this.tableList = tables;
  }

  /** Starts DuckDB in a worker and creates a view for every catalog table. */
  static async start(options: EngineStartOptions): Promise<EngineClient> {
    options.onProgress?.('Starting DuckDB');
    const runtime = await startRuntime(options.origin, options.manifest.access);
    const tables = await createViews(runtime, options.origin, options.manifest, options.onProgress);
    return new EngineClient(options, runtime, tables);
  }

  /** The tables with their columns, as DuckDB resolved them. */
  get tables(): EngineTable[] {
    return this.tableList;
  }

  /** Runs SQL and collects the whole result. */
  query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    return this.exclusive(async () => {
      const batches: RecordBatch[] = [];
      let fields: Field[] = [];
      const stats = await this.execute(sql, options, async (reader) => {
        // The schema is only there once opened, and gone once the stream is drained.
        await reader.open();
        fields = reader.schema.fields;
        for await (const batch of reader) batches.push(batch);
        return batches.reduce((sum, batch) => sum + batch.numRows, 0);
      });
      return { fields, batches, rows: resultSetFromBatches(fields, batches), stats };
    });
  }

  /** Cancels the running query, if any. */
  cancel(): void {
    this.running?.cancel();
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    this.runtime.io.close();
    await this.runtime.db.terminate();
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      if (this.restarting) await this.restarting;
      return task();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs one query. Cancel asks DuckDB to interrupt; if it has not stopped
   * within the grace period (a tight loop in wasm never yields), the worker is
   * thrown away and a fresh one takes its place, so the tab never freezes.
   */
  private async execute(sql: string, options: QueryOptions, consume: (reader: AsyncRecordBatchStreamReader) => Promise<number>): Promise<QueryStats> {
    const runtime = this.runtime;
    const mark = runtime.io.mark();
    const started = performance.now();
    let cancelled = false;
    let rejectCancel: (error: EngineError) => void = () => undefined;
    const cancelPromise = new Promise<never>((_resolve, reject) => {
      rejectCancel = reject;
    });
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const cancel = (): void => {
      if (cancelled) return;
      cancelled = true;
      runtime.conn.cancelSent().catch(() => undefined);
      graceTimer = setTimeout(() => {
        rejectCancel(new EngineError({ message: 'Query cancelled. The engine was restarted to stop it.', cancelled: true }));
        void this.restart();
      }, CANCEL_GRACE_MS);
    };
    this.running = { cancel };
    const onAbort = (): void => cancel();
    options.signal?.addEventListener('abort', onAbort);
    if (options.signal?.aborted) cancel();
    try {
      // Read once, here; every step below takes this analysis instead of the text.
      const analysis = analyseStatement(sql, this.options.manifest.tables);
      const work = (async () => {
        // Registering is part of the query: it is what the query can read, and cancelling stops it too.
        await runtime.views?.prepare(analysis, { trustedPartitionFilters: options.trustedPartitionFilters });
        // Every statement sets its views: a trusted one its narrowed views, any other the full ones.
        await runtime.views?.scope(options.trustedPartitionFilters ? analysis : null);
        await prefetch(runtime.io, this.options.origin, this.options.manifest, filesToPrefetch(analysis, this.options.manifest, this.tableList));
        const reader = await runtime.conn.send(analysis.engineSql);
        return consume(reader);
      })();
      const rows = await Promise.race([work, cancelPromise]);
      if (cancelled) throw new EngineError({ message: 'Query cancelled.', cancelled: true });
      const elapsedMs = performance.now() - started;
      const io = await runtime.io.since(mark);
      return {
        elapsedMs,
        rows,
        bytesFetched: io.bytes,
        requests: io.requests,
        filesRead: io.files.length,
        filesInScope: this.filesInScope(analysis),
      };
    } catch (error) {
      if (error instanceof EngineError) throw error;
      const info = parseEngineError(error, sql);
      if (cancelled) throw new EngineError({ message: 'Query cancelled.', cancelled: true });
      if (isEngineCrash(info.message)) {
        void this.restart();
        throw new EngineError({
          message: `The engine crashed (${info.message.split('\n')[0]}) and is being restarted with the same tables. Run the query again, with tighter filters if it needs a lot of memory.`,
        });
      }
      throw new EngineError(explainOutOfMemory(info));
    } finally {
      clearTimeout(graceTimer);
      options.signal?.removeEventListener('abort', onAbort);
      this.running = null;
    }
  }

  private filesInScope(analysis: StatementAnalysis): number {
    const names = new Set(analysis.tables.map(({ table }) => table.name));
    return this.tableList.filter((table) => names.has(table.name)).reduce((sum, table) => sum + table.fileCount, 0);
  }

  /** Replaces a stuck or crashed worker with a fresh one and the same views. */
  private restart(): Promise<void> {
    if (this.restarting) return this.restarting;
    const old = this.runtime;
    this.restarting = (async () => {
      old.io.close();
      await old.db.terminate().catch(() => undefined);
      const runtime = await startRuntime(this.options.origin, this.options.manifest.access);
      this.tableList = await createViews(runtime, this.options.origin, this.options.manifest);
      this.runtime = runtime;
    })().finally(() => {
      this.restarting = null;
    });
    return this.restarting;
  }

  /**
   * Exports the full result of `sql` as CSV or Parquet, written by DuckDB
   * (see `exportResult`). It waits its turn like a query and cancels like one.
   */
  export(sql: string, format: ExportFormat, options: ExportOptions = {}): Promise<ExportedFile> {
    return this.exclusive(() => {
      const runtime = this.runtime;
      return exportResult(
        {
          run: async (statement, signal) => {
            let first: unknown = null;
            await this.execute(statement, { signal }, async (reader) => {
              for await (const batch of reader) if (first === null && batch.numRows > 0) first = batch.getChildAt(0)?.get(0) ?? null;
              return 0;
            });
            return first;
          },
          createFile: (name) => runtime.db.registerEmptyFileBuffer(name),
          readFile: (name) => runtime.db.copyFileToBuffer(name),
          dropFile: (name) => runtime.db.dropFile(name),
        },
        sql,
        format,
        options,
      );
    });
  }
}

/** Re-exported so the UI needs one import for the shapes it hands over and gets back. */
export type { CatalogManifest, CatalogTable, EngineTable };
export type { EngineColumn } from './table-views';
