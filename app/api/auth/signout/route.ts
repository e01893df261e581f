import { signOut } from '@/lib/auth/sign-in-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Ends the session on the server (CSRF-checked) and answers 303 to the sign-in page. */
export const POST = signOut;
