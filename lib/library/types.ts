/** The built-in diagnostic library: what one entry is. */
import type { ParamDefinition } from '../params/types';

/** What the library needs from the catalog to give parameters their defaults. */
export interface LibraryContext {
  /** Cluster ids found in the catalog's `clusterid` partition values. */
  clusters: readonly string[];
  /** Today as `YYYY-MM-DD` (UTC); the default date range ends on it. */
  today: string;
}

/** One built-in query. */
export interface LibraryQuery {
  /** Stable kebab-case id, used in tabs and links. */
  id: string;
  title: string;
  /** The number of the question in stl-tables.md that this answers (1-12). */
  question: number;
  /** What the query answers and how to act on its result. */
  description: string;
  /** The tables it reads. */
  tables: readonly string[];
  /** DuckDB 0.9 SQL with `{{clusters}}`, `{{days.start}}`, `{{days.end}}` and any other placeholders. */
  sql: string;
  /** Its parameter definitions, with defaults for this catalog and day. */
  parameters: (context: LibraryContext) => ParamDefinition[];
}
