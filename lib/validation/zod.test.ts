import { describe, expect, it } from 'vitest';
import { z } from './zod';

describe('zod through lib/validation', () => {
  it('is jitless, so no object schema probes eval', () => {
    expect(z.config().jitless).toBe(true);
  });

  it('still validates objects strictly', () => {
    const schema = z.strictObject({ a: z.number() });
    expect(schema.safeParse({ a: 1 }).success).toBe(true);
    expect(schema.safeParse({ a: 1, b: 2 }).success).toBe(false);
  });
});
