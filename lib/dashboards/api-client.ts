/**
 * Browser side of the dashboard API. Answers are checked with the store's own
 * schema, because a stale server or a proxy can answer with anything.
 */
import { callVersionedApi, searchQuery, versionedList, versionedRecord, type VersionedApi } from '../store/versioned-api-client';
import { dashboardSchema, type Dashboard, type DashboardInput } from './schema';

/** A save refused because the server holds a newer version; nothing was written, nothing is lost. */
export class DashboardConflict extends Error {
  override readonly name = 'DashboardConflict';

  constructor(
    message: string,
    readonly current: Dashboard,
  ) {
    super(message);
  }
}

const API: VersionedApi<Dashboard> = {
  schema: dashboardSchema,
  kind: 'dashboard',
  staleMessage: 'The dashboard changed since you opened it.',
  conflict: (message, current) => new DashboardConflict(message, current),
};

const call = (path: string, init?: RequestInit): Promise<unknown> => callVersionedApi(API, path, init);
const record = (body: unknown): Dashboard => versionedRecord(API, body);

/** Dashboards newest first, and messages about records the server could not read. */
export async function listDashboards(search = ''): Promise<{ items: Dashboard[]; problems: string[] }> {
  return versionedList(API, await call(`/api/dashboards${searchQuery(search)}`));
}

export async function getDashboard(id: string): Promise<Dashboard> {
  return record(await call(`/api/dashboards/${encodeURIComponent(id)}`));
}

export async function createDashboard(input: DashboardInput): Promise<Dashboard> {
  return record(await call('/api/dashboards', { method: 'POST', body: JSON.stringify(input) }));
}

/** Saves from the version the user edited; throws {@link DashboardConflict} when someone saved in between. */
export async function updateDashboard(id: string, version: number, input: DashboardInput): Promise<Dashboard> {
  return record(await call(`/api/dashboards/${encodeURIComponent(id)}`, { method: 'PUT', body: JSON.stringify({ ...input, version }) }));
}

export async function deleteDashboard(id: string, version: number): Promise<void> {
  await call(`/api/dashboards/${encodeURIComponent(id)}?version=${version}`, { method: 'DELETE' });
}

/** The editable fields of a dashboard, e.g. to save it under a new version or duplicate it. */
export function dashboardContent(dashboard: Dashboard): DashboardInput {
  const { name, description, filters, tiles } = dashboard;
  return { name, description, filters, tiles };
}

/** Stores an editable copy of `dashboard`, owned by the signed-in user (how a shipped dashboard is made one's own). */
export async function duplicateDashboard(dashboard: Dashboard): Promise<Dashboard> {
  return createDashboard({ ...dashboardContent(dashboard), name: `${dashboard.name} (copy)`.slice(0, 200) });
}
