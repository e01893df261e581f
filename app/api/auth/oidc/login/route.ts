import { startOidcSignIn } from '@/lib/auth/oidc/flow';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Starts single sign-on: 303 to the OpenID Provider (`?next=` is where to land afterwards). */
export const GET = startOidcSignIn;
