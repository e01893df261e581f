import { describe, expect, it } from 'vitest';
import { DEFAULT_REGION, s3Settings } from './client';

describe('s3Settings', () => {
  it('uses AWS defaults without a custom endpoint', () => {
    expect(s3Settings({})).toEqual({ region: DEFAULT_REGION, endpoint: undefined, forcePathStyle: false });
    expect(s3Settings({ AWS_DEFAULT_REGION: 'eu-west-1' }).region).toBe('eu-west-1');
    expect(s3Settings({ AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-west-1' }).region).toBe('us-west-2');
  });

  it('prefers the S3-specific endpoint and switches to path-style addressing', () => {
    expect(s3Settings({ AWS_ENDPOINT_URL: 'http://a:1', AWS_ENDPOINT_URL_S3: 'http://b:2' })).toEqual({
      region: DEFAULT_REGION,
      endpoint: 'http://b:2',
      forcePathStyle: true,
    });
    expect(s3Settings({ AWS_ENDPOINT_URL: 'http://a:1' }).endpoint).toBe('http://a:1');
  });
});
