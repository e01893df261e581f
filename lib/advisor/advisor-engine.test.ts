/**
 * Every Advisor rule on the bundled sample, in DuckDB-WASM 1.28's Node build
 * with views made the way the app makes them: each rule runs, each kind the
 * sample's alerts and scans hold is found, every proposed statement parses,
 * and the bad inputs a rule can meet (a missing table, a drifted column, an
 * empty scope, a time-out) stay that rule's message.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocalManifest } from '../catalog/local';
import { createTableViews } from '../engine/table-views';
import { nodeViewTarget, startNodeEngine, type NodeEngine } from '../engine/testing/node-engine';
import { SAMPLE_ROOT, sampleMarker } from '../sample/testing';
import { addDays } from '../sample/time';
import { isProposedStatement } from './redshift-sql';
import { ADVISOR_RULES } from './rules';
import { runAdvisor, type AdvisorScope, type RuleOutcome } from './run';
import type { FindingKind, RuleRow } from './types';

let engine: NodeEngine;
let scope: AdvisorScope;
let available: Set<string>;
let outcomes: RuleOutcome[] = [];

function query(sql: string): Promise<RuleRow[]> {
  const table = engine.conn.query(sql);
  return Promise.resolve(table.toArray().map((row) => (row as { toJSON(): RuleRow }).toJSON()));
}

beforeAll(async () => {
  const marker = sampleMarker();
  const manifest = await buildLocalManifest(SAMPLE_ROOT);
  engine = await startNodeEngine();
  const tables = await createTableViews(nodeViewTarget(engine), manifest, (_table, file) => path.join(SAMPLE_ROOT, file.path));
  available = new Set(tables.filter((table) => !table.error).map((table) => table.name));
  const clusters = [...new Set(manifest.tables.flatMap((t) => t.files.map((f) => f.partition.clusterid ?? '')))].sort();
  // The page's default: every cluster, the last 7 days of the sample.
  const end = marker.options.endDate ?? marker.startDate;
  scope = { clusters, days: { start: addDays(end, -6), end } };
  outcomes = await runAdvisor({ scope, available, query });
  console.log(
    outcomes.map((o) => `${o.kind.padEnd(20)} ${String(o.findings.length).padStart(4)} findings ${o.ms.toFixed(0).padStart(6)} ms ${o.error ?? ''}`).join('\n'),
  );
}, 300_000);

afterAll(() => engine?.close());

/** One cluster and one day, for the checks that run every rule again. */
function narrow(): AdvisorScope {
  return { clusters: scope.clusters.slice(0, 1), days: { start: scope.days.end, end: scope.days.end } };
}

describe('the Advisor on the bundled sample', () => {
  it('runs every rule without an error', () => {
    expect(outcomes.map((o) => [o.kind, o.error ?? 'ok'])).toEqual(ADVISOR_RULES.map((rule) => [rule.kind, 'ok']));
  });

  it.each<FindingKind>(['missing-statistics', 'ghost-rows', 'sort-key', 'redistribution', 'nested-loop'])('finds %s where the sample has it', (kind) => {
    const outcome = outcomes.find((o) => o.kind === kind);
    expect(outcome?.findings.length).toBeGreaterThan(0);
    for (const finding of outcome?.findings ?? []) {
      expect(finding.impactUs).toBeGreaterThan(0);
      expect(finding.queries).toBeGreaterThan(0);
      expect(finding.topQueries.length).toBeGreaterThan(0);
      expect(finding.topQueries.length).toBeLessThanOrEqual(5);
      expect(finding.trend.length).toBeGreaterThan(0);
      expect(finding.trend.reduce((sum, day) => sum + day.us, 0)).toBeCloseTo(finding.impactUs, -3);
    }
  });

  it('proposes only statements of the fixed grammar', () => {
    const statements = outcomes.flatMap((o) => o.findings).flatMap((f) => (f.action.kind === 'sql' ? [f.action.statement] : []));
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) expect(isProposedStatement(statement), statement).toBe(true);
  });

  it('a table missing from the export stops only the rules that need it', async () => {
    const without = new Set([...available].filter((table) => table !== 'stl_explain'));
    const result = await runAdvisor({ scope: narrow(), available: without, query });
    const failed = result.filter((o) => o.error);
    expect(failed.map((o) => o.kind).sort()).toEqual(['missing-statistics', 'regression', 'sort-key']);
    for (const outcome of failed) expect(outcome.error).toBe('Needs stl_explain, which the export does not have.');
    expect(result.filter((o) => !o.error).length).toBe(ADVISOR_RULES.length - 3);
  });

  it('a scope with no data finds nothing, without an error', async () => {
    const result = await runAdvisor({ scope: { ...scope, days: { start: '2001-01-01', end: '2001-01-07' } }, available, query });
    expect(result.map((o) => [o.kind, o.error ?? 'ok', o.findings.length])).toEqual(ADVISOR_RULES.map((rule) => [rule.kind, 'ok', 0]));
  });

  it('a column that drifted away fails that rule with DuckDB’s message and the others still run', async () => {
    // A view cannot shadow the view it reads (DuckDB binds it recursively), so the drifted rows are copied first.
    engine.conn.query('CREATE TEMP TABLE wlm_drifted AS SELECT * EXCLUDE (total_queue_time) FROM stl_wlm_query LIMIT 1000');
    engine.conn.query('CREATE TEMP VIEW stl_wlm_query AS SELECT * FROM wlm_drifted');
    try {
      const result = await runAdvisor({ scope: narrow(), available, query });
      const wlm = result.find((o) => o.kind === 'wlm-queue');
      expect(wlm?.error).toMatch(/total_queue_time/);
      expect(result.filter((o) => o.error).map((o) => o.kind)).toEqual(['wlm-queue']);
    } finally {
      engine.conn.query('DROP VIEW temp.stl_wlm_query');
      engine.conn.query('DROP TABLE temp.wlm_drifted');
    }
  });

  it('a rule that runs too long is stopped with a message, and the next rule runs', async () => {
    const slow = (_sql: string, signal: AbortSignal): Promise<RuleRow[]> =>
      new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('Query cancelled.'))));
    const result = await runAdvisor({ scope, available, query: slow, ruleTimeoutMs: 20, rules: ADVISOR_RULES.slice(0, 2) });
    expect(result.map((o) => o.error)).toEqual(['Stopped after 0 s; choose fewer clusters or days.', 'Stopped after 0 s; choose fewer clusters or days.']);
  });
});
