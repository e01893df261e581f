import { describe, expect, it } from 'vitest';
import { s3ConnectSources } from './connect-sources';

describe('s3ConnectSources', () => {
  it('is empty for local sources', () => {
    expect(s3ConnectSources({})).toEqual([]);
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCE: 'data/sample' })).toEqual([]);
  });

  it('names exactly the configured AWS bucket, virtual-host and path style, never a whole regional endpoint', () => {
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCE: 's3://logs-bucket/exports', AWS_REGION: 'eu-west-1' })).toEqual([
      'https://logs-bucket.s3.eu-west-1.amazonaws.com',
      'https://s3.eu-west-1.amazonaws.com/logs-bucket/',
    ]);
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCE: 's3://logs', AWS_DEFAULT_REGION: 'us-west-2' })).toEqual([
      'https://logs.s3.us-west-2.amazonaws.com',
      'https://s3.us-west-2.amazonaws.com/logs/',
    ]);
    for (const region of ['eu-west-1', 'us-west-2', 'us-east-1']) {
      const sources = s3ConnectSources({ CLUSTERSCOPE_SOURCE: 's3://logs', AWS_REGION: region });
      expect(sources).not.toContain(`https://s3.${region}.amazonaws.com`);
      expect(sources.every((source) => !source.includes('*'))).toBe(true);
    }
  });

  it('adds the global endpoint names in us-east-1 (the default region)', () => {
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCE: 's3://logs' })).toEqual([
      'https://logs.s3.us-east-1.amazonaws.com',
      'https://s3.us-east-1.amazonaws.com/logs/',
      'https://logs.s3.amazonaws.com',
      'https://s3.amazonaws.com/logs/',
    ]);
  });

  it('keeps the case of a legacy bucket in its path and gives dotted or capitalised buckets path style only', () => {
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCE: 's3://Old.Logs/x', AWS_REGION: 'eu-west-1' })).toEqual(['https://s3.eu-west-1.amazonaws.com/Old.Logs/']);
  });

  it('lists every bucket of CLUSTERSCOPE_SOURCES, which wins over CLUSTERSCOPE_SOURCE', () => {
    const env = {
      CLUSTERSCOPE_SOURCES: 'prod=s3://prod-logs/exports,dr=s3://dr-logs/exports,again=s3://prod-logs/other',
      CLUSTERSCOPE_SOURCE: 's3://ignored',
      AWS_REGION: 'eu-central-1',
    };
    expect(s3ConnectSources(env)).toEqual([
      'https://prod-logs.s3.eu-central-1.amazonaws.com',
      'https://s3.eu-central-1.amazonaws.com/prod-logs/',
      'https://dr-logs.s3.eu-central-1.amazonaws.com',
      'https://s3.eu-central-1.amazonaws.com/dr-logs/',
    ]);
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCES: 'Bad Name=s3://x', AWS_REGION: 'eu-central-1' })).toEqual([]);
  });

  it('uses a configured endpoint (S3-specific first) for the configured buckets, in both styles', () => {
    const env = {
      CLUSTERSCOPE_SOURCE: 's3://logs/prefix',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9000/ignored/path',
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:7480/',
    };
    expect(s3ConnectSources(env)).toEqual(['http://127.0.0.1:7480/logs/', 'http://logs.127.0.0.1:7480']);
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCES: 'a=s3://one,b=s3://two.dotted', AWS_ENDPOINT_URL: 'https://minio.local:9000' })).toEqual([
      'https://minio.local:9000/one/',
      'https://one.minio.local:9000',
      'https://minio.local:9000/two.dotted/',
    ]);
    // No bucket configured: nothing in S3 to reach.
    expect(s3ConnectSources({ AWS_ENDPOINT_URL: 'http://rgw.local:7480' })).toEqual([]);
  });

  it('ignores values that could inject into the policy', () => {
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCE: 's3://logs', AWS_ENDPOINT_URL: 'javascript:alert(1)' })).toEqual([]);
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCE: 's3://logs', AWS_ENDPOINT_URL: 'not a url' })).toEqual([]);
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCE: 's3://logs', AWS_REGION: "x'; script-src *" })).toEqual([]);
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCE: 's3://a;b/' })).toEqual([]);
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCES: 'p=s3://a;b/', AWS_REGION: 'eu-west-1' })).toEqual([]);
  });
});
