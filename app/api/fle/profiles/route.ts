import { requireUser } from '@/lib/auth/guard';
import { checkFleProfileInput } from '@/lib/fle/profile-input';
import { sampleProfile } from '@/lib/fle/sample-profile';
import { errorResponse, jsonResponse, readJsonBody } from '@/lib/store/http';
import { getStore } from '@/lib/store/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Admins: FLE profiles, the sample's built-in one first when the source is the sample. */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser(request, 'admin');
    const builtIn = await sampleProfile();
    const stored = await getStore().fleProfiles.list();
    return jsonResponse({ profiles: builtIn ? [builtIn, ...stored] : stored });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Admins: adds a profile (201); a bad public key answers 400 naming the problem. */
export async function POST(request: Request): Promise<Response> {
  try {
    const admin = await requireUser(request, 'admin');
    const profile = await checkFleProfileInput(await readJsonBody(request, 16 * 1024));
    return jsonResponse(await getStore().fleProfiles.create(profile, admin.id), 201);
  } catch (error) {
    return errorResponse(error);
  }
}
