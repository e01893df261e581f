import { describe, expect, it } from 'vitest';
import { formatS3Url, parseS3Url } from './location';

describe('parseS3Url', () => {
  it('normalises the prefix to end with a slash', () => {
    expect(parseS3Url('s3://my-bucket')).toEqual({ ok: true, location: { bucket: 'my-bucket', prefix: '' } });
    expect(parseS3Url('s3://my-bucket/')).toEqual({ ok: true, location: { bucket: 'my-bucket', prefix: '' } });
    expect(parseS3Url('s3://my-bucket/a/b')).toEqual({ ok: true, location: { bucket: 'my-bucket', prefix: 'a/b/' } });
    expect(parseS3Url('S3://my.bucket/a/b/')).toEqual({ ok: true, location: { bucket: 'my.bucket', prefix: 'a/b/' } });
  });

  it('explains bad input', () => {
    expect(parseS3Url('s3://')).toMatchObject({ ok: false, problem: expect.stringContaining('not a valid S3 bucket name') });
    expect(parseS3Url('s3://a')).toMatchObject({ ok: false });
    expect(parseS3Url('s3://bad_bucket!/x')).toMatchObject({ ok: false });
    expect(parseS3Url('s3://bucket/a//b')).toMatchObject({ ok: false, problem: expect.stringContaining('empty folder') });
    expect(parseS3Url('http://bucket/a')).toMatchObject({ ok: false, problem: expect.stringContaining('not an s3://') });
  });

  it('formats back', () => {
    expect(formatS3Url({ bucket: 'b-1', prefix: 'x/' })).toBe('s3://b-1/x/');
  });
});
