/**
 * The parameters every library query takes (clusters and days) and the
 * helpers for the extra ones, with defaults drawn from the catalog.
 */
import { addDays } from '../params/dates';
import type { ParamDefinition, ParamValues } from '../params/types';
import type { LibraryContext } from './types';

/** Name of the cluster multi-select: `clusterid IN {{clusters}}`. */
export const CLUSTERS_PARAM = 'clusters';
/** Name of the day range: `startdate BETWEEN {{days.start}} AND {{days.end}}`. */
export const DAYS_PARAM = 'days';
/** Length of the default day range, today included. */
export const DEFAULT_DAY_COUNT = 7;

/** The cluster and day parameters: all clusters, and the last seven days up to today. */
export function scopeParameters(context: LibraryContext): ParamDefinition[] {
  const clusters = [...new Set(context.clusters)].sort();
  return [
    { name: CLUSTERS_PARAM, type: 'multi_select', label: 'Clusters', options: clusters, default: clusters },
    {
      name: DAYS_PARAM,
      type: 'date_range',
      label: 'Days',
      default: { start: addDays(context.today, -(DEFAULT_DAY_COUNT - 1)), end: context.today },
    },
  ];
}

/** A number parameter with a default, e.g. a row limit or a threshold. */
export function numberParameter(name: string, label: string, value: number): ParamDefinition {
  return { name, type: 'number', label, default: value };
}

/** The parameters' defaults as a value map, e.g. to fill a form. */
export function defaultValues(definitions: readonly ParamDefinition[]): ParamValues {
  return Object.fromEntries(definitions.flatMap((def) => (def.default === undefined ? [] : [[def.name, def.default]])));
}
