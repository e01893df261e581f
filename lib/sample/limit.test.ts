import { describe, expect, it } from 'vitest';
import { SerialQueue, mapLimit } from './limit';

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('mapLimit', () => {
  it('keeps order and never exceeds the limit', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await tick(n);
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});

describe('SerialQueue', () => {
  it('runs tasks one at a time in order', async () => {
    const q = new SerialQueue();
    const log: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      await q.waitBelow(2);
      q.push(async () => {
        log.push(`${name}+`);
        await tick(2);
        log.push(`${name}-`);
      });
    }
    await q.drain();
    expect(log).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
  });

  it('stops at the first failure and rethrows it', async () => {
    const q = new SerialQueue();
    let ranAfter = false;
    q.push(async () => {
      throw new Error('disk full');
    });
    q.push(async () => {
      ranAfter = true;
    });
    await expect(q.drain()).rejects.toThrow('disk full');
    expect(ranAfter).toBe(false);
    expect(() => q.push(async () => undefined)).toThrow('disk full');
  });
});
