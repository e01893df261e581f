import { signIn } from '@/lib/auth/sign-in-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The sign-in form posts here: answers 303 to the page asked for, or back to the form with an error code. */
export const POST = signIn;
