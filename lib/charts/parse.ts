/**
 * Reading a stored chart configuration (IndexedDB tabs, saved queries): it is
 * outside input, written by another version or by hand, so it is validated and
 * anything invalid is dropped rather than trusted.
 */
import { chartConfigSchema, type ChartConfig } from './config';

/** The configuration when `value` is a valid one, else null. */
export function parseChartConfig(value: unknown): ChartConfig | null {
  if (value === null || value === undefined) return null;
  const parsed = chartConfigSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
