import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { ConsolePage } from '@/components/console/ConsolePage';
import { BENCH_HOOK_ENV } from '@/lib/bench/hook';
import { deepLinkForNavigation, deepLinkFromSearchParams } from '@/lib/console/deep-link';

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function Home({ searchParams }: PageProps): Promise<ReactNode> {
  // A link from another site opens its SQL but does not run it (lib/console/deep-link.ts).
  const link = deepLinkForNavigation(deepLinkFromSearchParams(await searchParams), (await headers()).get('sec-fetch-site'));
  // Read per request, so the same production build serves the benchmark with the hook on.
  return <ConsolePage initialSql={link.sql} autoRun={link.run} heldRun={link.held} benchHook={process.env[BENCH_HOOK_ENV] === '1'} />;
}
