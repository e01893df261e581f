import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTable, geomean, median, readPrevious, summarise, writeResult, type BenchResult, type QueryFigures } from './report';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cs-bench-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function figures(key: string, warmRatio: number, bytesRatio: number): QueryFigures {
  return {
    key,
    title: key,
    rows: 1,
    coldMs: 10,
    warmMs: 5,
    native1Ms: 5 / warmRatio,
    nativeAllMs: 1,
    coldRatio: 2,
    warmRatio,
    nativeSpeedup: 1,
    bytesFetched: 100,
    bytesNeeded: 100 / bytesRatio,
    bytesRatio,
    requests: 3,
    filesRead: 1,
    columns: {},
  };
}

function result(queries: QueryFigures[]): BenchResult {
  return {
    format: 'clusterscope-bench',
    version: 1,
    finishedAt: '',
    commit: 'abc',
    smoke: false,
    dataset: { dir: '/d', params: {}, bytes: 1, files: 1 },
    queries,
    summary: summarise(queries, { appMs: 300, floorMs: 200, target: 't' }, { wasmBytes: 1 << 20, jsHeapBytes: 2 << 20, rangeCacheBytes: 0 }),
  };
}

describe('report', () => {
  it('computes geometric means and medians over finite values only', () => {
    expect(geomean([1, 4])).toBeCloseTo(2);
    expect(geomean([2, NaN, Infinity, 0])).toBeCloseTo(2);
    expect(geomean([])).toBeNaN();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('summarises and shows the change against the previous run', () => {
    const before = result([figures('a', 2, 1.5), figures('b', 8, 1.1)]);
    const after = result([figures('a', 1, 1.2), figures('b', 4, 1.1)]);
    expect(after.summary.warmGeomean).toBeCloseTo(2);
    expect(after.summary.worstBytesRatio).toBeCloseTo(1.2);
    expect(after.summary.coldStartRatio).toBeCloseTo(1.5);
    const table = formatTable(after, before);
    expect(table).toContain('warm geomean vs native 1 thread: 2.00 (-50%)');
    expect(table).toMatch(/^a\s/m);
  });

  it('keeps the previous result and ignores unreadable ones', () => {
    const file = path.join(dir, 'latest.json');
    expect(readPrevious(file)).toBeNull();
    writeResult(file, result([figures('a', 1, 1)]));
    writeResult(file, result([figures('a', 2, 1)]));
    expect(readPrevious(file)?.queries[0]?.warmRatio).toBe(2);
    expect(JSON.parse(readFileSync(path.join(dir, 'latest.previous.json'), 'utf8')).queries[0].warmRatio).toBe(1);
    writeFileSync(file, 'not json');
    expect(readPrevious(file)).toBeNull();
  });
});
