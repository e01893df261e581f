/**
 * The sample is built in a temporary folder beside the target and renamed
 * into place at the end, so a reader never sees a half-written sample.
 */

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MARKER_FILE } from './marker';
import { DATA_PREFIX } from './parts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary folders that runs killed midway left behind; a live run's folder stays. */
function removeAbandonedTempDirs(out: string): void {
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  const prefix = `.${basename(out)}.tmp-`;
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length));
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

/** Creates an empty temporary folder next to the target. */
export function createTempDir(out: string): string {
  removeAbandonedTempDirs(out);
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  return tmp;
}

/** Only an earlier (possibly incomplete) sample or an empty folder may be replaced. */
function isReplaceable(out: string): boolean {
  const entries = readdirSync(out);
  if (entries.length === 0) return true;
  const top = DATA_PREFIX.split('/')[0] ?? '';
  return entries.every((e) => e === MARKER_FILE || e === top);
}

/** Moves the finished sample into place, replacing an older sample at the target. */
export function moveIntoPlace(tmp: string, out: string): void {
  if (existsSync(out)) {
    if (!isReplaceable(out)) {
      throw new Error(`Refusing to replace ${out}: it holds files that are not a ClusterScope sample`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(dirname(out), { recursive: true });
  renameSync(tmp, out);
}

/** Removes a temporary folder after a failure. */
export function discardTempDir(tmp: string): void {
  rmSync(tmp, { recursive: true, force: true });
}
