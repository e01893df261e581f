import { requireUser } from '@/lib/auth/guard';
import { ensureShippedDashboards } from '@/lib/dashboards/seed';
import { dashboardInputSchema } from '@/lib/dashboards/schema';
import { errorResponse, jsonResponse, readJsonBody } from '@/lib/store/http';
import { listOptionsFromUrl } from '@/lib/store/list-options';
import { DASHBOARD_KIND } from '@/lib/store/metadata-store';
import { parseInput } from '@/lib/store/schemas';
import { getStore } from '@/lib/store/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Dashboards newest first (the shipped ones are stored on first use); `?q=` searches name and description. */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser(request, 'viewer');
    const options = listOptionsFromUrl(new URL(request.url));
    const { dashboards } = getStore();
    await ensureShippedDashboards(dashboards);
    return jsonResponse(await dashboards.list(options));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Creates a dashboard (also how an import is stored); answers 201 with the record at version 1. */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request, 'analyst');
    const input = parseInput(dashboardInputSchema, await readJsonBody(request), DASHBOARD_KIND);
    const created = await getStore().dashboards.create(input, { actor: user.id });
    return jsonResponse(created, 201, { Location: `/api/dashboards/${encodeURIComponent(created.id)}` });
  } catch (error) {
    return errorResponse(error);
  }
}
