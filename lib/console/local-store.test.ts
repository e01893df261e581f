import { describe, expect, it } from 'vitest';
import { memoryStore, resilientStore, type KeyValueStore } from './local-store';

function failingOnWrite(): KeyValueStore & { writes: number } {
  const store = {
    writes: 0,
    get: async (): Promise<unknown> => 'from disk',
    set: async (): Promise<void> => {
      store.writes += 1;
      throw new DOMException('quota', 'QuotaExceededError');
    },
  };
  return store;
}

describe('resilientStore', () => {
  it('keeps working in memory after a quota error and warns once', async () => {
    const warnings: string[] = [];
    const primary = failingOnWrite();
    const store = resilientStore(primary, (message) => warnings.push(message));
    await store.set('history', [1]);
    await store.set('history', [1, 2]);
    expect(await store.get('history')).toEqual([1, 2]);
    expect(primary.writes).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('quota is full');
  });

  it('reads through to the primary while it works', async () => {
    const store = resilientStore(failingOnWrite(), () => undefined);
    expect(await store.get('tabs')).toBe('from disk');
  });

  it('starts in memory without a primary', async () => {
    const warnings: string[] = [];
    const store = resilientStore(null, (message) => warnings.push(message));
    await store.set('k', 'v');
    expect(await store.get('k')).toBe('v');
    expect(warnings).toEqual([]);
    expect(await memoryStore().get('missing')).toBeUndefined();
  });
});
