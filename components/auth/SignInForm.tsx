import type { ReactNode } from 'react';

/** Messages for the error codes the sign-in handler sends back (never text from the URL). */
const MESSAGES: Record<string, string> = {
  invalid: 'Wrong username or password.',
  missing: 'Enter your username and password.',
  'cross-site': 'The sign-in came from another site and was refused. Sign in here.',
  oidc: 'Single sign-on failed. Try again, or ask your administrator.',
  'oidc-role': 'Your account has no ClusterScope role. Ask your administrator for access.',
  'oidc-off': 'Single sign-on is not configured on this server.',
};

export interface SignInFormProps {
  /** Where to go afterwards; already checked to be a path on this site. */
  next: string;
  error?: string;
  /** Seconds to wait after too many attempts (with `error` "throttled"). */
  retryAfterSeconds?: number;
  /** The OpenID Provider's display name when single sign-on is configured. */
  ssoName?: string;
  /** Names of the demo accounts when the source is the bundled sample. */
  demoAccounts?: readonly string[];
}

/** The sign-in form: a plain HTML form, so it works before any script has loaded. */
export function SignInForm({ next, error, retryAfterSeconds, ssoName, demoAccounts }: SignInFormProps): ReactNode {
  const message =
    error === 'throttled' ? `Too many attempts, try again in ${retryAfterSeconds ?? 30} s.` : error ? (MESSAGES[error] ?? 'Sign-in failed.') : undefined;
  return (
    <main className="signin">
      <h1>ClusterScope</h1>
      {message ? (
        <p role="alert" className="error">
          {message}
        </p>
      ) : null}
      <form method="post" action="/api/auth/signin" className="signin-form">
        <input type="hidden" name="next" value={next} />
        <label>
          Username
          <input name="username" autoComplete="username" required autoFocus />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" className="primary">
          Sign in
        </button>
      </form>
      {ssoName ? (
        <p>
          <a className="signin-sso" href={`/api/auth/oidc/login?next=${encodeURIComponent(next)}`}>
            Sign in with {ssoName}
          </a>
        </p>
      ) : null}
      {demoAccounts?.length ? <p className="muted">Sample data: demo accounts {demoAccounts.join(', ')} (passwords in the README).</p> : null}
    </main>
  );
}
