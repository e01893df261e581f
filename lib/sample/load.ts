/**
 * When work happens: daily volumes per workload and the hour-of-day shape of
 * each (office hours for people, a nightly peak for ETL), in the cluster's
 * local time.
 */

import type { Rng } from './random';
import { createRng } from './random';
import { MICROS_PER_HOUR, MICROS_PER_MINUTE, parseDay, weekday } from './time';
import type { ClusterProfile, Micros } from './types';

/** Local-hour weights of interactive work: office hours with a lunch dip. */
const OFFICE = [0.04, 0.03, 0.03, 0.03, 0.03, 0.05, 0.12, 0.35, 0.8, 1, 1, 1, 0.7, 0.95, 1, 1, 0.9, 0.6, 0.35, 0.2, 0.15, 0.12, 0.08, 0.05];
/** Local-hour weights of ETL: hourly micro-batches plus the nightly load. */
const ETL = [0.7, 2.2, 2.6, 2.4, 1.8, 1.1, 0.6, 0.35, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.35, 0.4, 0.5];
/** Local-hour weights of system work: steady, busier after the nightly load. */
const SYSTEM = [1, 1, 1.2, 1.5, 1.6, 1.4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

/** The hour-of-day profiles work follows. */
export type LoadShape = 'office' | 'etl' | 'system';

const SHAPES: Record<LoadShape, readonly number[]> = { office: OFFICE, etl: ETL, system: SYSTEM };

/** UTC-hour weights for a cluster: the local profile rotated by its offset. */
export function utcHourWeights(cluster: ClusterProfile, load: LoadShape): number[] {
  const local = SHAPES[load];
  const out: number[] = [];
  for (let h = 0; h < 24; h++) out.push(local[(((h + cluster.utcOffsetHours) % 24) + 24) % 24] ?? 0);
  return out;
}

/** Whether a UTC timestamp falls in the cluster's local office hours on a weekday. */
export function isPeak(cluster: ClusterProfile, at: Micros, weekend: boolean): boolean {
  if (weekend) return false;
  const utcHour = Math.floor((at % (24 * MICROS_PER_HOUR)) / MICROS_PER_HOUR);
  const local = (((utcHour + cluster.utcOffsetHours) % 24) + 24) % 24;
  return local >= 9 && local < 17;
}

/** A start time within the day, following the load shape. ETL clusters around cron minutes. */
export function drawStart(rng: Rng, dayStartMicros: Micros, weights: readonly number[], load: LoadShape): Micros {
  const hour = rng.weightedIndex(weights);
  const minuteMicros = load === 'etl' && rng.chance(0.5) ? rng.next() * 6 * MICROS_PER_MINUTE : rng.next() * MICROS_PER_HOUR;
  return dayStartMicros + hour * MICROS_PER_HOUR + Math.floor(minuteMicros);
}

/** Counts of each kind of work on one cluster-day. */
export interface DailyVolume {
  interactive: number;
  etl: number;
  system: number;
  ddl: number;
  grants: number;
  weekend: boolean;
}

/**
 * How much of each workload a cluster runs on a day. queriesPerDay is the
 * weekly average of stl_query rows per cluster; weekends carry less
 * interactive work, weekdays are scaled up so the average holds.
 */
export function dailyVolume(cluster: ClusterProfile, day: string, queriesPerDay: number, seed: number): DailyVolume {
  const rng = createRng(seed, cluster.id, day, 'volume');
  const dow = weekday(day);
  const weekend = dow === 0 || dow === 6;
  const base = queriesPerDay * cluster.loadScale;
  const systemShare = 0.07;
  const user = base * (1 - systemShare);
  const weekNorm = 7 / (5 + 2 * cluster.weekendFactor);
  const interactiveMean = user * (1 - cluster.etlShare) * weekNorm * (weekend ? cluster.weekendFactor : 1);
  const noise = (): number => 0.9 + rng.next() * 0.2;
  return {
    interactive: Math.round(interactiveMean * noise()),
    etl: Math.round(user * cluster.etlShare * noise()),
    system: Math.max(1, Math.round(base * systemShare * noise())),
    ddl: Math.round((base / 100) * noise()),
    grants: weekend ? 0 : Math.round((base / 400) * noise() + rng.next()),
    weekend,
  };
}

/** Upper bound on dailyVolume's query count, used to space query ids between days. */
export function maxDailyQueries(cluster: ClusterProfile, queriesPerDay: number): number {
  const weekNorm = 7 / (5 + 2 * cluster.weekendFactor);
  return Math.ceil(queriesPerDay * cluster.loadScale * Math.max(1, weekNorm) * 1.1) + 10;
}

/** Midnight UTC of a day, in microseconds. */
export function dayStartMicros(day: string): Micros {
  return parseDay(day);
}
