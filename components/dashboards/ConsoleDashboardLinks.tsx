import Link from 'next/link';
import type { ReactNode } from 'react';
import { ALERTS_HEALTH_ID, FLEET_OVERVIEW_ID } from '@/lib/dashboards/shipped';

/** The console's links to the shipped dashboards and the dashboard list. */
export function ConsoleDashboardLinks(): ReactNode {
  return (
    <nav aria-label="Dashboards" className="topbar-links">
      <Link href={`/dashboards/${FLEET_OVERVIEW_ID}`}>Fleet overview</Link>
      <Link href={`/dashboards/${ALERTS_HEALTH_ID}`}>Alerts &amp; table health</Link>
      <Link href="/dashboards">All dashboards</Link>
      <Link href="/advisor">Advisor</Link>
    </nav>
  );
}
