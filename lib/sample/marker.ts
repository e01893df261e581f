/**
 * sample.json at the sample root: written last, so its presence means the
 * sample is complete. It records what was generated, for tests and for the
 * app's "about this data" view.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FleSuite, SampleOptions, TableName } from './types';

/** Name of the marker file at the sample root. */
export const MARKER_FILE = 'sample.json';
const FORMAT = 'clusterscope-sample';
const VERSION = 1;

/** Per-cluster facts a reader of the sample needs. */
export interface SampleMarkerCluster {
  id: string;
  /** Algorithm suite id of the cluster's FLE values, e.g. 0x0378. */
  suite: FleSuite;
  base64Padding: boolean;
  /** Exports the newer stl_scan and stl_wlm_query columns. */
  newerColumns: boolean;
}

/** Contents of sample.json. */
export interface SampleMarker {
  format: typeof FORMAT;
  version: typeof VERSION;
  generatedAt: string;
  /** {@link generatorFingerprint} of the code that wrote the sample. */
  generator: string;
  options: SampleOptions;
  startDate: string;
  encrypted: boolean;
  /** FLE provider name and key name, when encrypted. */
  fle: { keyNamespace: string; keyName: string } | null;
  clusters: SampleMarkerCluster[];
  counts: Record<TableName, number>;
  files: number;
  bytes: number;
}

/** The marker of a complete sample at root, or null when there is none (or it is unreadable). */
export function readMarker(root: string): SampleMarker | null {
  const path = join(root, MARKER_FILE);
  if (!existsSync(path)) return null;
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const m = parsed as Partial<SampleMarker>;
    return m.format === FORMAT && m.version === VERSION ? (m as SampleMarker) : null;
  } catch {
    return null;
  }
}

/** Writes the marker; call it only once every file is in place. */
export function writeMarker(root: string, marker: Omit<SampleMarker, 'format' | 'version'>): SampleMarker {
  const full: SampleMarker = { format: FORMAT, version: VERSION, ...marker };
  writeFileSync(join(root, MARKER_FILE), `${JSON.stringify(full, null, 2)}\n`);
  return full;
}
