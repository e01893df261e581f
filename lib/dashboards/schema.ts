/**
 * What a dashboard is: a name, filters and a grid of tiles, each tile a query
 * (a saved query it refers to, or SQL embedded in it) plus a chart configuration.
 * The same zod schemas check what the API receives, what the store reads back
 * and what an import file holds, so the three can never disagree.
 */
import { z } from '@/lib/validation/zod';
import { chartConfigSchema } from '../charts/config';
import { descriptionSchema, nameSchema, sqlSchema } from '../store/schemas';

export const MAX_TILES = 60;
export const MAX_FREE_PARAMETERS = 16;
export const GRID_COLUMNS = 12;

/** A tile's place in the 12-column grid, in grid units. */
export const tileLayoutSchema = z.strictObject({
  x: z
    .int()
    .min(0)
    .max(GRID_COLUMNS - 1),
  y: z.int().min(0).max(10_000),
  w: z.int().min(1).max(GRID_COLUMNS),
  h: z.int().min(1).max(100),
});
export type TileLayout = z.infer<typeof tileLayoutSchema>;

/**
 * Where a tile's SQL comes from. A `saved` tile follows its saved query and keeps a
 * snapshot of its SQL, so that if the query is deleted the tile can still say what
 * it ran and offer to keep it as embedded SQL.
 */
export const tileSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sql'), sql: sqlSchema }),
  z.strictObject({ kind: z.literal('saved'), savedQueryId: z.string().min(1).max(200), sql: sqlSchema }),
]);
export type TileSource = z.infer<typeof tileSourceSchema>;

const tileIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'must be letters, digits, - or _' });

export const tileSchema = z.strictObject({
  id: tileIdSchema,
  title: z.string().trim().min(1, { error: 'must not be empty' }).max(200),
  layout: tileLayoutSchema,
  source: tileSourceSchema,
  /** `null` shows the result as a table. */
  chart: chartConfigSchema.nullable().default(null),
});
export type DashboardTile = z.infer<typeof tileSchema>;
export type DashboardTileInput = z.input<typeof tileSchema>;

const paramNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, { error: 'must be an identifier (letters, digits, _)' })
  .refine((name) => name !== 'clusters' && name !== 'days', { error: 'clusters and days are the built-in filters' });

/** A free parameter of the dashboard: one value shared by every tile that uses `{{name}}`. */
export const freeParameterSchema = z.discriminatedUnion('type', [
  z.strictObject({ name: paramNameSchema, type: z.literal('text'), label: z.string().max(100).optional(), default: z.string().max(1000) }),
  z.strictObject({ name: paramNameSchema, type: z.literal('number'), label: z.string().max(100).optional(), default: z.number().finite() }),
  z.strictObject({
    name: paramNameSchema,
    type: z.literal('select'),
    label: z.string().max(100).optional(),
    options: z.array(z.string().max(200)).min(1).max(200),
    default: z.string().max(200),
  }),
]);
export type FreeParameter = z.infer<typeof freeParameterSchema>;

/**
 * The dashboard's filters. The cluster multi-select (`{{clusters}}`) and the day
 * range (`{{days.start}}`/`{{days.end}}`) always exist, filled from the catalog;
 * `defaultDays` is how many days up to the newest partition the range starts with.
 */
export const dashboardFiltersSchema = z.strictObject({
  defaultDays: z.int().min(1).max(366).default(7),
  parameters: z.array(freeParameterSchema).max(MAX_FREE_PARAMETERS).default([]),
});
export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

function uniqueIds(tiles: readonly { id: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  tiles.forEach((tile, index) => {
    if (seen.has(tile.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate tile id ${tile.id}` });
    seen.add(tile.id);
  });
}

function uniqueNames(parameters: readonly { name: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  parameters.forEach((parameter, index) => {
    if (seen.has(parameter.name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate parameter ${parameter.name}` });
    seen.add(parameter.name);
  });
}

/** The editable fields of a dashboard, as the API and import files carry them. */
export const dashboardContentShape = {
  name: nameSchema,
  description: descriptionSchema.default(''),
  filters: dashboardFiltersSchema.default({ defaultDays: 7, parameters: [] }).superRefine((filters, ctx) => uniqueNames(filters.parameters, ctx)),
  tiles: z
    .array(tileSchema)
    .max(MAX_TILES, { error: `at most ${MAX_TILES} tiles` })
    .default([])
    .superRefine(uniqueIds),
};

const objectError = { error: (issue: { code: string }): string | undefined => (issue.code === 'unrecognized_keys' ? undefined : 'must be a JSON object') };

export const dashboardInputSchema = z.strictObject(dashboardContentShape, objectError);
/** What a caller supplies to create a dashboard; omitted fields take defaults. */
export type DashboardInput = z.input<typeof dashboardInputSchema>;
export type ParsedDashboardInput = z.output<typeof dashboardInputSchema>;

export const dashboardUpdateSchema = z.strictObject(
  {
    ...dashboardContentShape,
    version: z.int({ error: 'must be an integer' }).min(1, { error: 'must be at least 1' }),
    id: z.string().optional(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
    createdBy: z.string().optional(),
    owner: z.string().nullable().optional(),
    shipped: z.boolean().optional(),
  },
  objectError,
);
/** A full replacement of a dashboard's editable fields plus the version that was edited. */
export type DashboardUpdate = z.input<typeof dashboardUpdateSchema>;

/** A dashboard as the store returns it. */
export const dashboardSchema = z.object({
  id: z.string().min(1),
  ...dashboardContentShape,
  createdAt: z.iso.datetime({ error: 'must be an ISO 8601 UTC timestamp' }),
  updatedAt: z.iso.datetime({ error: 'must be an ISO 8601 UTC timestamp' }),
  createdBy: z.string().min(1),
  version: z.int().min(1, { error: 'must be at least 1' }),
  /** The creator, who may change or delete it (as may admins); `null` for legacy and shipped dashboards. */
  owner: z.string().min(1).nullable(),
  /** Shipped with ClusterScope: read-only for everyone; "Duplicate" makes an editable copy. */
  shipped: z.boolean(),
});
export type Dashboard = z.output<typeof dashboardSchema>;
