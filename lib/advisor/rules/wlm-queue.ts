import { scope } from '../../library/scope';
import { findingsFrom, num } from '../finding-sql';
import type { AdvisorRule } from '../types';

/**
 * Queues that saturate: per cluster, WLM service class and hour of the day,
 * the time queries waited in the queue against the time they ran. Impact is
 * the queue time itself, which more capacity at that hour would give back.
 */
export const wlmQueue: AdvisorRule = {
  kind: 'wlm-queue',
  title: 'WLM queue time',
  description:
    'Per cluster, user WLM service class (6 and up) and hour of the day (UTC): the total queue time of its queries ' +
    'against their execution time. Impact: the queue time. Add slots or memory to the queue at that hour, enable ' +
    'concurrency scaling, or move work out of the peak.',
  tables: ['stl_wlm_query'],
  thresholds: {
    min_queue_ratio: { value: 0.5, description: 'queue time ÷ execution time in the class-hour, at least' },
    min_queue_seconds: { value: 60, description: 'queue time in the class-hour over the window, at least (s)' },
  },
  sql: (t) =>
    findingsFrom(`waits AS MATERIALIZED (
  SELECT clusterid, query, startdate AS day, queue_start_time AS starttime, service_class,
         hour(queue_start_time) AS hour, total_queue_time AS queue_us, total_exec_time AS exec_us
  FROM stl_wlm_query
  WHERE ${scope()}
    AND service_class >= 6
),
hours AS (
  SELECT clusterid, service_class, hour, sum(queue_us) AS queue_us, sum(exec_us) AS exec_us, count(*) AS n
  FROM waits
  GROUP BY clusterid, service_class, hour
  HAVING sum(queue_us) >= ${num(t.min_queue_seconds)} * 1e6
     AND sum(queue_us) >= ${num(t.min_queue_ratio)} * greatest(sum(exec_us), 1)
),
affected AS (
  SELECT w.clusterid,
         'service class ' || w.service_class || ', ' || lpad(w.hour::VARCHAR, 2, '0') || ':00 UTC' AS subject,
         w.query, w.day, w.starttime, w.queue_us AS us,
         'queued ' || round(h.queue_us / 1e6) || ' s against ' || round(h.exec_us / 1e6) || ' s of execution (' ||
           round(100 * h.queue_us / greatest(h.queue_us + h.exec_us, 1)) || '% of the time queued) over ' || h.n || ' queries' AS evidence,
         w.service_class || '|' || w.hour AS detail
  FROM waits w
  JOIN hours h ON h.clusterid = w.clusterid AND h.service_class = w.service_class AND h.hour = w.hour
  WHERE w.queue_us > 0
)`),
  action: (row) => {
    const [serviceClass = '?', hour = '?'] = row.detail.split('|');
    return {
      kind: 'advice',
      text:
        `WLM: queries in service class ${serviceClass} on ${row.clusterid} wait more than they run around ${hour.padStart(2, '0')}:00 UTC. ` +
        'Give that queue more slots (or memory per slot) at that hour, turn on concurrency scaling for it, route short queries ' +
        'to short query acceleration, or move scheduled work out of the peak.',
    };
  },
  confidence: (row) =>
    row.trend.split(';').length >= 3
      ? { level: 'high', note: 'The queue saturates at this hour on several days.' }
      : { level: 'medium', note: 'Seen on few days; a longer window shows whether the peak recurs.' },
};
