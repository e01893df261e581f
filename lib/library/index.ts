/**
 * The built-in diagnostic query library: one entry per question in
 * stl-tables.md, each with cluster and day parameters that prune partitions.
 */
export type { LibraryContext, LibraryQuery } from './types';
export { LIBRARY, findLibraryQuery, isUnchangedLibraryQuery } from './catalog';
export { CLUSTERS_PARAM, DAYS_PARAM, DEFAULT_DAY_COUNT, defaultValues, numberParameter, scopeParameters } from './parameters';
export { scope } from './scope';
