import type { ReactNode } from 'react';
import { AdvisorPage } from '@/components/advisor/AdvisorPage';

export const dynamic = 'force-dynamic';

export default function Advisor(): ReactNode {
  return <AdvisorPage />;
}
