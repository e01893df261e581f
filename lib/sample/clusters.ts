/**
 * The simulated clusters. The first five are hand-written so the default
 * sample has a recognisable fleet; more are derived from them with a suffix.
 *
 * Deliberate differences between clusters, each of which a reader must cope with:
 * - query ids start near the same number everywhere, so ids collide across clusters;
 * - two clusters run a newer Redshift version and export extra columns;
 * - the FLE algorithm suite alternates between signed (0x0378) and unsigned (0x0178);
 * - one cluster's ciphertext lacks base64 '=' padding, as CloudFront sometimes sends it.
 */

import type { ClusterProfile, WlmQueue } from './types';

type Template = Omit<ClusterProfile, 'index' | 'firstQueryId' | 'firstXid' | 'pidBase'>;

const TEMPLATES: readonly Template[] = [
  {
    id: 'prod-analytics-use1',
    kind: 'analytics',
    utcOffsetHours: -5,
    slices: 8,
    database: 'analytics',
    secondaryDatabase: 'dev',
    loadScale: 1.25,
    etlShare: 0.18,
    weekendFactor: 0.35,
    newerColumns: true,
    suite: 0x0378,
    base64Padding: true,
    autoWlm: true,
    sqaShare: 0.6,
    concurrencyScalingShare: 0.02,
  },
  {
    id: 'prod-etl-use1',
    kind: 'etl',
    utcOffsetHours: -5,
    slices: 6,
    database: 'etl',
    secondaryDatabase: 'dev',
    loadScale: 1.1,
    etlShare: 0.55,
    weekendFactor: 0.8,
    newerColumns: false,
    suite: 0x0178,
    base64Padding: false,
    autoWlm: false,
    sqaShare: 0.3,
    concurrencyScalingShare: 0,
  },
  {
    id: 'staging-usw2',
    kind: 'staging',
    utcOffsetHours: -8,
    slices: 4,
    database: 'staging',
    secondaryDatabase: 'dev',
    loadScale: 0.6,
    etlShare: 0.25,
    weekendFactor: 0.15,
    newerColumns: false,
    suite: 0x0178,
    base64Padding: true,
    autoWlm: false,
    sqaShare: 0.5,
    concurrencyScalingShare: 0,
  },
  {
    id: 'bi-reporting-euw1',
    kind: 'reporting',
    utcOffsetHours: 0,
    slices: 4,
    database: 'reporting',
    secondaryDatabase: 'dev',
    loadScale: 1.2,
    etlShare: 0.1,
    weekendFactor: 0.3,
    newerColumns: true,
    suite: 0x0378,
    base64Padding: true,
    autoWlm: true,
    sqaShare: 0.7,
    concurrencyScalingShare: 0.06,
  },
  {
    id: 'dev-sandbox-use1',
    kind: 'sandbox',
    utcOffsetHours: -5,
    slices: 2,
    database: 'dev',
    secondaryDatabase: 'scratch',
    loadScale: 0.85,
    etlShare: 0.08,
    weekendFactor: 0.1,
    newerColumns: false,
    suite: 0x0178,
    base64Padding: true,
    autoWlm: false,
    sqaShare: 0.4,
    concurrencyScalingShare: 0,
  },
];

/** Cluster profiles for a run with the given number of clusters. */
export function buildClusters(count: number): ClusterProfile[] {
  const out: ClusterProfile[] = [];
  for (let index = 0; index < count; index++) {
    const template = TEMPLATES[index % TEMPLATES.length] as Template;
    const round = Math.floor(index / TEMPLATES.length);
    out.push({
      ...template,
      index,
      id: round === 0 ? template.id : `${template.id}-${String(round + 1).padStart(2, '0')}`,
      // Extra clusters stay on the old version so drift remains the exception.
      newerColumns: round === 0 && template.newerColumns,
      // Close but not equal starting points: ids overlap between clusters on purpose.
      firstQueryId: 1_200_000 + index * 173,
      firstXid: 48_000_000 + index * 2_311,
      pidBase: 1_073_741_824 + index * 9_973,
    });
  }
  return out;
}

const AUTO_QUEUES: Record<'etl' | 'bi' | 'adhoc', WlmQueue> = {
  etl: { serviceClass: 100, name: 'etl', priority: 'High' },
  bi: { serviceClass: 101, name: 'dashboards', priority: 'Normal' },
  adhoc: { serviceClass: 102, name: 'Default queue', priority: 'Normal' },
};

const MANUAL_QUEUES: Record<'etl' | 'bi' | 'adhoc', WlmQueue> = {
  etl: { serviceClass: 6, name: 'etl', priority: 'Normal' },
  bi: { serviceClass: 7, name: 'bi_dashboards', priority: 'Normal' },
  adhoc: { serviceClass: 8, name: 'Default queue', priority: 'Normal' },
};

/** Short query acceleration. */
export const SQA_QUEUE: WlmQueue = { serviceClass: 14, name: 'Short query queue', priority: 'Normal' };
/** The superuser queue admins use with `SET query_group TO 'superuser'`. */
export const SUPERUSER_QUEUE: WlmQueue = { serviceClass: 5, name: 'Superuser queue', priority: 'Highest' };
/** Internal system work such as automatic ANALYZE sampling. */
export const SYSTEM_QUEUE: WlmQueue = { serviceClass: 3, name: 'System queue', priority: 'Highest' };

/** The user-defined queue a workload lands in on this cluster. */
export function workloadQueue(cluster: ClusterProfile, workload: 'etl' | 'bi' | 'adhoc'): WlmQueue {
  return (cluster.autoWlm ? AUTO_QUEUES : MANUAL_QUEUES)[workload];
}
