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

  it('resolves s3://bucket/prefix to an S3 location', () => {
    const source = resolveSource({ CLUSTERSCOPE_SOURCE: 's3://bucket/prefix' }, '/srv/app');
    expect(source).toEqual({ kind: 's3', source: 's3://bucket/prefix', location: { bucket: 'bucket', prefix: 'prefix/' } });
  });

  it('explains a malformed S3 URL', () => {
    const source = resolveSource({ CLUSTERSCOPE_SOURCE: 's3://b/x' }, '/srv/app');
    expect(source.kind === 'unsupported' && source.problem).toContain('not a valid S3 bucket name');
  });

  it('refuses other URL schemes', () => {
    const source = resolveSource({ CLUSTERSCOPE_SOURCE: 'https://example.com/x' }, '/srv/app');
    expect(source.kind === 'unsupported' && source.problem).toContain('use a local folder or s3://bucket/prefix');
  });
});
