/** Puts the shipped dashboards into a store, once, under their fixed ids. */
import type { DashboardCollection } from '../store/metadata-store';
import { SHIPPED_DASHBOARDS } from './shipped';

/** Stores every shipped dashboard that is missing; idempotent, and cheap when they exist. */
export async function ensureShippedDashboards(dashboards: DashboardCollection): Promise<void> {
  for (const [id, input] of SHIPPED_DASHBOARDS) await dashboards.ensure(id, input);
}

/** Stores the shipped dashboard `id` if it is one and missing; true when `id` is a shipped dashboard. */
export async function ensureShippedDashboard(dashboards: DashboardCollection, id: string): Promise<boolean> {
  const input = SHIPPED_DASHBOARDS.get(id);
  if (input === undefined) return false;
  await dashboards.ensure(id, input);
  return true;
}
