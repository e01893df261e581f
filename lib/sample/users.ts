/** Database users of a simulated cluster: who runs which workload. */

import type { ClusterProfile } from './types';
import { createRng } from './random';

/** A database user. */
export interface DbUser {
  userid: number;
  name: string;
  role: 'system' | 'admin' | 'etl' | 'bi' | 'analyst';
}

const ANALYSTS = ['jdoe', 'asmith', 'mgarcia', 'lchen', 'pkumar', 'okowalski', 'snakamura', 'efischer', 'rbrown', 'tnguyen', 'hmuller', 'cdubois'] as const;

/** rdsdb is Redshift's own user; userid 1 marks system activity in every STL table. */
export const SYSTEM_USER: DbUser = { userid: 1, name: 'rdsdb', role: 'system' };

/** The users of a cluster, deterministic in (seed, cluster id). */
export function buildUsers(cluster: ClusterProfile, seed: number): DbUser[] {
  const rng = createRng(seed, cluster.id, 'users');
  const users: DbUser[] = [
    SYSTEM_USER,
    { userid: 100, name: 'admin', role: 'admin' },
    { userid: 101, name: cluster.kind === 'etl' ? 'airflow_etl' : 'etl_svc', role: 'etl' },
    { userid: 102, name: 'looker_svc', role: 'bi' },
    { userid: 103, name: 'tableau_svc', role: 'bi' },
  ];
  const analysts = rng.shuffle(ANALYSTS).slice(0, cluster.kind === 'reporting' ? 4 : 7);
  analysts.forEach((name, i) => users.push({ userid: 104 + i, name, role: 'analyst' }));
  return users;
}

/** Users with the given role (never empty for the roles buildUsers creates). */
export function usersWithRole(users: readonly DbUser[], role: DbUser['role']): DbUser[] {
  return users.filter((u) => u.role === role);
}
