import { describe, expect, it } from 'vitest';
import { s3ConnectSources } from './connect-sources';

describe('s3ConnectSources', () => {
  it('is empty for local sources', () => {
    expect(s3ConnectSources({})).toEqual([]);
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCE: 'data/sample' })).toEqual([]);
  });

  it('names the regional endpoints of an AWS bucket', () => {
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCE: 's3://Logs-Bucket/exports', AWS_REGION: 'eu-west-1' })).toEqual([
      'https://logs-bucket.s3.eu-west-1.amazonaws.com',
      'https://s3.eu-west-1.amazonaws.com',
    ]);
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCE: 's3://logs', AWS_DEFAULT_REGION: 'us-west-2' })[0]).toBe('https://logs.s3.us-west-2.amazonaws.com');
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCE: 's3://logs' })[0]).toBe('https://logs.s3.us-east-1.amazonaws.com');
  });

  it('uses a configured endpoint (S3-specific first) with its origin only', () => {
    const env = { CLUSTERSCOPE_SOURCE: 's3://logs/prefix', AWS_ENDPOINT_URL: 'http://127.0.0.1:9000/ignored/path', AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:7480/' };
    expect(s3ConnectSources(env)).toEqual(['http://127.0.0.1:7480', 'http://logs.127.0.0.1:7480']);
    expect(s3ConnectSources({ AWS_ENDPOINT_URL: 'http://rgw.local:7480' })).toEqual(['http://rgw.local:7480']);
  });

  it('ignores values that could inject into the policy', () => {
    expect(s3ConnectSources({ AWS_ENDPOINT_URL: "javascript:alert(1)" })).toEqual([]);
    expect(s3ConnectSources({ AWS_ENDPOINT_URL: 'not a url' })).toEqual([]);
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCE: 's3://logs', AWS_REGION: "x'; script-src *" })).toEqual([]);
    expect(s3ConnectSources({ CLUSTERSCOPE_SOURCE: "s3://a;b/" })).toEqual([]);
  });
});
