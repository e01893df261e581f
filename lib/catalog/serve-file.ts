/**
 * Answers GET and HEAD for one catalog file: lookup in the manifest, conditional
 * requests, single byte ranges, and a streamed body. The route handler only passes
 * the request and its path segments in.
 */
import type { FileHandle } from 'node:fs/promises';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { internalErrorResponse } from '../http/internal-error';
import { catalogFileLocation, checkRequestPath, findCatalogFile } from './file-lookup';
import { fileRangeStream } from './file-stream';
import { fileETag, isNotModified, lastModified, rangeStillValid, type FileVersion } from './http-cache';
import { getManifest, invalidateManifest } from './manifest-cache';
import { contentRange, parseRange } from './range';
import { resolveSource } from './source';
import type { CatalogFile, CatalogManifest } from './types';

/** Media type registered for Parquet (IANA, 2024). */
export const PARQUET_CONTENT_TYPE = 'application/vnd.apache.parquet';

/** What {@link serveCatalogFile} needs from the server; tests replace parts. */
export interface ServeFileDeps {
  manifest: () => Promise<CatalogManifest>;
  /** Absolute root folder of the local source, or undefined when the source is not local. */
  root: () => string | undefined;
  /** Called when a listed file turned out to be missing or changed. */
  invalidate: () => void;
}

const defaultDeps: ServeFileDeps = {
  manifest: () => getManifest({ allowStale: true }),
  root: () => {
    const source = resolveSource();
    return source.kind === 'local' ? source.root : undefined;
  },
  invalidate: invalidateManifest,
};

function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** Opens the listed file, refusing one that now resolves outside the root (a swapped-in link). */
async function openListedFile(root: string, file: CatalogFile): Promise<FileHandle> {
  const location = catalogFileLocation(root, file);
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(location)]);
  if (!isInside(realRoot, realFile)) {
    throw Object.assign(new Error(`${file.path} now resolves outside the source folder`), { code: 'EOUTSIDE' });
  }
  return open(realFile, 'r');
}

function baseHeaders(version: FileVersion): Headers {
  return new Headers({
    'Accept-Ranges': 'bytes',
    'Content-Type': PARQUET_CONTENT_TYPE,
    ETag: fileETag(version),
    'Last-Modified': lastModified(version),
    'Cache-Control': 'no-cache',
  });
}

/** Builds the response once the file is open; owns the handle from here on. */
async function respondWithFile(request: Request, handle: FileHandle, version: FileVersion): Promise<Response> {
  const headers = baseHeaders(version);
  const isHead = request.method === 'HEAD';
  let handedOver = false;
  try {
    if (isNotModified(request.headers, version)) {
      headers.delete('Content-Type');
      return new Response(null, { status: 304, headers });
    }
    // RFC 9110 defines Range for GET only, but HEAD answers with the headers GET would
    // send, 206 included, as S3 does: DuckDB-WASM opens an HTTP file with
    // `HEAD` + `Range: bytes=0-` and reads ranges only if that returns 206 + Content-Length.
    const rangeHeader = rangeStillValid(request.headers, version) ? request.headers.get('range') : null;
    const range = parseRange(rangeHeader, version.size);
    if (range.kind === 'unsatisfiable') {
      headers.set('Content-Range', `bytes */${version.size}`);
      headers.delete('Content-Type');
      return new Response(null, { status: 416, headers });
    }
    const start = range.kind === 'partial' ? range.start : 0;
    const end = range.kind === 'partial' ? range.end : version.size - 1;
    const status = range.kind === 'partial' ? 206 : 200;
    headers.set('Content-Length', String(end - start + 1));
    const rangeValue = contentRange(range, version.size);
    if (rangeValue !== undefined) headers.set('Content-Range', rangeValue);
    if (isHead || version.size === 0) return new Response(null, { status, headers });
    handedOver = true;
    return new Response(fileRangeStream(handle, start, end), { status, headers });
  } finally {
    if (!handedOver) await handle.close();
  }
}

/**
 * Serves the catalog file addressed by `segments` (the route's decoded catch-all
 * params, joined with `/` to form the manifest `path`).
 *
 * 400 for unsafe paths, 404 for paths not in the manifest or files gone from disk
 * (which also drops the cached manifest), 304 / 206 / 416 / 200 otherwise.
 */
export async function serveCatalogFile(request: Request, segments: readonly string[], deps: ServeFileDeps = defaultDeps): Promise<Response> {
  const requested = segments.join('/');
  const check = checkRequestPath(requested);
  if (!check.ok) return jsonError(400, `invalid file path (${check.reason}): ${requested}`);

  let manifest: CatalogManifest;
  try {
    manifest = await deps.manifest();
  } catch (error) {
    return internalErrorResponse('building the catalog for a file read', error, 'The catalog could not be built.');
  }
  const file = findCatalogFile(manifest, requested);
  const root = deps.root();
  if (file === null || root === undefined) return jsonError(404, `not in the catalog: ${requested}`);

  let handle: FileHandle;
  try {
    handle = await openListedFile(root, file);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EOUTSIDE') {
      deps.invalidate();
      return jsonError(404, `file is in the catalog but no longer on disk: ${requested}. Reload the catalog.`);
    }
    return internalErrorResponse(`opening ${requested}`, error, `${requested} could not be opened.`);
  }

  let version: FileVersion;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new Error('not a regular file');
    version = { size: stats.size, mtimeMs: stats.mtimeMs };
    // Serve the file as it is now, but let the next catalog request see the change.
    if (stats.size !== file.size || stats.mtime.toISOString() !== file.modified) deps.invalidate();
  } catch (error) {
    await handle.close();
    return internalErrorResponse(`reading ${requested}`, error, `${requested} could not be read.`);
  }
  return respondWithFile(request, handle, version);
}
