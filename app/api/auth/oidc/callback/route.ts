import { finishOidcSignIn } from '@/lib/auth/oidc/flow';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The OpenID Provider returns here; on success a session starts and the browser goes where it asked. */
export const GET = finishOidcSignIn;
