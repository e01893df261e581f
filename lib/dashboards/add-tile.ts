/**
 * Adding a console query to a dashboard as a tile: the tile goes below the
 * others, and the query's own parameters (other than clusters and days, which the
 * dashboard always has) become free parameters with the values it ran with.
 */
import type { ChartConfig } from '../charts/config';
import type { ParamDefinition } from '../params/types';
import { CLUSTERS_PARAM, DAYS_PARAM } from './filter-binding';
import { newTileId, nextTileLayout } from './layout';
import type { DashboardInput, FreeParameter, TileSource } from './schema';

/** What the console hands over. */
export interface NewTile {
  title: string;
  source: TileSource;
  chart: ChartConfig | null;
  /** The tab's parameter definitions and current values. */
  definitions: readonly ParamDefinition[];
  values: Readonly<Record<string, unknown>>;
}

function freeParameter(definition: ParamDefinition, value: unknown): FreeParameter | null {
  const label = definition.label;
  if (definition.type === 'number') {
    const number = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(number) ? { name: definition.name, type: 'number', label, default: number } : null;
  }
  if (definition.type === 'text') return { name: definition.name, type: 'text', label, default: typeof value === 'string' ? value : '' };
  if (definition.type === 'select' && definition.options && definition.options.length > 0) {
    const text = typeof value === 'string' ? value : (definition.options[0] ?? '');
    return { name: definition.name, type: 'select', label, options: [...definition.options], default: text };
  }
  return null;
}

/** The dashboard with the new tile appended (and any parameters it needs), ready to save. */
export function withNewTile(dashboard: DashboardInput, tile: NewTile): DashboardInput {
  const tiles = dashboard.tiles ?? [];
  const filters = { defaultDays: dashboard.filters?.defaultDays ?? 7, parameters: [...(dashboard.filters?.parameters ?? [])] };
  for (const definition of tile.definitions) {
    if (definition.name === CLUSTERS_PARAM || definition.name === DAYS_PARAM) continue;
    if (filters.parameters.some((parameter) => parameter.name === definition.name)) continue;
    const parameter = freeParameter(definition, tile.values[definition.name] ?? definition.default);
    if (parameter) filters.parameters.push(parameter);
  }
  const layout = nextTileLayout(tiles.map((existing) => existing.layout));
  return { ...dashboard, filters, tiles: [...tiles, { id: newTileId(tiles), title: tile.title, layout, source: tile.source, chart: tile.chart }] };
}
