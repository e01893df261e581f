/**
 * The catalog manifest: what the server found under the configured source.
 * It is plain JSON, shared by the server (which builds it) and the browser
 * (which registers the listed files with the engine).
 */

/** SQL type the engine gives a Hive partition key. */
export type PartitionKeyType = 'DATE' | 'BIGINT' | 'VARCHAR';

export interface PartitionKey {
  name: string;
  type: PartitionKeyType;
}

export interface CatalogFile {
  /** Path relative to the source root, with forward slashes. Also the id the file route serves. */
  path: string;
  /** Size in bytes. */
  size: number;
  /** Last modification time, ISO 8601 UTC. */
  modified: string;
  /** Hive partition values parsed from the path, in the table's key order. */
  partition: Record<string, string>;
  /**
   * Files of a table with the same `schemaGroup` have identical Parquet
   * schemas, so the engine can read them as one group and open a footer only
   * when a query reaches the file. Absent when the server could not tell.
   */
  schemaGroup?: number;
}

export interface CatalogTable {
  /** Table name as SQL sees it, e.g. `stl_query`. */
  name: string;
  /** Folder of the table relative to the source root, e.g. `extract_redshift_query_logs/data/stl_query`. */
  path: string;
  /** Partition keys in path order, e.g. clusterid then startdate. */
  partitionKeys: PartitionKey[];
  files: CatalogFile[];
  /** Sum of file sizes in bytes. */
  bytes: number;
}

/** Something the catalog skipped or found odd; shown to the user, never fatal. */
export interface CatalogWarning {
  /** Path relative to the source root. */
  path: string;
  message: string;
}

export interface CatalogManifest {
  /** The source: the absolute folder path for a local source. */
  source: string;
  /** When the manifest was built, ISO 8601 UTC. */
  builtAt: string;
  tables: CatalogTable[];
  warnings: CatalogWarning[];
  /** Set when the source itself is unusable (missing, empty, unreadable); says what to configure. */
  problem?: string;
  /**
   * How the browser reads the files: through the file route (`local`, and `proxy`
   * for S3 buckets without CORS), or straight from S3 with presigned URLs that the
   * file route hands out (`presigned`). Absent means `local`.
   */
  access?: 'local' | 'presigned' | 'proxy';
  /** What the last refresh changed (sources that refresh incrementally). */
  changes?: CatalogChanges;
  /** Work still running on the server, e.g. footers being read; the next manifest will have it. */
  pending?: string;
  /** Set when the source could not be listed on the last try: which source, why, and that it is retried. */
  sourceError?: string;
}

/** What one catalog refresh found compared with the one before. */
export interface CatalogChanges {
  kind: 'full' | 'incremental';
  /** Files listed now that were not before. */
  added: number;
  /** Files gone since the last listing (seen by full listings only). */
  removed: number;
  /** Partition folders (relative to the source) that are new. */
  newPartitions: string[];
}
