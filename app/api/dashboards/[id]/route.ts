import { requireUser } from '@/lib/auth/guard';
import { dashboardUpdateSchema } from '@/lib/dashboards/schema';
import { ensureShippedDashboard } from '@/lib/dashboards/seed';
import { parseInput } from '@/lib/store/schemas';
import { errorResponse, HttpError, jsonResponse, readJsonBody } from '@/lib/store/http';
import { NotFoundError } from '@/lib/store/errors';
import { DASHBOARD_KIND } from '@/lib/store/metadata-store';
import { getStore } from '@/lib/store/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface DashboardRouteContext {
  /** Next 16 passes params as a promise; the segment is already URL-decoded. */
  params: Promise<{ id: string }>;
}

/** One dashboard; a shipped one is stored on first use, so its link always works. 404 if unknown. */
export async function GET(request: Request, context: DashboardRouteContext): Promise<Response> {
  try {
    await requireUser(request, 'viewer');
    const { id } = await context.params;
    const { dashboards } = getStore();
    await ensureShippedDashboard(dashboards, id);
    const record = await dashboards.get(id);
    if (record === null) throw new NotFoundError(DASHBOARD_KIND, id);
    return jsonResponse(record);
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * Replaces a dashboard; the body carries the `version` it was edited from (409 with `current` if stale).
 * Only its owner or an admin may, and nobody a shipped one (403 saying why).
 */
export async function PUT(request: Request, context: DashboardRouteContext): Promise<Response> {
  try {
    const user = await requireUser(request, 'analyst');
    const { id } = await context.params;
    const change = parseInput(dashboardUpdateSchema, await readJsonBody(request), 'dashboard update');
    const { dashboards } = getStore();
    // A shipped dashboard not stored yet is still shipped: store it first, so the refusal is a 403, not a 404.
    await ensureShippedDashboard(dashboards, id);
    return jsonResponse(await dashboards.update(id, change, user));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Deletes a dashboard at `?version=N`; 409 with `current` if it changed since, 404 if unknown, 403 if not allowed. */
export async function DELETE(request: Request, context: DashboardRouteContext): Promise<Response> {
  try {
    const user = await requireUser(request, 'analyst');
    const { id } = await context.params;
    const version = new URL(request.url).searchParams.get('version');
    if (version === null || !/^[1-9]\d{0,14}$/.test(version)) {
      throw new HttpError(400, 'the version query parameter must be the version being deleted (a positive integer)');
    }
    const { dashboards } = getStore();
    await ensureShippedDashboard(dashboards, id);
    await dashboards.delete(id, Number(version), user);
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
