/**
 * Dashboard files: what "Export" writes and "Import" reads. The file names its
 * format and schema version; import checks size, JSON, nesting depth and every
 * field with the same zod schema the store uses, and says what is wrong.
 */
import { z } from '@/lib/validation/zod';
import { formatIssues } from '../store/errors';
import { jsonProblem } from '../store/json';
import { toIssues } from '../store/schemas';
import { dashboardInputSchema, type Dashboard, type ParsedDashboardInput } from './schema';

export const DASHBOARD_FILE_FORMAT = 'clusterscope-dashboard';
export const DASHBOARD_FILE_VERSION = 1;
/** Largest file accepted: far above any real dashboard (60 tiles of 200 KB SQL is not one). */
export const MAX_DASHBOARD_FILE_BYTES = 1024 * 1024;

/** The JSON text of an export of `dashboard` (its editable fields only). */
export function exportDashboardFile(dashboard: Dashboard, exportedAt: Date = new Date()): string {
  const { name, description, filters, tiles } = dashboard;
  const file = {
    format: DASHBOARD_FILE_FORMAT,
    schemaVersion: DASHBOARD_FILE_VERSION,
    exportedAt: exportedAt.toISOString(),
    dashboard: { name, description, filters, tiles },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name for the export, from the dashboard's name. */
export function exportFileName(dashboard: Pick<Dashboard, 'name'>): string {
  const slug = dashboard.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'dashboard'}.dashboard.json`;
}

const envelopeSchema = z.object({
  format: z.literal(DASHBOARD_FILE_FORMAT, { error: `is not "${DASHBOARD_FILE_FORMAT}": this is not a ClusterScope dashboard file` }),
  schemaVersion: z.int({ error: 'must be a whole number' }),
  dashboard: z.unknown(),
});

export type ImportResult = { ok: true; dashboard: ParsedDashboardInput } | { ok: false; message: string };

/** Reads an exported dashboard file, or explains why it cannot be imported. */
export function parseDashboardFile(text: string, byteLength: number = new TextEncoder().encode(text).length): ImportResult {
  if (byteLength > MAX_DASHBOARD_FILE_BYTES) {
    return {
      ok: false,
      message: `The file is ${(byteLength / 1024 / 1024).toFixed(1)} MB; dashboard files are at most ${MAX_DASHBOARD_FILE_BYTES / 1024 / 1024} MB.`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const problem = jsonProblem(json);
  if (problem !== null) return { ok: false, message: `The file is not a plain JSON document: ${problem}.` };
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, message: `The file is not a dashboard export: ${formatIssues(toIssues(envelope.error))}.` };
  if (envelope.data.schemaVersion !== DASHBOARD_FILE_VERSION) {
    return {
      ok: false,
      message: `The file has dashboard schema version ${envelope.data.schemaVersion}; this ClusterScope reads version ${DASHBOARD_FILE_VERSION}.`,
    };
  }
  const dashboard = dashboardInputSchema.safeParse(envelope.data.dashboard);
  if (!dashboard.success)
    return {
      ok: false,
      message: `The dashboard in the file is not valid: ${formatIssues(toIssues(dashboard.error).map((issue) => ({ ...issue, path: issue.path ? `dashboard.${issue.path}` : 'dashboard' })))}.`,
    };
  return { ok: true, dashboard: dashboard.data };
}
