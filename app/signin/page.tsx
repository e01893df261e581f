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

export default async function SignInPage({ searchParams }: PageProps): Promise<ReactNode> {
  const params = await searchParams;
  return (
    <SignInForm
      next={safeNextPath(first(params.next))}
      error={first(params.error)}
      ssoName={ssoDisplayName()}
      demoAccounts={demoAccountsEnabled() ? DEMO_ACCOUNTS.map((account) => account.name) : undefined}
    />
  );
}
