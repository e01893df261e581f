/**
 * Walks a local folder and lists its Parquet files. It knows nothing about tables:
 * it reports files, folders without Parquet files below them, and what it could not read.
 */
import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { createLimiter, type Limiter } from './limit';
import type { CatalogWarning } from './types';

/** A Parquet file found by the walk. */
export interface WalkedFile {
  /** Path relative to the root, with `/`. */
  path: string;
  size: number;
  /** Last modification time, ISO 8601 UTC. */
  modified: string;
}

/** Everything {@link walkParquetFiles} found. Order is not defined; callers sort. */
export interface WalkResult {
  files: WalkedFile[];
  /** Folders (relative, with `/`) with no Parquet file anywhere below them. */
  emptyFolders: string[];
  warnings: CatalogWarning[];
}

/** Options for {@link walkParquetFiles}. */
export interface WalkOptions {
  /** How many file-system calls may run at once. Default 16. */
  concurrency?: number;
}

/** True for the files the catalog reads: `*.parquet`, any case. */
export function isParquetName(name: string): boolean {
  return name.toLowerCase().endsWith('.parquet');
}

/** True for names Spark and editors use for bookkeeping (`_SUCCESS`, `_temporary`, `.part-0.crc`). */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_');
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

interface WalkState {
  limit: Limiter;
  /** Real path of the root, to keep symbolic links from leading outside it. */
  realRoot: string;
  result: WalkResult;
}

/** The directory being listed: where it is, as the catalog names it and on disk. */
interface Folder {
  abs: string;
  rel: string;
  /** Real path, used to spot a link back to one of its own ancestors. */
  real: string;
}

/**
 * Lists every `*.parquet` file under `root`, with size and modification time.
 *
 * Hidden names (leading `.` or `_`) and other files are ignored silently. Symbolic
 * links are followed only when their target stays inside the root and is not one of
 * the folder's own ancestors; others are skipped with a warning. Unreadable folders
 * become warnings, never errors. The root itself must exist (the caller checks).
 */
export async function walkParquetFiles(root: string, options: WalkOptions = {}): Promise<WalkResult> {
  const limit = createLimiter(options.concurrency ?? 16);
  const realRoot = await realpath(root);
  const state: WalkState = { limit, realRoot, result: { files: [], emptyFolders: [], warnings: [] } };
  await visitFolder(state, { abs: root, rel: '', real: realRoot });
  return state.result;
}

/** Lists one folder and its subtree; resolves to whether any Parquet file was found below it. */
async function visitFolder(state: WalkState, folder: Folder): Promise<boolean> {
  let entries: Dirent[];
  try {
    entries = await state.limit(() => readdir(folder.abs, { withFileTypes: true }));
  } catch (error) {
    state.result.warnings.push({ path: folder.rel, message: `cannot read folder (${errorCode(error)}), skipped` });
    return false;
  }
  const found = await Promise.all(entries.map((entry) => visitEntry(state, folder, entry)));
  const hasParquet = found.some(Boolean);
  if (!hasParquet && folder.rel !== '') state.result.emptyFolders.push(folder.rel);
  return hasParquet;
}

async function visitEntry(state: WalkState, folder: Folder, entry: Dirent): Promise<boolean> {
  const name = entry.name;
  if (isHiddenName(name)) return false;
  const rel = folder.rel === '' ? name : `${folder.rel}/${name}`;
  const abs = path.join(folder.abs, name);
  const warn = (message: string): false => {
    state.result.warnings.push({ path: rel, message });
    return false;
  };
  if (name.includes('\\')) return warn('name contains a backslash, which the file route cannot address; skipped');

  if (entry.isDirectory()) {
    return visitFolder(state, { abs, rel, real: path.join(folder.real, name) });
  }
  if (entry.isFile()) {
    if (!isParquetName(name)) return false;
    return addFile(state, rel, abs);
  }
  if (!entry.isSymbolicLink()) return false;

  let target: string;
  let stats: Stats;
  try {
    target = await state.limit(() => realpath(abs));
    stats = await state.limit(() => stat(target));
  } catch (error) {
    return isParquetName(name) ? warn(`symbolic link cannot be resolved (${errorCode(error)}), skipped`) : false;
  }
  if (!isInside(state.realRoot, target)) return warn('symbolic link points outside the source folder, not followed');
  if (stats.isDirectory()) {
    if (isInside(target, folder.real)) return warn('symbolic link points to a folder that contains it, not followed');
    return visitFolder(state, { abs, rel, real: target });
  }
  if (stats.isFile() && isParquetName(name)) {
    recordFile(state, rel, stats);
    return true;
  }
  return false;
}

async function addFile(state: WalkState, rel: string, abs: string): Promise<boolean> {
  try {
    recordFile(state, rel, await state.limit(() => stat(abs)));
    return true;
  } catch (error) {
    // The file vanished or became unreadable between listing and stat.
    state.result.warnings.push({ path: rel, message: `cannot read file (${errorCode(error)}), skipped` });
    return false;
  }
}

function recordFile(state: WalkState, rel: string, stats: Stats): void {
  state.result.files.push({ path: rel, size: stats.size, modified: stats.mtime.toISOString() });
}
