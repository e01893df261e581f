import { describe, expect, it } from 'vitest';
import { fileETag, isNotModified, lastModified, rangeStillValid } from './http-cache';

const version = { size: 4096, mtimeMs: Date.UTC(2026, 0, 2, 3, 4, 5, 678) };
const etag = fileETag(version);

describe('validators', () => {
  it('builds a strong ETag from size and mtime and an HTTP date', () => {
    expect(etag).toMatch(/^"1000-[0-9a-f]+"$/);
    expect(fileETag({ ...version, size: 4097 })).not.toBe(etag);
    expect(fileETag({ ...version, mtimeMs: version.mtimeMs + 1 })).not.toBe(etag);
    expect(lastModified(version)).toBe('Fri, 02 Jan 2026 03:04:05 GMT');
  });
});

describe('isNotModified', () => {
  it('matches If-None-Match weakly, in lists and with *', () => {
    expect(isNotModified(new Headers({ 'if-none-match': etag }), version)).toBe(true);
    expect(isNotModified(new Headers({ 'if-none-match': `"x", W/${etag}` }), version)).toBe(true);
    expect(isNotModified(new Headers({ 'if-none-match': '*' }), version)).toBe(true);
    expect(isNotModified(new Headers({ 'if-none-match': '"other"' }), version)).toBe(false);
    expect(isNotModified(new Headers(), version)).toBe(false);
  });

  it('uses If-Modified-Since only without If-None-Match', () => {
    const date = lastModified(version);
    expect(isNotModified(new Headers({ 'if-modified-since': date }), version)).toBe(true);
    expect(isNotModified(new Headers({ 'if-modified-since': 'Fri, 02 Jan 2026 03:04:04 GMT' }), version)).toBe(false);
    expect(isNotModified(new Headers({ 'if-modified-since': date, 'if-none-match': '"other"' }), version)).toBe(false);
    expect(isNotModified(new Headers({ 'if-modified-since': 'garbage' }), version)).toBe(false);
  });
});

describe('rangeStillValid', () => {
  it('honours Range only when If-Range still matches', () => {
    expect(rangeStillValid(new Headers(), version)).toBe(true);
    expect(rangeStillValid(new Headers({ 'if-range': etag }), version)).toBe(true);
    expect(rangeStillValid(new Headers({ 'if-range': `W/${etag}` }), version)).toBe(false);
    expect(rangeStillValid(new Headers({ 'if-range': '"old"' }), version)).toBe(false);
    expect(rangeStillValid(new Headers({ 'if-range': lastModified(version) }), version)).toBe(true);
    expect(rangeStillValid(new Headers({ 'if-range': 'Thu, 01 Jan 2026 00:00:00 GMT' }), version)).toBe(false);
  });
});
