/**
 * Finds a requested file in the manifest. The file route serves only what this
 * returns, and the disk path is built from the manifest entry, never from the
 * request, so a request cannot name a file the walk did not list.
 */
import path from 'node:path';
import type { CatalogFile, CatalogManifest } from './types';

/** Result of {@link checkRequestPath}. */
export type RequestPathCheck = { ok: true } | { ok: false; reason: string };

function decodeOnce(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isDotSegment(segment: string): boolean {
  return segment === '.' || segment === '..';
}

/**
 * Rejects request paths that could only be an attempt to leave the root: empty,
 * NUL, backslash, absolute (`/x`, `C:x`), empty segments, and `.`/`..` segments,
 * including ones still percent-encoded (`%2e%2e`) after the router's decoding.
 * A path that passes may still be unknown; that is {@link findCatalogFile}'s call.
 */
export function checkRequestPath(requested: string): RequestPathCheck {
  if (requested === '') return { ok: false, reason: 'empty path' };
  if (requested.includes('\u0000')) return { ok: false, reason: 'path contains a NUL character' };
  if (requested.includes('\\')) return { ok: false, reason: 'path contains a backslash' };
  if (requested.startsWith('/') || /^[A-Za-z]:/.test(requested)) return { ok: false, reason: 'path is absolute' };
  const segments = requested.split('/');
  if (segments.some((segment) => segment === '')) return { ok: false, reason: 'path has an empty segment' };
  if (segments.some((segment) => isDotSegment(segment) || isDotSegment(decodeOnce(segment)))) {
    return { ok: false, reason: 'path contains a "." or ".." segment' };
  }
  return { ok: true };
}

const indexes = new WeakMap<CatalogManifest, Map<string, CatalogFile>>();

function fileIndex(manifest: CatalogManifest): Map<string, CatalogFile> {
  let index = indexes.get(manifest);
  if (index === undefined) {
    index = new Map(manifest.tables.flatMap((table) => table.files.map((file) => [file.path, file] as const)));
    indexes.set(manifest, index);
  }
  return index;
}

/**
 * The manifest entry whose `path` equals `requested` exactly, or null when the
 * path is unsafe (see {@link checkRequestPath}) or not listed.
 */
export function findCatalogFile(manifest: CatalogManifest, requested: string): CatalogFile | null {
  if (!checkRequestPath(requested).ok) return null;
  return fileIndex(manifest).get(requested) ?? null;
}

/**
 * Absolute disk path of a manifest entry under `root`. Throws if the entry would
 * resolve outside the root, which a manifest built by the walk never produces.
 */
export function catalogFileLocation(root: string, file: CatalogFile): string {
  const location = path.resolve(root, ...file.path.split('/'));
  const rel = path.relative(root, location);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new Error(`catalog entry resolves outside the source folder: ${file.path}`);
  }
  return location;
}
