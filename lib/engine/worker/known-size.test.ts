import { describe, expect, it } from 'vitest';
import { knownSize, withKnownSize } from './known-size';

describe('known file sizes in URL fragments', () => {
  it('round-trips through the fragment without touching the query', () => {
    const url = withKnownSize('http://localhost/api/files/a%3Db/x.parquet?X-Amz-Signature=abc', 922_403);
    expect(url).toBe('http://localhost/api/files/a%3Db/x.parquet?X-Amz-Signature=abc#size=922403');
    expect(knownSize(url)).toBe(922_403);
  });

  it('ignores URLs without a usable size', () => {
    expect(knownSize('http://localhost/a.parquet')).toBeNull();
    expect(knownSize('http://localhost/a.parquet#size=-1')).toBeNull();
    expect(knownSize('http://localhost/a.parquet#size=1e9')).toBeNull();
    expect(knownSize('http://localhost/a.parquet#other=1')).toBeNull();
  });
});
