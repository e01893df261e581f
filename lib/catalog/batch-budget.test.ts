import { describe, expect, it } from 'vitest';
import { BatchBudget } from './batch-budget';

const MiB = 1024 * 1024;

describe('BatchBudget', () => {
  it('refuses a user beyond their batches or bytes, and gives room back on release', () => {
    const budget = new BatchBudget({ serverBatches: 10, serverBytes: 100 * MiB, userBatches: 2, userBytes: 10 * MiB });
    const first = budget.take('ann', 4 * MiB);
    const second = budget.take('ann', 4 * MiB);
    expect('release' in first && 'release' in second).toBe(true);
    expect(budget.take('ann', 1)).toEqual({ refused: expect.stringContaining('too many range batches in flight') });
    expect('release' in budget.take('bob', 8 * MiB)).toBe(true);
    if ('release' in first) {
      first.release();
      first.release();
    }
    expect(budget.take('ann', 7 * MiB)).toEqual({ refused: expect.stringContaining('at most 2, 10 MiB') });
    expect('release' in budget.take('ann', 6 * MiB)).toBe(true);
  });

  it('refuses everyone once the server is full', () => {
    const budget = new BatchBudget({ serverBatches: 2, serverBytes: 100 * MiB, userBatches: 5, userBytes: 100 * MiB });
    budget.take('ann', 1);
    budget.take('bob', 1);
    expect(budget.take('cid', 1)).toEqual({ refused: expect.stringContaining('the server is busy') });
    expect(budget.inFlight()).toEqual({ batches: 2, bytes: 2 });
  });
});
