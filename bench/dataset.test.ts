import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetDir, FLEET_PARAMS, folderSize, isComplete } from './dataset';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cs-bench-dataset-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('benchmark dataset cache', () => {
  it('keys the cache folder on the parameters, stably', () => {
    expect(datasetDir(FLEET_PARAMS, dir)).toBe(datasetDir({ ...FLEET_PARAMS }, dir));
    expect(datasetDir(FLEET_PARAMS, dir)).not.toBe(datasetDir({ ...FLEET_PARAMS, queriesPerDay: 1 }, dir));
    expect(path.basename(datasetDir(FLEET_PARAMS, dir))).toMatch(/^bench-[0-9a-f]{12}$/);
  });

  it('is complete only once the marker exists, and sizes what is there', () => {
    const root = datasetDir(FLEET_PARAMS, dir);
    mkdirSync(path.join(root, 'a'), { recursive: true });
    writeFileSync(path.join(root, 'a', 'x.parquet'), '12345');
    expect(isComplete(root)).toBe(false);
    writeFileSync(path.join(root, 'sample.json'), '{}');
    expect(isComplete(root)).toBe(true);
    expect(folderSize(root)).toEqual({ bytes: 7, files: 2 });
  });
});
