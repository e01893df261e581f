import { buildClusters } from './clusters';
import { buildClusterContext } from './workload';
import { generateClusterDay } from './day';
import { windowDays } from './time';
import { PartitionWriter } from './write';
import { TABLE_NAMES } from './types';
import type { RowRecord, TimedRow } from './types';
import { mkdirSync, rmSync } from 'node:fs';
const opts = { clusters: 5, days: 14, queriesPerDay: 1200, endDate: '2026-11-20', seed: 20240601 };
(async () => {
  rmSync('/tmp/bench-w', { recursive: true, force: true }); mkdirSync('/tmp/bench-w');
  const w = await PartitionWriter.open();
  const c = buildClusters(5)[0]!;
  const ctx = buildClusterContext(opts, c);
  const per: Record<string, number> = {};
  let files = 0;
  const t0 = Date.now();
  for (const [i, day] of windowDays(opts.endDate, opts.days).entries()) {
    const r = generateClusterDay(ctx, day, i);
    for (const t of TABLE_NAMES) {
      const s = Date.now();
      const list: ReadonlyArray<TimedRow<RowRecord>> = r[t];
      files += (await w.writePartition({ root: '/tmp/bench-w', table: t, cluster: c, day, rows: list, seed: 1, protect: (p) => p })).length;
      per[t] = (per[t] ?? 0) + Date.now() - s;
    }
  }
  console.log('total', Date.now() - t0, 'files', files, per);
  w.close();
})();
