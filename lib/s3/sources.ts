/**
 * Several named S3 sources in one console: `CLUSTERSCOPE_SOURCES=prod=s3://a/x,dr=s3://b/y`.
 * Each keeps its own catalog; the console sees one manifest in which every table
 * is named `<source>_<table>` (so `prod_stl_query` and `dr_stl_query` can be
 * joined or unioned) and every file path starts with `<source>/`, which is how
 * the file route finds the source again. The same server credentials reach all
 * of them (cross-account buckets grant access with a bucket policy).
 */
import type { CatalogManifest, CatalogTable, CatalogWarning } from '../catalog/types';
import type { S3Catalog } from './catalog';
import { parseS3Url, type S3Location } from './location';

/** Environment variable listing named sources. */
export const SOURCES_ENV = 'CLUSTERSCOPE_SOURCES';

/** One named source. */
export interface NamedSource {
  name: string;
  /** The s3:// URL as configured. */
  source: string;
  location: S3Location;
}

/** Result of {@link parseSources}. */
export type ParsedSources = { ok: true; sources: NamedSource[] } | { ok: false; problem: string };

const NAME = /^[a-z][a-z0-9]*$/;

/** Parses `name=s3://bucket/prefix,...`; names are lower-case letters and digits, unique. */
export function parseSources(value: string): ParsedSources {
  const sources: NamedSource[] = [];
  for (const item of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const eq = item.indexOf('=');
    const name = eq > 0 ? item.slice(0, eq).trim() : '';
    if (!NAME.test(name))
      return { ok: false, problem: `"${item}" in ${SOURCES_ENV} needs a name of lower-case letters and digits, as in prod=s3://bucket/prefix` };
    if (sources.some((source) => source.name === name)) return { ok: false, problem: `source name "${name}" appears twice in ${SOURCES_ENV}` };
    const url = item.slice(eq + 1).trim();
    const parsed = parseS3Url(url);
    if (!parsed.ok) return { ok: false, problem: `${parsed.problem} (source "${name}" in ${SOURCES_ENV})` };
    sources.push({ name, source: url, location: parsed.location });
  }
  if (sources.length === 0) return { ok: false, problem: `${SOURCES_ENV} names no source; use name=s3://bucket/prefix, separated by commas` };
  return { ok: true, sources };
}

function prefixed(name: string, path: string): string {
  return path === '' ? name : `${name}/${path}`;
}

/** One manifest over several sources' manifests (see the module comment). */
export function mergeManifests(parts: readonly { name: string; manifest: CatalogManifest }[], builtAt: string): CatalogManifest {
  const tables: CatalogTable[] = [];
  const warnings: CatalogWarning[] = [];
  const errors: string[] = [];
  const problems: string[] = [];
  const pending: string[] = [];
  for (const { name, manifest } of parts) {
    for (const table of manifest.tables) {
      tables.push({
        ...table,
        name: `${name}_${table.name}`,
        path: prefixed(name, table.path),
        files: table.files.map((file) => ({ ...file, path: prefixed(name, file.path) })),
      });
    }
    for (const warning of manifest.warnings) {
      warnings.push({
        path: warning.path === '' ? '' : prefixed(name, warning.path),
        message: warning.path === '' ? `${name}: ${warning.message}` : warning.message,
      });
    }
    if (manifest.sourceError) errors.push(manifest.sourceError);
    else if (manifest.problem) problems.push(`${name}: ${manifest.problem}`);
    if (manifest.pending) pending.push(`${name}: ${manifest.pending}`);
  }
  tables.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const merged: CatalogManifest = {
    source: parts.map(({ name, manifest }) => `${name}=${manifest.source}`).join(', '),
    builtAt,
    tables,
    warnings,
    access: parts.every(({ manifest }) => manifest.access !== 'proxy') ? 'presigned' : 'proxy',
  };
  if (errors.length > 0) merged.sourceError = errors.join(' ');
  if (pending.length > 0) merged.pending = pending.join('; ');
  if (tables.length === 0) merged.problem = [...errors, ...problems].join(' ') || 'No Parquet tables were found in any source.';
  const changes = parts.map(({ manifest }) => manifest.changes).filter((change) => change !== undefined);
  if (changes.length > 0) {
    merged.changes = {
      kind: changes.every((change) => change.kind === 'full') ? 'full' : 'incremental',
      added: changes.reduce((sum, change) => sum + change.added, 0),
      removed: changes.reduce((sum, change) => sum + change.removed, 0),
      newPartitions: parts.flatMap(({ name, manifest }) => (manifest.changes?.newPartitions ?? []).map((folder) => prefixed(name, folder))),
    };
  }
  return merged;
}

/** The source a merged manifest path belongs to, and the path inside it. */
export function splitSourcePath(segments: readonly string[]): { name: string; rest: string[] } | null {
  const [name, ...rest] = segments;
  return name !== undefined && NAME.test(name) && rest.length > 0 ? { name, rest } : null;
}

/** Gets every source's manifest (refreshing as asked) and merges them. */
export async function mergedManifest(
  catalogs: readonly { name: string; catalog: S3Catalog }[],
  options: { refresh?: boolean; allowStale?: boolean } = {},
  now: () => Date = () => new Date(),
): Promise<CatalogManifest> {
  const parts = await Promise.all(catalogs.map(async ({ name, catalog }) => ({ name, manifest: await catalog.get(options) })));
  return mergeManifests(parts, now().toISOString());
}
