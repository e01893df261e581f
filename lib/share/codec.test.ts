import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHART_TYPES, type ChartConfigInput } from '../charts/config';
import { PARAM_TYPES } from '../params/types';
import { fromBase64Url, toBase64Url } from './base64url';
import { decodeShareToken, encodeShareState, encodeShareText, MAX_SHARE_TOKEN_CHARS, shareTokenFromHash, shareUrl, type DecodeResult } from './codec';
import { deflateRaw } from './compress';
import { shareStateSchema, type ShareStateInput } from './state';

const unicode = (maxLength: number): fc.Arbitrary<string> => fc.string({ unit: 'binary', maxLength });
const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/).filter((text) => text !== '__proto__');
const number = fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value));
const range = fc.record({ start: unicode(12), end: unicode(12) });
const value = fc.oneof(unicode(40), number, fc.boolean(), fc.constant(null), range, fc.array(unicode(10), { maxLength: 5 }));

const definition = fc.record(
  {
    name,
    type: fc.constantFrom(...PARAM_TYPES),
    label: unicode(30),
    options: fc.array(unicode(10), { maxLength: 5 }),
    default: fc.oneof(unicode(20), number, range, fc.array(unicode(10), { maxLength: 3 })),
  },
  { requiredKeys: ['name', 'type'] },
);

const chart: fc.Arbitrary<ChartConfigInput> = fc.record(
  {
    type: fc.constantFrom(...CHART_TYPES),
    title: unicode(60),
    x: unicode(20).filter((text) => text.length > 0),
    measures: fc.array(
      unicode(20).filter((text) => text.length > 0),
      { maxLength: 4 },
    ),
    stacked: fc.boolean(),
  },
  { requiredKeys: ['type'] },
);

const state: fc.Arbitrary<ShareStateInput> = fc.record(
  {
    v: fc.constant(1 as const),
    title: unicode(60),
    sql: unicode(400).filter((text) => text.length > 0),
    params: fc.dictionary(name, value, { maxKeys: 6 }),
    paramDefs: fc.array(definition, { maxLength: 4 }),
    chart,
    view: fc.constantFrom('table' as const, 'chart' as const),
  },
  { requiredKeys: ['v', 'title', 'sql', 'params', 'paramDefs', 'view'] },
);

function failure(result: DecodeResult): { kind: string; message: string } {
  if (result.ok) throw new Error('expected the token to be refused');
  return result.problem;
}

const sample: ShareStateInput = {
  v: 1,
  title: 'Slow queries — 東京',
  sql: 'select \'日本語 ✓ 🚀\' as "名前" -- commentaire é\nfrom stl_query where d between {{d.start}} and {{d.end}}',
  params: { d: { start: '2026-11-01', end: '2026-11-07' } },
  paramDefs: [{ name: 'd', type: 'date_range' }],
  chart: { type: 'bar', title: '<script>alert(1)</script>', x: 'name', measures: ['n'] },
  view: 'chart',
  sharedAt: '2026-11-28T15:00:00.000Z',
};

describe('share codec', () => {
  it('round-trips any Unicode SQL, parameters and chart', async () => {
    await fc.assert(
      fc.asyncProperty(state, async (input) => {
        const token = await encodeShareState(input);
        const decoded = await decodeShareToken(token);
        expect(decoded).toEqual({ ok: true, state: shareStateSchema.parse(input) });
      }),
      { numRuns: 150 },
    );
  });

  it('keeps non-ASCII text, markup and the version tag intact', async () => {
    const token = await encodeShareState(sample);
    expect(token.startsWith('v1.')).toBe(true);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    const decoded = await decodeShareToken(token);
    expect(decoded.ok && decoded.state.sql).toBe(sample.sql);
    expect(decoded.ok && decoded.state.chart?.title).toBe('<script>alert(1)</script>');
  });

  it('refuses a state the schema would refuse, before encoding', async () => {
    await expect(encodeShareState({ ...sample, sql: '' })).rejects.toThrow();
    const withSecret = { ...sample, secretKey: 'AKIA…' } as ShareStateInput;
    await expect(encodeShareState(withSecret)).rejects.toThrow(/secretKey/);
  });

  it('says a truncated link is incomplete', async () => {
    const token = await encodeShareState(sample);
    for (const cut of [3, 10, Math.floor(token.length / 2), token.length - 1]) {
      const result = failure(await decodeShareToken(token.slice(0, cut)));
      expect(['truncated', 'damaged']).toContain(result.kind);
      expect(result.message).toMatch(/incomplete|damaged/);
    }
    expect(failure(await decodeShareToken(token.slice(0, token.length - 4))).message).toMatch(/incomplete: it ends early/);
  });

  it('says a bit-flipped link is damaged, whichever bit of the body flips', async () => {
    const token = await encodeShareState(sample);
    const frame = fromBase64Url(token.slice(3))!;
    const original = await decodeShareToken(token);
    let refused = 0;
    // Every bit: the length header, the CRC or the deflate stream notices. Only the
    // padding bits after deflate's last block carry nothing, and change nothing.
    for (let bit = 0; bit < frame.length * 8; bit++) {
      const flipped = frame.slice();
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      const result = await decodeShareToken(`v1.${toBase64Url(flipped)}`);
      if (result.ok) {
        expect(bit, 'only the last byte may hold unused bits').toBeGreaterThanOrEqual((frame.length - 1) * 8);
        expect(result).toEqual(original);
      } else {
        expect(['damaged', 'truncated'], `bit ${bit}`).toContain(result.problem.kind);
        if (bit >= 32) expect(result.problem.kind, `bit ${bit}`).toBe('damaged');
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(frame.length * 8 - 8);
    expect(failure(await decodeShareToken(`${token.slice(0, 20)}*${token.slice(21)}`)).kind).toBe('damaged');
  });

  it('says which version an unknown link has', async () => {
    const token = await encodeShareState(sample);
    const result = failure(await decodeShareToken(`v2${token.slice(2)}`));
    expect(result).toEqual({
      kind: 'unknown-version',
      message: 'This share link uses format version 2, but this ClusterScope reads version 1. It was probably made by a newer ClusterScope.',
    });
    expect(failure(await decodeShareToken('hello')).kind).toBe('not-a-link');
  });

  it('refuses an oversized link before decoding it, and a link that unpacks too far', async () => {
    const result = failure(await decodeShareToken(`v1.${'A'.repeat(MAX_SHARE_TOKEN_CHARS)}`));
    expect(result.kind).toBe('too-long');
    expect(result.message).toContain('8,003 characters; the limit is 8,000');

    const bomb = await encodeShareText(`"${'a'.repeat(600 * 1024)}"`);
    expect(bomb.length).toBeLessThan(MAX_SHARE_TOKEN_CHARS);
    expect(failure(await decodeShareToken(bomb)).kind).toBe('too-large');
  });

  it('says valid compression around invalid JSON is not a query', async () => {
    const result = failure(await decodeShareToken(await encodeShareText('{"v":1,"sql":')));
    expect(result).toEqual({ kind: 'not-json', message: 'This share link unpacks, but not to a query: its contents are not valid JSON.' });
  });

  it('names the fields of JSON of the wrong shape', async () => {
    const result = failure(
      await decodeShareToken(await encodeShareText(JSON.stringify({ v: 1, title: 't', sql: 42, params: {}, paramDefs: [], view: 'table' }))),
    );
    expect(result.kind).toBe('wrong-shape');
    expect(result.message).toContain('sql:');
    const extra = failure(await decodeShareToken(await encodeShareText(JSON.stringify({ ...sample, presignedUrl: 'https://s3/x?X-Amz-Signature=1' }))));
    expect(extra.message).toContain('presignedUrl');
  });

  it('refuses bytes that are not UTF-8 as not JSON', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x22]);
    const compressed = await deflateRaw(bytes);
    const frame = new Uint8Array(8 + compressed.length);
    const view = new DataView(frame.buffer);
    view.setUint32(0, compressed.length);
    const { crc32 } = await import('./crc32');
    view.setUint32(4, crc32(bytes));
    frame.set(compressed, 8);
    expect(failure(await decodeShareToken(`v1.${toBase64Url(frame)}`)).kind).toBe('not-json');
  });

  it('puts the token in the fragment and reads it back', async () => {
    const token = await encodeShareState(sample);
    const url = shareUrl('http://localhost:3000', token);
    expect(url).toBe(`http://localhost:3000/#share=${token}`);
    expect(shareTokenFromHash(new URL(url).hash)).toBe(token);
    expect(shareTokenFromHash(`#share=${encodeURIComponent(token)}`)).toBe(token);
    expect(shareTokenFromHash('#other')).toBeNull();
    expect(shareTokenFromHash('')).toBeNull();
  });
});
