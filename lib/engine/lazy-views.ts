/**
 * Views that register files only when a query needs them, so a fleet-sized
 * catalog (tens of thousands of files) opens as fast as a small one.
 *
 * At start each table's view covers one file per schema group (enough for
 * DuckDB to know the columns). Before a query, the tables it mentions get the
 * rest of their files registered and their views widened: every file, or,
 * when the caller vouches that every reference to a table carries the same
 * constant partition filter (the library's `scope()`), only the files that
 * filter can match. DuckDB 0.9 checks every listed name at bind time, so a
 * view may list only registered files; a view only ever grows, so any file an
 * earlier query registered stays in it. Binding costs DuckDB time for every
 * file a view lists, so a trusted query also gets, for its own run, views over
 * only the files its filters select (`scope`).
 */
import type { CatalogManifest, CatalogTable } from '../catalog/types';
import { analyseStatement, type StatementAnalysis } from './statement-analysis';
import { createViewSkippingBadFiles, registeredFiles, type EngineTable, type FileLocator, type ViewTarget } from './table-views';
import { dropScopedViewSql, registeredName, scopedViewSql, type RegisteredFile } from './views';

/** Options for {@link LazyViews.prepare}. */
export interface PrepareOptions {
  /**
   * The caller guarantees every reference to a table in the SQL carries the
   * same constant partition filter, so files outside it cannot contribute rows.
   */
  trustedPartitionFilters?: boolean;
}

interface TableEntry {
  table: CatalogTable;
  engine: EngineTable;
  /** Names in the view now. */
  inView: Map<string, RegisteredFile>;
  /** Every file registered, with ones DuckDB rejected removed. */
  complete: boolean;
}

/** One per engine runtime; see the module comment. */
export class LazyViews {
  private readonly entries = new Map<string, TableEntry>();
  private readonly registered = new Set<string>();
  /** Tables shadowed by a TEMP view, with the files it reads (see `scope`). */
  private readonly shadows = new Map<string, string>();

  constructor(
    private readonly target: ViewTarget,
    private readonly manifest: CatalogManifest,
    private readonly locate: FileLocator,
  ) {}

  /** Creates every table's view over one file per schema group, and reads the columns. */
  async start(onProgress?: (message: string) => void): Promise<EngineTable[]> {
    const firsts = this.manifest.tables.map((table) => {
      const seen = new Set<number>();
      // Files without a group are read with union_by_name, which opens all of them anyway.
      return table.files.filter((file) => {
        if (file.schemaGroup === undefined) return true;
        if (seen.has(file.schemaGroup)) return false;
        seen.add(file.schemaGroup);
        return true;
      });
    });
    // Binding each view opens these files one after another; their footers can arrive together first.
    await this.target.prefetchFooters?.(this.manifest.tables.flatMap((table, index) => (firsts[index] ?? []).map((file) => ({ table, file }))));
    const tables: EngineTable[] = [];
    for (const [index, table] of this.manifest.tables.entries()) {
      onProgress?.(`Opening ${table.name} (${index + 1} of ${this.manifest.tables.length})`);
      const engine: EngineTable = { name: table.name, columns: [], partitionKeys: table.partitionKeys, fileCount: table.files.length, skipped: [] };
      const first = firsts[index] ?? [];
      const entry: TableEntry = { table, engine, inView: new Map(), complete: first.length === table.files.length };
      await this.widen(entry, registeredFiles(table, this.locate, first));
      if (entry.inView.size === 0 && !engine.error) engine.error = 'No readable Parquet files.';
      this.entries.set(table.name, entry);
      tables.push(engine);
    }
    const byName = new Map(tables.map((table) => [table.name, table]));
    for (const column of await this.target.columns()) {
      byName.get(column.table)?.columns.push({ name: column.column, type: column.type });
    }
    return tables;
  }

  /** Registers what the statement (its SQL or its analysis) can read and widens those views. */
  async prepare(statement: string | StatementAnalysis, options: PrepareOptions = {}): Promise<void> {
    for (const { table, files, filtered } of this.analysed(statement).tables) {
      const entry = this.entries.get(table.name);
      if (!entry || entry.complete || entry.engine.error) continue;
      const narrowed = options.trustedPartitionFilters === true && filtered;
      const wanted = narrowed ? files : entry.table.files;
      const missing = registeredFiles(entry.table, this.locate, wanted).filter((file) => !entry.inView.has(file.name));
      if (missing.length === 0) continue;
      await this.widen(entry, missing);
      if (!narrowed || entry.inView.size + entry.engine.skipped.length >= entry.table.files.length) entry.complete = true;
    }
  }

  /**
   * Sets the views the next statement binds against; call it before every
   * statement. For SQL whose partition filters the caller vouches for, each
   * table it reads through such a filter is shadowed by a TEMP view over only
   * the files the filter selects (`scopedViewSql`), so DuckDB binds against
   * those files instead of every file registered so far. Any other statement
   * (`null`) gets the full views back. A shadow whose files are unchanged is
   * kept, because creating a view binds its files as a query does: repeated
   * runs and the tiles of one dashboard share one.
   */
  async scope(trusted: string | StatementAnalysis | null): Promise<void> {
    const wanted = trusted === null ? new Map<string, RegisteredFile[]>() : this.scopedFiles(this.analysed(trusted));
    for (const name of [...this.shadows.keys()]) {
      if (wanted.has(name)) continue;
      // Not caught: a statement must never read a shadow it did not ask for.
      await this.target.run(dropScopedViewSql(name));
      this.shadows.delete(name);
    }
    for (const [name, files] of wanted) {
      const entry = this.entries.get(name);
      const key = files.map((file) => file.name).join('\n');
      if (!entry || this.shadows.get(name) === key) continue;
      try {
        await this.target.run(scopedViewSql(entry.table, files, entry.engine.columns));
        this.shadows.set(name, key);
      } catch {
        // The full view still answers, only slower; a failed replace may leave the old shadow.
        await this.target.run(dropScopedViewSql(name));
        this.shadows.delete(name);
      }
    }
  }

  private analysed(statement: string | StatementAnalysis): StatementAnalysis {
    return typeof statement === 'string' ? analyseStatement(statement, this.manifest.tables) : statement;
  }

  /** Per table the statement reads through a constant partition filter: the files in view that the filter selects. */
  private scopedFiles(analysis: StatementAnalysis): Map<string, RegisteredFile[]> {
    const out = new Map<string, RegisteredFile[]>();
    for (const { table, files: wanted, filtered } of analysis.tables) {
      const name = table.name;
      const entry = this.entries.get(name);
      if (!entry || entry.engine.error || entry.engine.columns.length === 0) continue;
      if (!filtered) continue;
      const names = new Set(wanted.map((file) => registeredName(entry.table, file)));
      const files = [...entry.inView.values()].filter((file) => names.has(file.name));
      // No file: the full view prunes everything and answers with the right columns; every file: nothing to gain.
      if (files.length > 0 && files.length < entry.inView.size) out.set(name, files);
    }
    return out;
  }

  private async widen(entry: TableEntry, files: RegisteredFile[]): Promise<void> {
    const fresh = files.filter((file) => !this.registered.has(file.name));
    // Sent together, the registrations travel to the worker in one stream instead of one round trip each.
    await Promise.all(fresh.map((file) => this.target.registerFile(file)));
    for (const file of fresh) this.registered.add(file.name);
    const kept = await createViewSkippingBadFiles(this.target, entry.table, [...entry.inView.values(), ...files], entry.engine);
    entry.inView = new Map(kept.map((file) => [file.name, file]));
    entry.engine.fileCount = entry.table.files.length - entry.engine.skipped.length;
  }
}
