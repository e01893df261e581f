import { requireUser } from '@/lib/auth/guard';
import { parseRangeBatchRequest } from '@/lib/catalog/range-batch';
import { serveRangeBatch } from '@/lib/catalog/serve-range-batch';
import { batchBudget, BUSY_RETRY_SECONDS } from '@/lib/catalog/batch-budget';
import { errorResponse, HttpError, jsonResponse, readJsonBody } from '@/lib/store/http';
import { serveFile } from '@/lib/catalog/serve-source-file';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A batch of byte ranges of catalog files in one answer (see lib/catalog/range-batch.ts). */
export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request, 'viewer');
    const parsed = parseRangeBatchRequest(await readJsonBody(request, 2 * 1024 * 1024));
    if (!parsed.ok) throw new HttpError(parsed.status, parsed.message);
    const room = batchBudget().take(user.name, parsed.bytes);
    if ('refused' in room) return jsonResponse({ error: room.refused }, 429, { 'Retry-After': String(BUSY_RETRY_SECONDS) });
    try {
      return await serveRangeBatch(parsed.parts, (path, range) => {
        const segments = path.split('/');
        const url = new URL(`/api/files/${segments.map(encodeURIComponent).join('/')}`, request.url);
        return serveFile(new Request(url, { headers: { range } }), segments);
      });
    } finally {
      // The answer is fully built in memory by now, so its room can go back.
      room.release();
    }
  } catch (error) {
    return errorResponse(error);
  }
}
