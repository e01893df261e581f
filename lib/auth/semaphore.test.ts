import { describe, expect, it } from 'vitest';
import { Semaphore } from './semaphore';

describe('Semaphore', () => {
  it('runs at most `slots` tasks at once and refuses beyond the queue', async () => {
    const gate = new Semaphore(2, 1);
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const task = async (): Promise<number> => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running -= 1;
      return 7;
    };
    const first = gate.run(task);
    const second = gate.run(task);
    const third = gate.run(task);
    expect(await gate.run(task)).toBeNull();
    await Promise.resolve();
    expect(gate.load()).toEqual({ active: 2, waiting: 1 });
    releases.shift()?.();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    releases.shift()?.();
    releases.shift()?.();
    expect(await Promise.all([second, third])).toEqual([{ value: 7 }, { value: 7 }]);
    expect(peak).toBe(2);
    expect(gate.load()).toEqual({ active: 0, waiting: 0 });
  });
});
