import { describe, expect, it } from 'vitest';
import { chunkText, padChar, queryTxt, resolveDayTokens } from './text';

describe('text', () => {
  it('splits into 200-character chunks that join back exactly', () => {
    const text = 'x'.repeat(450) + ' tail ';
    const chunks = chunkText(text);
    expect(chunks.map((c) => c.length)).toEqual([200, 200, 56]);
    expect(chunks.join('')).toBe(text);
    expect(chunkText('')).toEqual(['']);
  });

  it('keeps the first 4000 characters for stl_query', () => {
    expect(queryTxt('a'.repeat(5000))).toHaveLength(4000);
    expect(queryTxt('select 1')).toBe('select 1');
  });

  it('pads and truncates like CHAR(n)', () => {
    expect(padChar('ab', 5)).toBe('ab   ');
    expect(padChar('abcdef', 3)).toBe('abc');
  });

  it('fills day placeholders', () => {
    expect(resolveDayTokens('s3://b/{{DAY_PATH}}/ {{DAY}} t_{{DAY_COMPACT}}', '2024-03-09')).toBe('s3://b/2024/03/09/ 2024-03-09 t_20240309');
  });
});
