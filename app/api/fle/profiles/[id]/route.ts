import { requireUser } from '@/lib/auth/guard';
import { checkFleProfileInput } from '@/lib/fle/profile-input';
import { SAMPLE_PROFILE_ID } from '@/lib/fle/sample-profile';
import { errorResponse, HttpError, jsonResponse, readJsonBody } from '@/lib/store/http';
import { getStore } from '@/lib/store/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ id: string }>;
}

function editable(id: string): void {
  if (id === SAMPLE_PROFILE_ID) throw new HttpError(409, 'the sample profile is built in and cannot be changed');
}

/** Admins: replaces a profile's settings. */
export async function PUT(request: Request, context: Context): Promise<Response> {
  try {
    const admin = await requireUser(request, 'admin');
    const { id } = await context.params;
    editable(id);
    const profile = await checkFleProfileInput(await readJsonBody(request, 16 * 1024));
    return jsonResponse(await getStore().fleProfiles.update(id, profile, admin.id));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Admins: removes a profile (204). */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  try {
    await requireUser(request, 'admin');
    const { id } = await context.params;
    editable(id);
    await getStore().fleProfiles.delete(id);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
