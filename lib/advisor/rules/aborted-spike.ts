import { scope } from '../../library/scope';
import { findingsFrom, num } from '../finding-sql';
import type { AdvisorRule } from '../types';

/**
 * Days on which a cluster aborted far more user queries than it usually does.
 * Impact is the execution time the aborted queries spent before they stopped.
 */
export const abortedSpike: AdvisorRule = {
  kind: 'aborted-spike',
  title: 'Aborted-query spike',
  description:
    "Per cluster, days whose aborted-query rate (user queries, stl_query.aborted) is several times the cluster's " +
    'median day in the window. Impact: the time the aborted queries ran before they stopped. Look for a deploy, a ' +
    'lock, a WLM timeout rule or a restart on those days.',
  tables: ['stl_query'],
  thresholds: {
    spike_factor: { value: 3, description: "the day's aborted rate ÷ the cluster's median daily rate, at least" },
    min_aborted: { value: 10, description: 'aborted queries on the day, at least' },
  },
  sql: (t) =>
    findingsFrom(`user_queries AS MATERIALIZED (
  SELECT clusterid, query, startdate AS day, starttime, date_diff('microsecond', starttime, endtime) AS us, aborted
  FROM stl_query
  WHERE ${scope()}
    AND userid > 1
),
days AS (
  SELECT clusterid, day, count(*) FILTER (WHERE aborted = 1) AS aborted, count(*) AS total,
         count(*) FILTER (WHERE aborted = 1)::DOUBLE / count(*) AS rate
  FROM user_queries GROUP BY clusterid, day
),
baseline AS (
  SELECT clusterid, median(rate) AS median_rate FROM days GROUP BY clusterid
),
spikes AS (
  SELECT d.clusterid, d.day, d.aborted, d.total, d.rate, b.median_rate
  FROM days d JOIN baseline b ON b.clusterid = d.clusterid
  WHERE d.aborted >= ${num(t.min_aborted)}
    AND d.rate >= ${num(t.spike_factor)} * greatest(b.median_rate, 0.001)
),
affected AS (
  SELECT u.clusterid, 'aborted queries' AS subject, u.query, u.day, u.starttime, u.us,
         'on ' || max(strftime(s.day, '%Y-%m-%d')) OVER (PARTITION BY u.clusterid) || ': ' || max(s.aborted) OVER (PARTITION BY u.clusterid)
           || ' aborted (' || round(100 * max(s.rate) OVER (PARTITION BY u.clusterid), 1) || '%) against a median of '
           || round(100 * max(s.median_rate) OVER (PARTITION BY u.clusterid), 1) || '% a day' AS evidence,
         '' AS detail
  FROM user_queries u
  JOIN spikes s ON s.clusterid = u.clusterid AND s.day = u.day
  WHERE u.aborted = 1
)`),
  action: (row) => ({
    kind: 'advice',
    text: `Find what stopped queries on ${row.clusterid} on the spike days: a deploy or lock conflict (stl_tr_conflict), a WLM query monitoring rule or timeout, or a restart around the same time.`,
  }),
  confidence: (row) =>
    row.queries >= 50
      ? { level: 'high', note: "Many aborted queries on the spike days, far above the cluster's usual rate." }
      : { level: 'medium', note: 'A small spike; more days in the window make the baseline firmer.' },
};
