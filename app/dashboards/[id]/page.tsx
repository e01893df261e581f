import type { ReactNode } from 'react';
import { DashboardPage } from '@/components/dashboards/DashboardPage';

interface PageProps {
  params: Promise<{ id: string }>;
}

export default async function Dashboard({ params }: PageProps): Promise<ReactNode> {
  const { id } = await params;
  return <DashboardPage id={id} />;
}
