import type { ReactNode } from 'react';
import { DashboardListPage } from '@/components/dashboards/DashboardListPage';

export const dynamic = 'force-dynamic';

export default function Dashboards(): ReactNode {
  return <DashboardListPage />;
}
