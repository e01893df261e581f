/**
 * SQL names for table folders. A table is named after its folder; when two folders
 * share a name (say `prod/.../stl_query` and `dev/.../stl_query`), each gets a suffix
 * from the part of its path that tells them apart.
 */
import type { CatalogWarning } from './types';

/** Names chosen by {@link assignTableNames}, plus one warning per renamed table. */
export interface TableNames {
  /** Table folder path → SQL name. */
  names: Map<string, string>;
  warnings: CatalogWarning[];
}

function lastSegment(folder: string): string {
  const segments = folder.split('/');
  return segments[segments.length - 1] ?? folder;
}

/** Identifier-safe label from a folder name: anything but letters, digits and `_` becomes `_`. */
function label(segment: string): string {
  return segment.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'x';
}

/** Number of trailing segments that every list shares. */
function commonSuffixLength(lists: readonly string[][]): number {
  const shortest = Math.min(...lists.map((list) => list.length));
  let n = 0;
  while (n < shortest) {
    const at = (list: string[]): string | undefined => list[list.length - 1 - n];
    const first = at(lists[0] ?? []);
    if (!lists.every((list) => at(list) === first)) break;
    n += 1;
  }
  return n;
}

/**
 * Candidate names for a group of same-named folders: each folder's own name plus its
 * last `depth` ancestor folders that are not shared by the whole group.
 */
function candidates(folders: readonly string[], depth: number): string[] {
  const ancestors = folders.map((folder) => folder.split('/').slice(0, -1));
  const shared = commonSuffixLength(ancestors);
  return folders.map((folder, i) => {
    const list = ancestors[i] ?? [];
    const distinct = list.slice(0, list.length - shared);
    const parts = distinct.length === 0 ? ['root'] : distinct.slice(-depth);
    return [lastSegment(folder), ...parts.map(label)].join('_');
  });
}

/**
 * Gives every table folder a SQL name: its last segment, unless another folder has
 * the same last segment (compared case-insensitively, as SQL identifiers are). Then
 * every folder in the clash is renamed `<name>_<distinguishing ancestors>`, e.g.
 * `stl_query_prod` and `stl_query_dev`, and a warning says so. The result does not
 * depend on input order.
 */
export function assignTableNames(tablePaths: readonly string[]): TableNames {
  const sorted = [...new Set(tablePaths)].sort();
  const groups = new Map<string, string[]>();
  for (const folder of sorted) {
    const key = lastSegment(folder).toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), folder]);
  }

  const names = new Map<string, string>();
  const taken = new Set<string>();
  const clashes: string[][] = [];
  for (const folders of groups.values()) {
    if (folders.length === 1) {
      const folder = folders[0] ?? '';
      names.set(folder, lastSegment(folder));
      taken.add(lastSegment(folder).toLowerCase());
    } else {
      clashes.push(folders);
    }
  }

  const warnings: CatalogWarning[] = [];
  for (const folders of clashes) {
    const maxDepth = Math.max(...folders.map((folder) => folder.split('/').length));
    let chosen = candidates(folders, maxDepth);
    for (let depth = 1; depth <= maxDepth; depth += 1) {
      const attempt = candidates(folders, depth);
      const lower = attempt.map((name) => name.toLowerCase());
      if (new Set(lower).size === attempt.length && lower.every((name) => !taken.has(name))) {
        chosen = attempt;
        break;
      }
    }
    folders.forEach((folder, i) => {
      const candidate = chosen[i] ?? lastSegment(folder);
      let name = candidate;
      // Labels can still collide after sanitising (`a-b` and `a_b`); number them then.
      for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${candidate}_${n}`;
      taken.add(name.toLowerCase());
      names.set(folder, name);
      const others = folders.filter((other) => other !== folder).join(', ');
      warnings.push({
        path: folder,
        message: `table folder name "${lastSegment(folder)}" is also used by ${others}; this table is named "${name}"`,
      });
    });
  }
  return { names, warnings };
}
