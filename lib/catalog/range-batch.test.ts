import { describe, expect, it } from 'vitest';
import { decodeRangeBatch, encodeRangeBatch, parseRangeBatchRequest } from './range-batch';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const copy = (view: Uint8Array): ArrayBuffer => view.slice().buffer;

describe('range batch framing', () => {
  it('round-trips results, failed parts included', () => {
    const encoded = encodeRangeBatch([
      { status: 206, bytes: bytes('PAR1') },
      { status: 404, bytes: new Uint8Array(0) },
      { status: 206, bytes: bytes('footer') },
    ]);
    const decoded = decodeRangeBatch(copy(encoded), 3);
    expect(decoded.map((result) => [result.status, new TextDecoder().decode(result.bytes)])).toEqual([
      [206, 'PAR1'],
      [404, ''],
      [206, 'footer'],
    ]);
  });

  it('refuses answers that do not match their index', () => {
    const good = encodeRangeBatch([{ status: 206, bytes: bytes('abcd') }]);
    expect(() => decodeRangeBatch(copy(good), 2)).toThrow(/does not describe 2 parts/);
    expect(() => decodeRangeBatch(copy(good.subarray(0, good.length - 1)), 1)).toThrow(/length does not match/);
    expect(() => decodeRangeBatch(copy(good.subarray(0, 2)), 1)).toThrow(/shorter than its header/);
    const longIndex = good.slice();
    new DataView(longIndex.buffer).setUint32(0, 10_000, false);
    expect(() => decodeRangeBatch(copy(longIndex), 1)).toThrow(/shorter than its index/);
    const notJson = good.slice();
    notJson[4] = 0x7b;
    notJson[5] = 0x7b;
    expect(() => decodeRangeBatch(copy(notJson), 1)).toThrow(/not JSON/);
  });

  it('parses requests and says what is wrong with bad ones', () => {
    expect(parseRangeBatchRequest({ parts: [{ path: 'a', start: 0, end: 0 }] })).toEqual({ ok: true, parts: [{ path: 'a', start: 0, end: 0 }], bytes: 1 });
    const bad = parseRangeBatchRequest({ parts: [{ path: 'a', start: 3, end: 1 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/end is before start at parts\.0/);
    expect(parseRangeBatchRequest(null).ok).toBe(false);
  });

  it('refuses too many parts or too many bytes with 413, above what the engine sends', () => {
    const parts = (count: number, length: number): unknown => ({
      parts: Array.from({ length: count }, (_, at) => ({ path: 'a', start: at * length, end: at * length + length - 1 })),
    });
    // The engine's own batches: 1,000 parts or 8 MiB (lib/engine/worker/batches.ts).
    expect(parseRangeBatchRequest(parts(1_000, 8 * 1024)).ok).toBe(true);
    expect(parseRangeBatchRequest(parts(1, 8 * 1024 * 1024)).ok).toBe(true);
    expect(parseRangeBatchRequest(parts(4_000, 8))).toEqual({
      ok: false,
      status: 413,
      message: 'a range batch may have at most 2000 parts; this one has 4000',
    });
    expect(parseRangeBatchRequest(parts(2, 16 * 1024 * 1024))).toMatchObject({ ok: false, status: 413 });
  });
});
