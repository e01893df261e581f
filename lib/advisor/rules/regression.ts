import { scope } from '../../library/scope';
import { findingsFrom, num } from '../finding-sql';
import type { AdvisorRule } from '../types';

/**
 * Statements that got slower: executions grouped by a digest of their plan
 * (stl_explain's plan lines without costs, since the statement text may be
 * protected and ciphertext differs per run), day over day. A day regresses
 * when its median runtime is several times the median of the days before it
 * and even its faster quarter is slower than their slower quarter (runtimes have
 * long tails, so a median alone flags noise).
 * Impact is the excess: each regressed execution's time above that baseline.
 */
export const regression: AdvisorRule = {
  kind: 'regression',
  title: 'Runtime regression',
  description:
    'Statements (identified by a digest of their plan shape in stl_explain, costs removed) whose median runtime on ' +
    'a day is several times their median on the days before. Impact: the time above the earlier median. Compare the ' +
    'plans before and after: new data volume, stale statistics, a changed plan or a vacuum that stopped running.',
  tables: ['stl_explain', 'stl_query'],
  thresholds: {
    slowdown_factor: { value: 2, description: "a day's median runtime ÷ the median of the days before, at least" },
    min_runs: { value: 10, description: 'executions on the regressed day and before it, each at least' },
    min_seconds: { value: 1, description: 'median runtime on the regressed day, at least (s)' },
  },
  sql: (t) =>
    findingsFrom(`plans AS MATERIALIZED (
  SELECT clusterid, query,
         md5(string_agg(regexp_replace(rtrim(plannode), '\\s*\\(cost=.*$', ''), '|' ORDER BY nodeid)) AS digest
  FROM stl_explain
  WHERE ${scope()}
  GROUP BY clusterid, query
),
runs AS MATERIALIZED (
  SELECT q.clusterid, q.query, q.startdate AS day, q.starttime, date_diff('microsecond', q.starttime, q.endtime) AS us,
         p.digest, any_value(trim(q.label)) OVER (PARTITION BY q.clusterid, p.digest) AS label
  FROM stl_query q
  JOIN plans p ON p.clusterid = q.clusterid AND p.query = q.query
  WHERE ${scope('q')}
    AND q.aborted = 0
),
per_day AS (
  SELECT clusterid, digest, day, median(us) AS median_us, quantile_cont(us, 0.25) AS low_us, count(*) AS n
  FROM runs GROUP BY clusterid, digest, day
),
regressed AS (
  SELECT d.clusterid, d.digest, d.day, d.median_us, d.low_us,
         (SELECT median(r.us) FROM runs r WHERE r.clusterid = d.clusterid AND r.digest = d.digest AND r.day < d.day) AS before_us,
         (SELECT quantile_cont(r.us, 0.75) FROM runs r WHERE r.clusterid = d.clusterid AND r.digest = d.digest AND r.day < d.day) AS before_high_us,
         (SELECT count(*) FROM runs r WHERE r.clusterid = d.clusterid AND r.digest = d.digest AND r.day < d.day) AS before_n
  FROM per_day d
  WHERE d.n >= ${num(t.min_runs)} AND d.median_us >= ${num(t.min_seconds)} * 1e6
),
-- A shift of the whole day, not a heavier tail: the day's faster quarter is slower than the earlier days' slower quarter.
hits AS (
  SELECT * FROM regressed
  WHERE before_n >= ${num(t.min_runs)} AND median_us >= ${num(t.slowdown_factor)} * before_us AND low_us > before_high_us
),
affected AS (
  SELECT r.clusterid, 'statement ' || left(r.digest, 10) || CASE WHEN r.label NOT IN ('', 'default') THEN ' (' || r.label || ')' ELSE '' END AS subject,
         r.query, r.day, r.starttime, greatest(r.us - h.before_us, 0) AS us,
         'median ' || round(h.median_us / 1e6, 1) || ' s on ' || strftime(h.day, '%Y-%m-%d') || ' against ' ||
           round(h.before_us / 1e6, 1) || ' s before (' || h.before_n || ' runs)' AS evidence,
         r.digest AS detail
  FROM runs r
  JOIN hits h ON h.clusterid = r.clusterid AND h.digest = r.digest AND h.day = r.day
)`),
  action: (row) => ({
    kind: 'advice',
    text: `Compare this statement's plan (stl_explain) before and after it slowed down on ${row.clusterid}: look for stale statistics, a changed join strategy or more rows scanned.`,
  }),
  confidence: (row) =>
    row.trend.split(';').length >= 2
      ? { level: 'high', note: 'The slowdown holds on several days, against a baseline of several runs.' }
      : { level: 'medium', note: 'One slow day; the next days show whether it persists.' },
};
