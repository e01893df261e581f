import { auditCsv } from '@/lib/audit/csv';
import { displayNames } from '@/lib/auth/display-names';
import { requireUser } from '@/lib/auth/guard';
import { parseAuditInput } from '@/lib/audit/schema';
import { MAX_AUDIT_LIMIT } from '@/lib/audit/types';
import { errorResponse, HttpError, jsonResponse, readJsonBody } from '@/lib/store/http';
import { getStore } from '@/lib/store/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const MAX_AUDIT_BODY = 4 * 1024;

function intParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new HttpError(400, `${name} must be an integer`);
  return value;
}

/** Admins: the audit log, newest first (`?limit=`, `?before=`); `?format=csv` downloads it. */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser(request, 'admin');
    const url = new URL(request.url);
    const csv = url.searchParams.get('format') === 'csv';
    const records = await getStore().audit.list({ limit: intParam(url, 'limit') ?? (csv ? MAX_AUDIT_LIMIT : undefined), before: intParam(url, 'before') });
    if (!csv) {
      const names = await displayNames(
        getStore(),
        records.map((record) => record.actor),
      );
      return jsonResponse({ records: records.map((record) => ({ ...record, actorName: names.get(record.actor) ?? record.actor })) });
    }
    return new Response(auditCsv(records), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="clusterscope-audit.csv"',
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Admins: appends one record (201). The browser decrypts only after this succeeded. */
export async function POST(request: Request): Promise<Response> {
  try {
    const admin = await requireUser(request, 'admin');
    const input = parseAuditInput(await readJsonBody(request, MAX_AUDIT_BODY));
    return jsonResponse(await getStore().audit.append(input, admin.id), 201);
  } catch (error) {
    return errorResponse(error);
  }
}
