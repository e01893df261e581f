import { describe, expect, it } from 'vitest';
import { PART_PATH_RE, partitionDir, planExportRuns } from './parts';

describe('export runs', () => {
  it('covers every row with 2-4 contiguous runs', () => {
    for (let n = 4; n < 200; n += 17) {
      const runs = planExportRuns(7, 'stl_scan', 'prod-etl-use1', '2024-05-01', n);
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(runs.length).toBeLessThanOrEqual(4);
      expect(runs[0]?.from).toBe(0);
      expect(runs.at(-1)?.to).toBe(n);
      runs.forEach((r, i) => {
        expect(r.to).toBeGreaterThan(r.from);
        if (i > 0) expect(r.from).toBe(runs[i - 1]?.to);
      });
    }
  });

  it('never makes more runs than rows', () => {
    expect(planExportRuns(1, 'stl_ddltext', 'c', '2024-05-01', 1)).toHaveLength(1);
    expect(planExportRuns(1, 'stl_ddltext', 'c', '2024-05-01', 0)).toHaveLength(0);
  });

  it('names files like Spark and deterministically', () => {
    const a = planExportRuns(3, 'stl_query', 'staging-usw2', '2024-05-02', 50);
    const b = planExportRuns(3, 'stl_query', 'staging-usw2', '2024-05-02', 50);
    expect(a).toEqual(b);
    for (const run of a) expect(`${partitionDir('stl_query', 'staging-usw2', '2024-05-02')}/${run.fileName}`).toMatch(PART_PATH_RE);
    expect(new Set(a.map((r) => r.fileName)).size).toBe(a.length);
  });
});
