import type { ReactNode } from 'react';
import { ConsolePage } from '@/components/console/ConsolePage';
import { openShortLink } from '@/lib/share/short-link-server';
import { getStore } from '@/lib/store/server';

export const dynamic = 'force-dynamic';

interface ShortLinkPageProps {
  params: Promise<{ id: string }>;
}

/** A short link: the console, opening the stored query in a new tab (or saying why it cannot). */
export default async function ShortLinkPage({ params }: ShortLinkPageProps): Promise<ReactNode> {
  const { id } = await params;
  return <ConsolePage autoRun={false} shortLink={await openShortLink(getStore(), id)} />;
}
