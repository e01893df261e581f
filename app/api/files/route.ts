import { requireUser } from '@/lib/auth/guard';
import { parseRangeBatchRequest } from '@/lib/catalog/range-batch';
import { serveRangeBatch } from '@/lib/catalog/serve-range-batch';
import { errorResponse, HttpError, readJsonBody } from '@/lib/store/http';
import { serveFile } from '@/lib/catalog/serve-source-file';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A batch of byte ranges of catalog files in one answer (see lib/catalog/range-batch.ts). */
export async function POST(request: Request): Promise<Response> {
  try {
    await requireUser(request, 'viewer');
    const parsed = parseRangeBatchRequest(await readJsonBody(request, 2 * 1024 * 1024));
    if (!parsed.ok) throw new HttpError(400, parsed.message);
    return await serveRangeBatch(parsed.parts, (path, range) => {
      const segments = path.split('/');
      const url = new URL(`/api/files/${segments.map(encodeURIComponent).join('/')}`, request.url);
      return serveFile(new Request(url, { headers: { range } }), segments);
    });
  } catch (error) {
    return errorResponse(error);
  }
}
