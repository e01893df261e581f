import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { SessionProvider } from '@/components/auth/SessionProvider';
import { currentSession } from '@/lib/auth/current-user';
import { rememberMaxAgeMs } from '@/lib/fle/remembered-key';
import './globals.css';

export const metadata: Metadata = {
  title: 'ClusterScope',
  description: 'Cross-cluster analytics on exported Redshift system tables, in your browser.',
};

export default async function RootLayout({ children }: { children: ReactNode }): Promise<ReactNode> {
  // Reading the request makes every page dynamic, which a per-request CSP nonce needs anyway.
  const nonce = (await headers()).get('x-nonce') ?? '';
  const session = await currentSession();
  const user = session ? { id: session.id, name: session.name, role: session.role, provider: session.provider } : null;
  return (
    <html lang="en">
      <body>
        <SessionProvider value={{ user, csrfToken: session?.csrfToken ?? null, nonce, fleRememberMaxAgeMs: rememberMaxAgeMs() }}>{children}</SessionProvider>
      </body>
    </html>
  );
}
