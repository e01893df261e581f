/**
 * A dashboard's view state in the address bar, so that copying the URL
 * reproduces what is on screen (share links build on this). Versioned (`v=1`),
 * validated with zod on the way in, and tolerant: a bad field is dropped with a
 * note and the rest of the state still applies.
 *
 * Format: `?v=1&clusters=a,b&from=2026-01-01&to=2026-01-07&refresh=5&p.name=value&x.column=value`.
 */
import { z } from '@/lib/validation/zod';

export const URL_STATE_VERSION = 1;
/** Auto-refresh intervals offered, in minutes; 0 is off. */
export const REFRESH_MINUTES = [0, 1, 5, 15] as const;
export type RefreshMinutes = (typeof REFRESH_MINUTES)[number];
/** Longest value kept for any one field, and most cross-filters. */
const MAX_VALUE_CHARS = 500;
const MAX_CROSS_FILTERS = 8;

/** A cross-filter: tiles whose result has `column` keep only rows where it equals `value`. */
export interface CrossFilter {
  column: string;
  value: string | number | null;
}

export interface DashboardUrlState {
  /** Selected clusters; absent means all of the catalog's. */
  clusters?: string[];
  /** The day range, inclusive; absent means the dashboard's default. */
  days?: { start: string; end: string };
  /** Values of the dashboard's free parameters, as typed. */
  params: Record<string, string>;
  crossFilters: CrossFilter[];
  refresh: RefreshMinutes;
}

export const EMPTY_URL_STATE: DashboardUrlState = { params: {}, crossFilters: [], refresh: 0 };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be YYYY-MM-DD' });
const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, { error: 'must be a column or parameter name' });
const value = z.string().max(MAX_VALUE_CHARS, { error: `must be at most ${MAX_VALUE_CHARS} characters` });
const clusterList = z
  .string()
  .max(10_000)
  .transform((text) => [
    ...new Set(
      text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    ),
  ])
  .pipe(z.array(value).min(1, { error: 'must name at least one cluster' }).max(500));
const refresh = z.coerce.number().pipe(z.union(REFRESH_MINUTES.map((minutes) => z.literal(minutes))));

/** Cross-filter values are typed in the URL: `n:42`, `s:text` or `null`. */
function encodeValue(input: string | number | null): string {
  if (input === null) return 'null';
  return typeof input === 'number' ? `n:${input}` : `s:${input}`;
}

function decodeValue(text: string): string | number | null | undefined {
  if (text === 'null') return null;
  if (text.startsWith('n:')) {
    const number = Number(text.slice(2));
    return Number.isFinite(number) && text.length > 2 ? number : undefined;
  }
  return text.startsWith('s:') ? text.slice(2) : undefined;
}

/** Writes the state as search params, in a stable order; default parts are left out. */
export function encodeDashboardUrlState(state: DashboardUrlState): URLSearchParams {
  const params = new URLSearchParams({ v: String(URL_STATE_VERSION) });
  if (state.clusters !== undefined) params.set('clusters', state.clusters.join(','));
  if (state.days !== undefined) {
    params.set('from', state.days.start);
    params.set('to', state.days.end);
  }
  if (state.refresh !== 0) params.set('refresh', String(state.refresh));
  for (const [name, text] of Object.entries(state.params).sort(([a], [b]) => a.localeCompare(b))) params.set(`p.${name}`, text);
  for (const filter of state.crossFilters) params.append(`x.${filter.column}`, encodeValue(filter.value));
  return params;
}

/** The outcome of {@link decodeDashboardUrlState}: the usable state and what was ignored, for a notice. */
export interface DecodedUrlState {
  state: DashboardUrlState;
  problems: string[];
}

/** Reads the state from search params, dropping (and naming) each part that is not valid. */
export function decodeDashboardUrlState(search: URLSearchParams): DecodedUrlState {
  const problems: string[] = [];
  const version = search.get('v');
  if (version !== null && version !== String(URL_STATE_VERSION)) {
    return {
      state: EMPTY_URL_STATE,
      problems: [`This link has view version ${version}; this ClusterScope reads version ${URL_STATE_VERSION}, so the default view is shown.`],
    };
  }
  const take = <T>(label: string, schema: z.ZodType<T, unknown>, raw: unknown): T | undefined => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    problems.push(`${label}: ${parsed.error.issues[0]?.message ?? 'not valid'}`);
    return undefined;
  };
  const state: DashboardUrlState = { params: {}, crossFilters: [], refresh: 0 };
  const clusters = search.get('clusters');
  if (clusters !== null) state.clusters = take('clusters', clusterList, clusters);
  const from = search.get('from');
  const to = search.get('to');
  if (from !== null || to !== null) {
    const start = take('from', day, from);
    const end = take('to', day, to);
    if (start !== undefined && end !== undefined) {
      if (start <= end) state.days = { start, end };
      else problems.push('from: must not be after to');
    }
  }
  const refreshText = search.get('refresh');
  if (refreshText !== null) state.refresh = take('refresh', refresh, refreshText) ?? 0;
  for (const [key, raw] of search) {
    if (key.startsWith('p.')) {
      const name = take(key, identifier, key.slice(2));
      const text = take(key, value, raw);
      if (name !== undefined && text !== undefined) state.params[name] = text;
    } else if (key.startsWith('x.')) {
      const column = take(key, identifier, key.slice(2));
      const decoded = raw.length <= MAX_VALUE_CHARS + 2 ? decodeValue(raw) : undefined;
      if (decoded === undefined) problems.push(`${key}: must be n:<number>, s:<text> or null`);
      else if (column !== undefined && state.crossFilters.length < MAX_CROSS_FILTERS) state.crossFilters.push({ column, value: decoded });
    }
  }
  return { state, problems };
}
