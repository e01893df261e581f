'use client';

import { Suspense, type ReactNode } from 'react';
import { Providers } from '@/components/console/Providers';
import { DashboardView } from './DashboardView';

/** The dashboard route's client root: providers around the view (which reads the URL). */
export function DashboardPage({ id }: { id: string }): ReactNode {
  return (
    <Providers>
      <Suspense fallback={<p role="status">Loading the dashboard…</p>}>
        <DashboardView id={id} />
      </Suspense>
    </Providers>
  );
}
