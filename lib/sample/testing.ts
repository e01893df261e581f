/**
 * Where tests find the bundled sample. Its window ends on the day it was
 * generated, so a test must take its days from the marker, never hard-code
 * them: a clone generated after midnight has a different window.
 */

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readMarker, type SampleMarker } from './marker';
import { addDays } from './time';

/** data/sample in this checkout. */
export const SAMPLE_ROOT = path.resolve(__dirname, '..', '..', 'data', 'sample');

const TABLES = path.join('extract_redshift_query_logs', 'data');

/** The marker of the generated sample; throws when the sample has not been generated. */
export function sampleMarker(): SampleMarker {
  const marker = readMarker(SAMPLE_ROOT);
  if (!marker) throw new Error(`No sample in ${SAMPLE_ROOT}: run \`npm run sample\` first`);
  return marker;
}

/** The nth day of the sample window (0 = its first day), as YYYY-MM-DD. */
export function sampleDay(n: number): string {
  return addDays(sampleMarker().startDate, n);
}

/** The folder of one partition of a sample table. */
export function samplePartition(table: string, cluster: string, day: string): string {
  return path.join(SAMPLE_ROOT, TABLES, table, `clusterid=${cluster}`, `startdate=${day}`);
}

/** The first part file of a partition of a sample table. */
export function samplePartFile(table: string, cluster: string, day: string): string {
  const folder = samplePartition(table, cluster, day);
  const name = readdirSync(folder).find((file) => file.endsWith('.parquet'));
  if (!name) throw new Error(`No part file in ${folder}`);
  return path.join(folder, name);
}
