/**
 * Statements of the nightly and hourly ETL jobs, and of Redshift's own
 * background work (userid 1). ETL text may hold day placeholders because
 * loads name the day's S3 prefix.
 */

import type { ClusterCatalog, UserTable } from './catalog';
import { qualified } from './catalog';
import type { Rng } from './random';
import type { QueryShape } from './shape';
import { shape, tableScan } from './shape';
import { DAY_PATH_TOKEN, DAY_TOKEN } from './text';
import { MICROS_PER_MINUTE, MICROS_PER_SECOND } from './time';

/** A pool entry before users, weights and alerts are attached. */
export interface DraftStatement {
  template: string;
  shape: QueryShape;
  medianExecMicros: number;
  execSigma: number;
  /** Relative frequency within its workload, before Zipf ranking (ETL and system keep it). */
  weight: number;
}

const ACCOUNT = '123456789012';

function copyText(source: UserTable, legacyCredentials: boolean): string {
  const auth = legacyCredentials
    ? // AWS's documented example key pair: shaped like a leaked secret, valid nowhere.
      `CREDENTIALS 'aws_access_key_id=AKIAIOSFODNN7EXAMPLE;aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'`
    : `IAM_ROLE 'arn:aws:iam::${ACCOUNT}:role/RedshiftCopyRole'`;
  return `COPY ${qualified(source)} FROM 's3://acme-datalake-prod/raw/${source.name}/${DAY_PATH_TOKEN}/' ${auth} FORMAT AS PARQUET`;
}

function flowStatements(rng: Rng, source: UserTable, target: UserTable, legacyCredentials: boolean): DraftStatement[] {
  const out: DraftStatement[] = [];
  const min = MICROS_PER_MINUTE;
  const sameKey = source.key === target.key;
  if (source.schema === 'staging') {
    out.push({
      template: 'copy',
      shape: shape({ kind: 'copy', text: copyText(source, legacyCredentials), scans: [], target: source }),
      medianExecMicros: 2 * min,
      execSigma: 0.8,
      weight: 6,
    });
    out.push({
      template: 'dqCheck',
      shape: shape({
        kind: 'select',
        text: `SELECT COUNT(*) AS null_keys FROM ${qualified(source)} WHERE ${source.key} IS NULL OR ${source.ts} IS NULL`,
        scans: [tableScan(source, 's', `((${source.key} IS NULL) OR (${source.ts} IS NULL))`, 0.0001)],
        aggregate: 'plain',
      }),
      medianExecMicros: 4 * MICROS_PER_SECOND,
      execSigma: 0.6,
      weight: 6,
    });
  }
  if (sameKey) {
    out.push({
      template: 'deleteUsing',
      shape: shape({
        kind: 'delete',
        text: `DELETE FROM ${qualified(target)} USING ${qualified(source)} s WHERE ${qualified(target)}.${target.key} = s.${source.key}`,
        scans: [tableScan(target, target.name, null, 0.01), tableScan(source, 's', null, 1)],
        joins: [
          { strategy: target.dist === 'KEY' ? 'DS_DIST_INNER' : 'DS_DIST_BOTH', nested: false, condition: `"outer".${target.key} = "inner".${source.key}` },
        ],
        target,
      }),
      medianExecMicros: 3 * min,
      execSigma: 0.9,
      weight: 4,
    });
    out.push({
      template: 'insertSelect',
      shape: shape({
        kind: 'insert',
        text: `INSERT INTO ${qualified(target)} SELECT s.*, GETDATE() AS etl_loaded_at FROM ${qualified(source)} s LEFT JOIN ${qualified(target)} t ON s.${source.key} = t.${target.key} WHERE t.${target.key} IS NULL`,
        scans: [tableScan(source, 's', null, 1), tableScan(target, 't', null, 1)],
        joins: [{ strategy: 'DS_DIST_INNER', nested: false, condition: `"outer".${source.key} = "inner".${target.key}` }],
        target,
      }),
      medianExecMicros: 6 * min,
      execSigma: 1.0,
      weight: 4,
    });
    out.push({
      template: 'updateFrom',
      shape: shape({
        kind: 'update',
        text: `UPDATE ${qualified(target)} SET ${target.measure} = s.${source.measure}, updated_at = GETDATE() FROM ${qualified(source)} s WHERE ${qualified(target)}.${target.key} = s.${source.key} AND ${qualified(target)}.${target.measure} <> s.${source.measure}`,
        scans: [tableScan(target, target.name, null, 0.02), tableScan(source, 's', null, 1)],
        joins: [{ strategy: 'DS_DIST_INNER', nested: false, condition: `"outer".${target.key} = "inner".${source.key}` }],
        target,
      }),
      medianExecMicros: 4 * min,
      execSigma: 0.9,
      weight: 2,
    });
  } else {
    const dims = source.dims.slice(0, 2).map((d) => d.column);
    const groupList = dims.map((_, i) => String(i + 2)).join(', ');
    out.push({
      template: 'deleteWindow',
      shape: shape({
        kind: 'delete',
        text: `DELETE FROM ${qualified(target)} WHERE ${target.ts} >= DATEADD(day, -3, TRUNC(GETDATE()))`,
        scans: [tableScan(target, target.name, `(${target.ts} >= dateadd('day'::text, -3, trunc(getdate())))`, 0.003, true)],
        target,
      }),
      medianExecMicros: 40 * MICROS_PER_SECOND,
      execSigma: 0.7,
      weight: 3,
    });
    out.push({
      template: 'insertAggregate',
      shape: shape({
        kind: 'insert',
        text: `INSERT INTO ${qualified(target)} SELECT TRUNC(s.${source.ts}) AS ${target.ts}, ${dims.map((d) => `s.${d}`).join(', ')}${dims.length > 0 ? ', ' : ''}SUM(s.${source.measure}) AS ${target.measure} FROM ${qualified(source)} s WHERE s.${source.ts} >= DATEADD(day, -3, TRUNC(GETDATE())) GROUP BY 1${groupList ? `, ${groupList}` : ''}`,
        scans: [tableScan(source, 's', `(${source.ts} >= dateadd('day'::text, -3, trunc(getdate())))`, 0.003, true)],
        aggregate: 'hash',
        target,
      }),
      medianExecMicros: 12 * min,
      execSigma: 0.9,
      weight: 3,
    });
  }
  // The weekly full rebuild is the job that runs for hours.
  out.push({
    template: 'fullRebuild',
    shape: shape({
      kind: 'insert',
      text: `INSERT INTO ${qualified(target)}_rebuild SELECT * FROM ${qualified(source)} s WHERE s.${source.ts} >= DATEADD(month, -${rng.pick([12, 24, 36])}, GETDATE())`,
      scans: [tableScan(source, 's', `(${source.ts} >= dateadd('month'::text, -24, getdate()))`, 0.7)],
      target,
    }),
    medianExecMicros: 55 * min,
    execSigma: 0.7,
    weight: 0.35,
  });
  out.push({
    template: 'unload',
    shape: shape({
      kind: 'unload',
      text: `UNLOAD ('SELECT * FROM ${qualified(target)} WHERE ${target.ts} >= DATEADD(day, -1, TRUNC(GETDATE()))') TO 's3://acme-exports-prod/${target.name}/${DAY_TOKEN}/' IAM_ROLE 'arn:aws:iam::${ACCOUNT}:role/RedshiftUnloadRole' FORMAT AS PARQUET ALLOWOVERWRITE`,
      scans: [tableScan(target, target.name, `(${target.ts} >= dateadd('day'::text, -1, trunc(getdate())))`, 0.001, true)],
    }),
    medianExecMicros: 3 * min,
    execSigma: 0.8,
    weight: 1,
  });
  return out;
}

/** The ETL statements of a cluster; the sandbox still uses legacy COPY credentials. */
export function buildEtlStatements(rng: Rng, catalog: ClusterCatalog, legacyCredentials: boolean): DraftStatement[] {
  const out: DraftStatement[] = [];
  const seen = new Set<string>();
  for (const [source, target] of catalog.flows) {
    for (const s of flowStatements(rng, source, target, legacyCredentials)) {
      if (seen.has(s.shape.text)) continue;
      seen.add(s.shape.text);
      out.push(s);
    }
  }
  return out;
}

/**
 * Automatic ANALYZE samples tables with `padb_fetch_sample:` queries as userid 1.
 * "Undoing N transactions" rows are made per execution (their text names an xid), see workload.ts.
 */
export function buildSystemStatements(catalog: ClusterCatalog): DraftStatement[] {
  const out: DraftStatement[] = [];
  for (const t of catalog.tables) {
    if (t.external) continue;
    for (const form of ['select count(*) from', 'select * from'] as const) {
      out.push({
        template: 'padbFetchSample',
        shape: shape({
          kind: 'system',
          text: `padb_fetch_sample: ${form} ${t.name}`,
          // Sampling reads a fixed number of blocks, not the whole table.
          scans: [tableScan(t, t.name, null, 1)].map((s) => ({ ...s, source: { kind: 'table' as const, table: { ...t, rows: Math.min(t.rows, 2_000_000) } } })),
          aggregate: form === 'select count(*) from' ? 'plain' : null,
        }),
        medianExecMicros: 700_000,
        execSigma: 0.7,
        weight: 1,
      });
    }
  }
  return out;
}
