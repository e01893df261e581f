/**
 * Browser side of the dashboard API. Answers are checked with the store's own
 * schema, because a stale server or a proxy can answer with anything.
 */
import { apiFetch } from '@/lib/auth/browser-fetch';
import { z } from 'zod';
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

async function call(path: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await apiFetch(path, { ...init, headers: { 'Content-Type': 'application/json', ...init?.headers }, cache: 'no-store' });
  } catch {
    throw new Error('Cannot reach the ClusterScope server.');
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  const message = (body as { error?: unknown } | null)?.error;
  if (response.status === 409) {
    const current = dashboardSchema.safeParse((body as { current?: unknown } | null)?.current);
    const text = typeof message === 'string' ? message : 'The dashboard changed since you opened it.';
    if (current.success) throw new DashboardConflict(text, current.data);
    throw new Error(text);
  }
  if (!response.ok) throw new Error(typeof message === 'string' ? message : `The server answered ${response.status}.`);
  return body;
}

function record(body: unknown): Dashboard {
  const parsed = dashboardSchema.safeParse(body);
  if (!parsed.success) throw new Error('The server sent a dashboard that is not valid.');
  return parsed.data;
}

const listSchema = z.object({ items: z.array(z.unknown()), problems: z.array(z.object({ message: z.string() }).loose()) });

/** Dashboards newest first, and messages about records the server could not read. */
export async function listDashboards(search = ''): Promise<{ items: Dashboard[]; problems: string[] }> {
  const q = search.trim();
  const body = listSchema.safeParse(await call(`/api/dashboards${q ? `?q=${encodeURIComponent(q)}` : ''}`));
  if (!body.success) throw new Error('The server sent a dashboard list that is not valid.');
  const problems = body.data.problems.map((problem) => problem.message);
  const items: Dashboard[] = [];
  for (const item of body.data.items) {
    const parsed = dashboardSchema.safeParse(item);
    if (parsed.success) items.push(parsed.data);
    else problems.push('A dashboard from the server is not valid and was left out.');
  }
  return { items, problems };
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
