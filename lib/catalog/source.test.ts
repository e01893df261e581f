import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSource } from './source';

describe('resolveSource', () => {
  it('defaults to data/sample under the working directory', () => {
    expect(resolveSource({}, '/srv/app')).toEqual({ kind: 'local', source: '/srv/app/data/sample', root: '/srv/app/data/sample' });
    expect(resolveSource({ CLUSTERSCOPE_SOURCE: '   ' }, '/srv/app')).toMatchObject({ root: '/srv/app/data/sample' });
  });

  it('resolves relative, absolute, home and file:// folders', () => {
    expect(resolveSource({ CLUSTERSCOPE_SOURCE: 'exports/prod' }, '/srv/app')).toMatchObject({ root: '/srv/app/exports/prod' });
    expect(resolveSource({ CLUSTERSCOPE_SOURCE: '/data/x/' }, '/srv/app')).toMatchObject({ root: '/data/x' });
    expect(resolveSource({ CLUSTERSCOPE_SOURCE: '~/exports' }, '/srv/app')).toMatchObject({ root: path.join(os.homedir(), 'exports') });
    expect(resolveSource({ CLUSTERSCOPE_SOURCE: 'file:///data/my%20exports' }, '/srv/app')).toMatchObject({ root: '/data/my exports' });
  });

  it('explains that S3 is not supported yet', () => {
    const source = resolveSource({ CLUSTERSCOPE_SOURCE: 's3://bucket/prefix' }, '/srv/app');
    expect(source.kind).toBe('unsupported');
    expect(source.source).toBe('s3://bucket/prefix');
    expect(source.kind === 'unsupported' && source.problem).toContain('S3 sources are not supported yet');
  });

  it('refuses other URL schemes', () => {
    const source = resolveSource({ CLUSTERSCOPE_SOURCE: 'https://example.com/x' }, '/srv/app');
    expect(source.kind === 'unsupported' && source.problem).toContain('only local folders');
  });
});
