import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempDir, moveIntoPlace } from './output-dir';

const dirs: string[] = [];
function scratch(): string {
  const d = mkdtempSync(join(tmpdir(), 'cs-outdir-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('output folder swap', () => {
  it('replaces an earlier sample and removes abandoned temp folders', () => {
    const base = scratch();
    const out = join(base, 'sample');
    mkdirSync(join(out, 'extract_redshift_query_logs'), { recursive: true });
    // A pid that cannot be alive: pids are below 2^22 on Linux.
    mkdirSync(join(base, '.sample.tmp-99999999'));
    const tmp = createTempDir(out);
    writeFileSync(join(tmp, 'sample.json'), '{}');
    moveIntoPlace(tmp, out);
    expect(readdirSync(base)).toEqual(['sample']);
    expect(readdirSync(out)).toEqual(['sample.json']);
  });

  it('refuses to replace a folder that is not a sample', () => {
    const base = scratch();
    const out = join(base, 'precious');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.tex'), 'x');
    const tmp = createTempDir(out);
    expect(() => moveIntoPlace(tmp, out)).toThrow(/Refusing to replace/);
    expect(existsSync(join(out, 'thesis.tex'))).toBe(true);
  });
});
