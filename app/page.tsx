import type { ReactNode } from 'react';
import { ConsolePage } from '@/components/console/ConsolePage';
import { BENCH_HOOK_ENV } from '@/lib/bench/hook';
import { deepLinkFromSearchParams } from '@/lib/console/deep-link';

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function Home({ searchParams }: PageProps): Promise<ReactNode> {
  const link = deepLinkFromSearchParams(await searchParams);
  // Read per request, so the same production build serves the benchmark with the hook on.
  return <ConsolePage initialSql={link.sql} autoRun={link.run} benchHook={process.env[BENCH_HOOK_ENV] === '1'} />;
}
