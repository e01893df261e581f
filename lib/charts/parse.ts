/**
 * Stored chart configurations (IndexedDB tabs, saved queries): reading is
 * validation, because the value is outside input written by another version
 * or by hand, and anything invalid is dropped rather than trusted; writing
 * gives plain JSON with the unset fields left out.
 */
import type { JsonValue } from '../store/json';
import { chartConfigSchema, type ChartConfig } from './config';

/** The configuration when `value` is a valid one, else null. */
export function parseChartConfig(value: unknown): ChartConfig | null {
  if (value === null || value === undefined) return null;
  const parsed = chartConfigSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The configuration as plain JSON for the store (optional fields that are unset are left out). */
export function chartToJson(config: ChartConfig): { [key: string]: JsonValue } {
  const json: { [key: string]: JsonValue } = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined) continue;
    json[key] = Array.isArray(value) ? [...value] : (value as JsonValue);
  }
  return json;
}
