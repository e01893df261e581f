/**
 * Groups listed Parquet files into catalog tables. Pure: it works from paths, sizes
 * and times only, so every rule here is tested without touching the disk.
 */
import { inferPartitionKeyType, parseHivePath, type PartitionPair } from './hive';
import { assignTableNames } from './table-names';
import type { CatalogFile, CatalogTable, CatalogWarning, PartitionKey } from './types';
import type { WalkedFile } from './walk';

/** Tables built by {@link buildTables}, plus the files it skipped and why. */
export interface BuiltTables {
  /** Sorted by name; each table's files sorted by path. */
  tables: CatalogTable[];
  warnings: CatalogWarning[];
}

interface PlacedFile {
  file: WalkedFile;
  partition: PartitionPair[];
  /** Partition keys in path order, joined; the table's files must agree on it. */
  signature: string;
}

const SIGNATURE_SEPARATOR = '\u0000';

function describeKeys(signature: string): string {
  return signature === '' ? '(no partition keys)' : `(${signature.split(SIGNATURE_SEPARATOR).join(', ')})`;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The key set most files of a table use. A tie goes to the signature that sorts
 * first, so the choice never depends on the order files were listed in.
 */
function majoritySignature(files: readonly PlacedFile[]): string {
  const counts = new Map<string, number>();
  for (const placed of files) counts.set(placed.signature, (counts.get(placed.signature) ?? 0) + 1);
  let best = '';
  let bestCount = -1;
  for (const [signature, count] of [...counts].sort(([a], [b]) => byCodeUnits(a, b))) {
    if (count > bestCount) {
      best = signature;
      bestCount = count;
    }
  }
  return best;
}

function buildTable(name: string, tablePath: string, files: readonly PlacedFile[], keyNames: string[]): CatalogTable {
  const partitionKeys: PartitionKey[] = keyNames.map((key, i) => ({
    name: key,
    type: inferPartitionKeyType(files.map((placed) => placed.partition[i]?.value ?? '')),
  }));
  const catalogFiles: CatalogFile[] = files
    .map((placed) => ({
      path: placed.file.path,
      size: placed.file.size,
      modified: placed.file.modified,
      partition: Object.fromEntries(placed.partition.map((pair) => [pair.key, pair.value])),
    }))
    .sort((a, b) => byCodeUnits(a.path, b.path));
  const bytes = catalogFiles.reduce((sum, file) => sum + file.size, 0);
  return { name, path: tablePath, partitionKeys, files: catalogFiles, bytes };
}

/**
 * Places each file in its table by its Hive path and builds the tables.
 *
 * Skipped with a warning: zero-byte files, files that cannot be placed (see
 * `parseHivePath`), and files whose partition keys (set or order) differ from the
 * ones most files of their table use. Key types are inferred from the kept files.
 */
export function buildTables(files: readonly WalkedFile[]): BuiltTables {
  const warnings: CatalogWarning[] = [];
  const byTable = new Map<string, PlacedFile[]>();

  for (const file of files) {
    if (file.size === 0) {
      warnings.push({ path: file.path, message: 'empty file (0 bytes), skipped' });
      continue;
    }
    const parsed = parseHivePath(file.path.split('/'));
    if (!parsed.ok) {
      warnings.push({ path: file.path, message: `${parsed.reason}; file skipped` });
      continue;
    }
    const { tablePath, partition } = parsed.location;
    const signature = partition.map((pair) => pair.key).join(SIGNATURE_SEPARATOR);
    const placed: PlacedFile = { file, partition, signature };
    const list = byTable.get(tablePath);
    if (list) list.push(placed);
    else byTable.set(tablePath, [placed]);
  }

  const { names, warnings: nameWarnings } = assignTableNames([...byTable.keys()]);
  warnings.push(...nameWarnings);

  const tables: CatalogTable[] = [];
  for (const [tablePath, placedFiles] of byTable) {
    const signature = majoritySignature(placedFiles);
    const kept = placedFiles.filter((placed) => placed.signature === signature);
    for (const placed of placedFiles) {
      if (placed.signature === signature) continue;
      warnings.push({
        path: placed.file.path,
        message: `partition keys ${describeKeys(placed.signature)} differ from the table's ${describeKeys(signature)}; file skipped`,
      });
    }
    const keyNames = signature === '' ? [] : signature.split(SIGNATURE_SEPARATOR);
    tables.push(buildTable(names.get(tablePath) ?? tablePath, tablePath, kept, keyNames));
  }
  tables.sort((a, b) => byCodeUnits(a.name, b.name));
  return { tables, warnings };
}
