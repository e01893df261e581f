/** The per-cluster context built once per run: catalog, users and statement pools. */

import type { AdminPools } from './admin-statements';
import { buildAdminPools } from './admin-statements';
import type { ClusterCatalog } from './catalog';
import { buildCatalog } from './catalog';
import type { StatementPool } from './statements';
import { buildStatementPool } from './statements';
import type { ClusterProfile, SampleOptions } from './types';
import type { DbUser } from './users';
import { buildUsers } from './users';

/** Everything about a cluster that does not change between days, built once. */
export interface ClusterContext {
  options: SampleOptions;
  cluster: ClusterProfile;
  catalog: ClusterCatalog;
  users: DbUser[];
  pool: StatementPool;
  admin: AdminPools;
}

/** Builds the per-cluster context; deterministic in (seed, cluster id). */
export function buildClusterContext(options: SampleOptions, cluster: ClusterProfile): ClusterContext {
  const catalog = buildCatalog(cluster, options.seed);
  const users = buildUsers(cluster, options.seed);
  return {
    options,
    cluster,
    catalog,
    users,
    pool: buildStatementPool(cluster, options.seed, catalog, users),
    admin: buildAdminPools(cluster, options.seed, catalog, users),
  };
}
