import type { ReactNode } from 'react';
import { SignInForm } from '@/components/auth/SignInForm';
import { DEMO_ACCOUNTS, demoAccountsEnabled } from '@/lib/auth/demo-accounts';
import { ssoDisplayName } from '@/lib/auth/oidc/flow';
import { safeNextPath } from '@/lib/auth/redirect';

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A whole number of seconds from the URL, or undefined; never text. */
function retrySeconds(value: string | undefined): number | undefined {
  const seconds = Number(value);
  return Number.isInteger(seconds) && seconds > 0 && seconds <= 86_400 ? seconds : undefined;
}

export default async function SignInPage({ searchParams }: PageProps): Promise<ReactNode> {
  const params = await searchParams;
  return (
    <SignInForm
      next={safeNextPath(first(params.next))}
      error={first(params.error)}
      retryAfterSeconds={retrySeconds(first(params.retry))}
      ssoName={ssoDisplayName()}
      demoAccounts={demoAccountsEnabled() ? DEMO_ACCOUNTS.map((account) => account.name) : undefined}
    />
  );
}
