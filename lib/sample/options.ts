/** Defaults and validation of the generator's options. */

import { buildClusters } from './clusters';
import { queryIdStride } from './workload';
import { parseDay, utcToday } from './time';
import type { SampleOptions } from './types';

/** Defaults of everything but the end date, which defaults to today (UTC). */
export const DEFAULT_SAMPLE_OPTIONS: Omit<SampleOptions, 'endDate'> = {
  clusters: 5,
  days: 14,
  queriesPerDay: 1200,
  seed: 20240601,
};

const INT32_MAX = 2_147_483_647;

function requireInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
}

/** Fills defaults and rejects values the generator cannot honour. */
export function resolveSampleOptions(partial: Partial<SampleOptions> = {}, now: Date = new Date()): SampleOptions {
  const options: SampleOptions = { ...DEFAULT_SAMPLE_OPTIONS, endDate: utcToday(now), ...partial };
  requireInt('clusters', options.clusters, 1, 100);
  requireInt('days', options.days, 1, 3660);
  requireInt('queriesPerDay', options.queriesPerDay, 1, 5_000_000);
  requireInt('seed', options.seed, 0, 0xffffffff);
  parseDay(options.endDate);
  // stl_query.query is a Redshift INTEGER: the last id of the window must still fit.
  for (const cluster of buildClusters(options.clusters)) {
    const last = cluster.firstQueryId + options.days * queryIdStride(cluster, options.queriesPerDay);
    if (last > INT32_MAX) throw new Error('days x queriesPerDay is too large: query ids would overflow a Redshift INTEGER');
  }
  return options;
}
