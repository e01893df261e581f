import type { ReactNode } from 'react';
import { ConsolePage } from '@/components/console/ConsolePage';
import { deepLinkFromSearchParams } from '@/lib/console/deep-link';

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function Home({ searchParams }: PageProps): Promise<ReactNode> {
  const link = deepLinkFromSearchParams(await searchParams);
  return <ConsolePage initialSql={link.sql} autoRun={link.run} />;
}
