import { describe, expect, it } from 'vitest';
import { formatCell } from '../engine/cell-format';
import { displayText } from './display-text';

describe('displayText', () => {
  it('agrees with formatCell on timestamps and dates across centuries, signs and fractions', () => {
    const samples: bigint[] = [0n, 1n, -1n, 999_999n, -86_400_000_000n, 951_782_400_000_000n, 1_795_823_999_123_456n, -62_135_596_800_000_000n];
    let seed = 12345;
    for (let i = 0; i < 20_000; i += 1) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const micros = BigInt(Math.floor((seed / 2 ** 31 - 0.5) * 2 * 8.9e15));
      samples.push(micros, micros - (micros % 1_000_000n), micros / 86_400_000_000n);
    }
    samples.push(BigInt(Number.MAX_SAFE_INTEGER) + 5n, -(2n ** 62n));
    for (const value of samples) {
      expect(displayText(value, 'timestamp'), String(value)).toBe(formatCell(value, 'timestamp'));
      expect(displayText(value / 86_400_000_000n, 'date')).toBe(formatCell(value / 86_400_000_000n, 'date'));
    }
  });

  it('shows other kinds as formatCell does', () => {
    expect(displayText(null, 'timestamp')).toBe('NULL');
    expect(displayText(2, 'float')).toBe('2.0');
    expect(displayText(9007199254740993n, 'bigint')).toBe('9007199254740993');
  });
});
