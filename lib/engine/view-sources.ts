/**
 * What a view's `read_parquet` lists for one schema group: a glob per
 * partition-key prefix where the group holds every file under it, and file
 * names otherwise. DuckDB-WASM 1.28 globs each list entry against every
 * registered file when it binds the view, on every query: a list of N names
 * costs N x (all registered files) name matches, about 0.4 s per query for
 * one table of the bundled sample and seconds at fleet size, even when the
 * partition filters leave one file. One glob per cluster costs one pass.
 */
import type { CatalogTable } from '../catalog/types';
import type { RegisteredFile } from './views';

/** Characters DuckDB's glob gives a meaning; a prefix holding one is listed file by file. */
const GLOB_META = /[*?[\]{}\\]/;

function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/**
 * The entries for `group` (files of one schema group) of a view over
 * `readable` (all files the view reads). A glob `<prefix>/<key>=<value>/*\/...`
 * replaces the group's files under one value of the first partition key only
 * when they are all the catalog's files under it and all the view reads there:
 * a file left out (unreadable) or of another schema group keeps its prefix
 * listed by name, so the glob never picks up a file the view must not read.
 */
export function groupSources(table: CatalogTable, group: readonly RegisteredFile[], readable: readonly RegisteredFile[]): string[] {
  const first = table.partitionKeys[0];
  const depth = table.partitionKeys.length;
  if (!first) return group.map((file) => file.name);
  const valueOf = new Map(table.files.map((file) => [file.path, file.partition[first.name]]));
  const inCatalog = countBy(table.files, (file) => file.partition[first.name]);
  const inView = countBy(readable, (file) => valueOf.get(file.path));
  const byValue = new Map<string | undefined, RegisteredFile[]>();
  for (const file of group) {
    const value = valueOf.get(file.path);
    const list = byValue.get(value) ?? [];
    list.push(file);
    byValue.set(value, list);
  }
  const out: string[] = [];
  for (const [value, files] of byValue) {
    const pattern = value === undefined ? null : globFor(files, first.name, depth);
    const whole = value !== undefined && files.length === inCatalog.get(value) && files.length === inView.get(value);
    if (pattern !== null && whole) out.push(pattern);
    else out.push(...files.map((file) => file.name));
  }
  return out;
}

/** `<prefix>/<key>=<value>/*\/.../*` when every file shares that prefix at the same depth, else null. */
function globFor(files: readonly RegisteredFile[], key: string, depth: number): string | null {
  let prefix: string | null = null;
  for (const file of files) {
    const segments = file.name.split('/');
    const at = segments.length - 1 - depth;
    if (at < 0 || !segments[at]?.startsWith(`${key}=`)) return null;
    const mine = segments.slice(0, at + 1).join('/');
    if (prefix === null) prefix = mine;
    else if (prefix !== mine) return null;
  }
  if (prefix === null || GLOB_META.test(prefix)) return null;
  return [prefix, ...Array.from({ length: depth }, () => '*')].join('/');
}
