'use client';

import type { ReactNode } from 'react';
import { Providers } from '@/components/console/Providers';
import { DashboardList } from './DashboardList';

/** The dashboard list route's client root. */
export function DashboardListPage(): ReactNode {
  return (
    <Providers>
      <DashboardList />
    </Providers>
  );
}
