/**
 * Text pools for stl_ddltext (CREATE/ALTER/DROP/TRUNCATE) and
 * stl_utilitytext (GRANT, CREATE/ALTER USER, SET): the audit trail of who
 * changed what. Like the query pool, entries repeat, so each distinct text is
 * encrypted once per cluster.
 */

import type { ClusterCatalog, UserTable } from './catalog';
import { qualified } from './catalog';
import type { Rng } from './random';
import { createRng } from './random';
import { DAY_COMPACT_TOKEN } from './text';
import type { ClusterProfile } from './types';
import type { DbUser } from './users';
import { usersWithRole } from './users';

/** Who issues a pooled statement; the workload model picks a session of that kind. */
export type Issuer = 'etl' | 'analyst' | 'admin';

/** A pooled DDL or utility statement. */
export interface AdminStatement {
  text: string;
  issuer: Issuer;
  /** The analyst who owns what the statement touches, when it matters (scratch tables). */
  owner?: string;
  /** Relative frequency within its pool. */
  weight: number;
}

/** The DDL and utility text pools of one cluster. */
export interface AdminPools {
  ddl: AdminStatement[];
  /** GRANT/REVOKE and user management: sensitive, rare, office hours. */
  grants: AdminStatement[];
  /** SET statements sent at session start, by issuer. */
  sessionSets: Record<'bi' | 'etl' | 'analyst', string[]>;
}

/** Text Redshift logs in stl_utilitytext when a node comes back after a restart. */
export const RESTART_TEXT = 'xen_is_up.sql';

function columnList(t: UserTable): string {
  const cols = [
    `${t.key} BIGINT NOT NULL ENCODE az64`,
    `${t.ts} TIMESTAMP ENCODE az64`,
    `${t.measure} DECIMAL(18,2) ENCODE az64`,
    ...t.dims.map((d) => `${d.column} VARCHAR(64) ENCODE lzo`),
    ...(t.pii ? [`${t.pii.column} VARCHAR(256) ENCODE lzo`] : []),
    'etl_loaded_at TIMESTAMP DEFAULT GETDATE() ENCODE az64',
  ];
  return cols.join(', ');
}

function ddlPool(rng: Rng, catalog: ClusterCatalog, analysts: readonly DbUser[]): AdminStatement[] {
  const out: AdminStatement[] = [];
  for (const [source, target] of catalog.flows) {
    out.push({ text: `TRUNCATE ${qualified(source)}`, issuer: 'etl', weight: 4 });
    out.push({ text: `CREATE TEMP TABLE stage_${target.name} (LIKE ${qualified(target)})`, issuer: 'etl', weight: 3 });
    out.push({ text: `DROP TABLE IF EXISTS stage_${target.name}`, issuer: 'etl', weight: 3 });
    out.push({ text: `ALTER TABLE ${qualified(target)} APPEND FROM ${qualified(source)} IGNOREEXTRA`, issuer: 'etl', weight: 1 });
    out.push({
      text: `CREATE TABLE IF NOT EXISTS ${target.schema}.${target.name}_backup_${DAY_COMPACT_TOKEN} (LIKE ${qualified(target)})`,
      issuer: 'etl',
      weight: 0.5,
    });
  }
  for (const t of rng.shuffle(catalog.tables.filter((x) => !x.external)).slice(0, 6)) {
    out.push({
      text: `CREATE TABLE IF NOT EXISTS ${t.schema}.${t.name}_summary (${columnList(t)}) DISTSTYLE ${t.dist === 'KEY' ? `KEY DISTKEY(${t.key})` : t.dist} SORTKEY(${t.ts})`,
      issuer: 'admin',
      weight: 0.3,
    });
    out.push({
      text: `ALTER TABLE ${qualified(t)} ADD COLUMN ${rng.pick(['source_region', 'is_test', 'campaign_code', 'consent_flag'])} VARCHAR(64) DEFAULT NULL`,
      issuer: 'admin',
      weight: 0.3,
    });
    out.push({ text: `ALTER TABLE ${qualified(t)} OWNER TO ${rng.pick(['etl_svc', 'admin'])}`, issuer: 'admin', weight: 0.2 });
    const dims = t.dims.map((d) => d.column);
    out.push({
      text: `CREATE OR REPLACE VIEW ${t.schema}.v_${t.name}_daily AS SELECT TRUNC(${t.ts}) AS day, ${dims.length > 0 ? `${dims.join(', ')}, ` : ''}COUNT(*) AS row_count, SUM(${t.measure}) AS total_${t.measure} FROM ${qualified(t)} GROUP BY 1${dims.map((_, i) => `, ${i + 2}`).join('')} WITH NO SCHEMA BINDING`,
      issuer: 'analyst',
      weight: 0.4,
    });
  }
  for (const a of analysts) {
    const scratch = `scratch.${a.name}_tmp_${rng.hex(4)}`;
    out.push({ text: `CREATE TABLE ${scratch} (id BIGINT, note VARCHAR(256), created_at TIMESTAMP)`, issuer: 'analyst', owner: a.name, weight: 0.3 });
    out.push({ text: `DROP TABLE IF EXISTS ${scratch}`, issuer: 'analyst', owner: a.name, weight: 0.3 });
  }
  return out;
}

function grantPool(rng: Rng, catalog: ClusterCatalog, users: readonly DbUser[]): AdminStatement[] {
  const out: AdminStatement[] = [];
  const schemas = Array.from(new Set(catalog.tables.filter((t) => !t.external).map((t) => t.schema)));
  for (const schema of schemas) {
    for (const group of ['analysts', 'bi_readers']) {
      out.push({ text: `GRANT USAGE ON SCHEMA ${schema} TO GROUP ${group}`, issuer: 'admin', weight: 1 });
      out.push({ text: `GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO GROUP ${group}`, issuer: 'admin', weight: 1 });
    }
    out.push({ text: `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT ON TABLES TO GROUP bi_readers`, issuer: 'admin', weight: 0.5 });
  }
  // One grant long enough to span several 200-character chunks.
  const all = catalog.tables.filter((t) => !t.external).map(qualified);
  out.push({ text: `GRANT SELECT, INSERT, UPDATE, DELETE ON ${all.join(', ')} TO etl_svc`, issuer: 'admin', weight: 0.5 });
  out.push({ text: `REVOKE ALL ON ${qualified(rng.pick(catalog.tables))} FROM GROUP analysts`, issuer: 'admin', weight: 0.3 });
  for (const u of users.filter((x) => x.role === 'analyst' || x.role === 'bi')) {
    // Redshift masks passwords in its logs; the user names stay sensitive enough to protect.
    out.push({
      text: `CREATE USER ${u.name} PASSWORD '***' IN GROUP ${u.role === 'bi' ? 'bi_readers' : 'analysts'} CONNECTION LIMIT 20`,
      issuer: 'admin',
      weight: 0.2,
    });
    out.push({ text: `ALTER USER ${u.name} PASSWORD '***' VALID UNTIL '2027-06-30'`, issuer: 'admin', weight: 0.6 });
    out.push({ text: `ALTER USER ${u.name} SET statement_timeout TO ${rng.pick([300000, 900000, 3600000])}`, issuer: 'admin', weight: 0.3 });
    out.push({ text: `ALTER GROUP ${u.role === 'bi' ? 'bi_readers' : 'analysts'} ADD USER ${u.name}`, issuer: 'admin', weight: 0.3 });
  }
  return out;
}

/** Builds the DDL and utility pools of a cluster; deterministic in (seed, cluster id). */
export function buildAdminPools(cluster: ClusterProfile, seed: number, catalog: ClusterCatalog, users: readonly DbUser[]): AdminPools {
  const rng = createRng(seed, cluster.id, 'admin-statements');
  const schemas = Array.from(new Set(catalog.tables.filter((t) => !t.external).map((t) => t.schema)));
  const path = (n: number): string => rng.shuffle(schemas).slice(0, n).concat(['public']).join(', ');
  return {
    ddl: ddlPool(rng, catalog, usersWithRole(users, 'analyst')),
    grants: grantPool(rng, catalog, users),
    sessionSets: {
      bi: ["SET query_group TO 'dashboards'", `SET search_path TO ${path(2)}`, 'SET statement_timeout TO 300000', "SET timezone TO 'UTC'"],
      etl: ["SET query_group TO 'etl'", 'SET statement_timeout TO 0', 'SET enable_result_cache_for_session TO off'],
      analyst: [`SET search_path TO ${path(3)}`, 'SET datestyle TO ISO, MDY', 'SET statement_timeout TO 900000'],
    },
  };
}
