import { describe, expect, it } from 'vitest';
import { formatSharedAt, sharedByLine } from './format';

describe('shared-by line', () => {
  it('says who and when, as far as known', () => {
    expect(formatSharedAt('2026-11-28T15:04:59.123Z')).toBe('2026-11-28 15:04 UTC');
    expect(formatSharedAt('garbage')).toBe('garbage');
    expect(sharedByLine('ana', '2026-11-28T15:04:00Z')).toBe('Shared by ana on 2026-11-28 15:04 UTC');
    expect(sharedByLine(undefined, '2026-11-28T15:04:00Z')).toBe('Shared on 2026-11-28 15:04 UTC');
    expect(sharedByLine(undefined, undefined)).toBe('Shared');
  });
});
