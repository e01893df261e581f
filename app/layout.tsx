import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import type { ReactNode } from 'react';
import { SessionProvider } from '@/components/auth/SessionProvider';
import { ThemeProvider } from '@/components/theme/ThemeProvider';
import { currentSession } from '@/lib/auth/current-user';
import { rememberMaxAgeMs } from '@/lib/fle/remembered-key';
import { parseThemeChoice, THEME_COOKIE, themeAttribute } from '@/lib/theme/theme';
import './globals.css';

export const metadata: Metadata = {
  title: 'ClusterScope',
  description: 'Cross-cluster analytics on exported Redshift system tables, in your browser.',
};

export default async function RootLayout({ children }: { children: ReactNode }): Promise<ReactNode> {
  // Reading the request makes every page dynamic, which a per-request CSP nonce needs anyway.
  const nonce = (await headers()).get('x-nonce') ?? '';
  // The theme is set here, on the server, so the first paint has it: no flash, and no inline script for the CSP to admit.
  const theme = parseThemeChoice((await cookies()).get(THEME_COOKIE)?.value);
  const session = await currentSession();
  const user = session ? { id: session.id, name: session.name, role: session.role, provider: session.provider } : null;
  return (
    <html lang="en" data-theme={themeAttribute(theme)}>
      <body>
        <ThemeProvider initial={theme}>
          <SessionProvider value={{ user, csrfToken: session?.csrfToken ?? null, nonce, fleRememberMaxAgeMs: rememberMaxAgeMs() }}>{children}</SessionProvider>
        </ThemeProvider>
      </body>
    </html>
  );
}
