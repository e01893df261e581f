/**
 * One catalog per configured S3 source for the whole server process. Next.js
 * may load a module once per route bundle, so the catalogs live on globalThis.
 */
import { getS3Client, s3Settings } from './client';
import { createS3Catalog, DEFAULT_REFRESH_MS, type S3Catalog } from './catalog';
import type { S3Location } from './location';

/** Environment variable: `presigned` (default, browser reads S3 directly) or `proxy` (through the app server). */
export const ACCESS_ENV = 'CLUSTERSCOPE_S3_ACCESS';
/** Environment variable: seconds between catalog refreshes (default 300). */
export const REFRESH_ENV = 'CLUSTERSCOPE_REFRESH_SECONDS';

type Env = Readonly<Record<string, string | undefined>>;

/** How the browser reads S3 objects, from {@link ACCESS_ENV}. */
export function s3AccessMode(env: Env = process.env): 'presigned' | 'proxy' {
  return env[ACCESS_ENV]?.trim().toLowerCase() === 'proxy' ? 'proxy' : 'presigned';
}

/** The refresh interval from {@link REFRESH_ENV}, or the default for a missing or bad value. */
export function refreshIntervalMs(env: Env = process.env): number {
  const seconds = Number(env[REFRESH_ENV]);
  return Number.isFinite(seconds) && seconds >= 1 ? seconds * 1000 : DEFAULT_REFRESH_MS;
}

const GLOBAL_KEY = Symbol.for('clusterscope.s3.catalogs');
type GlobalWithCatalogs = typeof globalThis & { [GLOBAL_KEY]?: Map<string, S3Catalog> };

/** The shared catalog of an S3 source, created on first use. */
export function s3CatalogFor(source: { source: string; location: S3Location }, env: Env = process.env): S3Catalog {
  const holder = globalThis as GlobalWithCatalogs;
  const catalogs = (holder[GLOBAL_KEY] ??= new Map());
  const key = JSON.stringify([source.source, s3Settings(env), s3AccessMode(env)]);
  let catalog = catalogs.get(key);
  if (catalog === undefined) {
    catalog = createS3Catalog({
      client: getS3Client(env),
      location: source.location,
      name: source.source,
      refreshMs: refreshIntervalMs(env),
      access: s3AccessMode(env),
    });
    catalogs.set(key, catalog);
  }
  return catalog;
}
