/**
 * The manifest as a user of a given role sees it. A local source's manifest names
 * the absolute folder on the server, in its `source` and in problem and warning
 * texts (including file-system errors). Admins configured that folder and see it;
 * everyone else sees it as configured when that is a relative path, or only its
 * last segment, so no absolute server path reaches them.
 */
import path from 'node:path';
import type { Role } from '../auth/roles';
import { DEFAULT_SOURCE, SOURCE_ENV } from './source';
import type { CatalogManifest } from './types';

/** How the folder is named to non-admins: the configured relative path, or `…/<last segment>`. */
export function sourceDisplayName(root: string, configured: string | undefined): string {
  const value = configured?.trim() || DEFAULT_SOURCE;
  return path.isAbsolute(value) || value.startsWith('file:') ? `…/${path.basename(root)}` : value;
}

/** `manifest` for `role`; admins get it as it is. */
export function manifestForRole(manifest: CatalogManifest, role: Role, configured: string | undefined = process.env[SOURCE_ENV]): CatalogManifest {
  const root = manifest.source;
  if (role === 'admin' || !path.isAbsolute(root)) return manifest;
  const shown = sourceDisplayName(root, configured);
  const hide = (text: string): string => text.replaceAll(root, shown);
  return {
    ...manifest,
    source: shown,
    warnings: manifest.warnings.map((warning) => ({ ...warning, message: hide(warning.message) })),
    ...(manifest.problem === undefined ? {} : { problem: hide(manifest.problem) }),
    ...(manifest.sourceError === undefined ? {} : { sourceError: hide(manifest.sourceError) }),
  };
}
