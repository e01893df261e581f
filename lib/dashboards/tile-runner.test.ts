import { describe, expect, it } from 'vitest';
import { TileRunner } from './tile-runner';

/** An engine whose queries finish when the test says so. */
function controlledEngine(): { execute: (sql: string) => Promise<string>; finish: (sql: string, fail?: boolean) => void; started: string[] } {
  const started: string[] = [];
  const pending = new Map<string, { resolve: (value: string) => void; reject: (error: Error) => void }>();
  return {
    started,
    execute: (sql) =>
      new Promise<string>((resolve, reject) => {
        started.push(sql);
        pending.set(sql, { resolve, reject });
      }),
    finish: (sql, fail = false) => {
      const entry = pending.get(sql);
      if (!entry) throw new Error(`${sql} is not running`);
      if (fail) entry.reject(new Error(`${sql} failed`));
      else entry.resolve(`result of ${sql}`);
    },
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('TileRunner', () => {
  it('runs at most `concurrency` queries at once and starts the next as one finishes', async () => {
    const engine = controlledEngine();
    const runner = new TileRunner(engine.execute, { concurrency: 2 });
    const settled = Promise.allSettled(['a', 'b', 'c', 'd'].map((sql) => runner.run(sql, 'v1')));
    await tick();
    expect(engine.started).toEqual(['a', 'b']);
    engine.finish('b');
    await tick();
    expect(engine.started).toEqual(['a', 'b', 'c']);
    expect(runner.running).toBe(2);
    engine.finish('a', true);
    await tick();
    engine.finish('c');
    await tick();
    engine.finish('d');
    expect((await settled).map((outcome) => outcome.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  });

  it('caches by SQL and catalog version, shares a run in flight, and never caches a failure', async () => {
    const engine = controlledEngine();
    let now = 0;
    const runner = new TileRunner(engine.execute, { now: () => new Date(now++) });
    const first = runner.run('x', 'v1');
    const same = runner.run('x', 'v1');
    await tick();
    engine.finish('x');
    expect(await first).toEqual({ value: 'result of x', asOf: new Date(0), cached: false });
    expect((await same).value).toBe('result of x');
    expect(await runner.run('x', 'v1')).toEqual({ value: 'result of x', asOf: new Date(0), cached: true });
    expect(engine.started).toEqual(['x']);

    // New data: the same SQL runs again.
    const fresh = runner.run('x', 'v2');
    await tick();
    expect(engine.started).toEqual(['x', 'x']);
    engine.finish('x', true);
    await expect(fresh).rejects.toThrow('x failed');
    const retry = runner.run('x', 'v2');
    await tick();
    expect(engine.started).toHaveLength(3);
    engine.finish('x');
    expect((await retry).cached).toBe(false);
  });

  it('does not start a queued run whose signal aborted', async () => {
    const engine = controlledEngine();
    const runner = new TileRunner(engine.execute, { concurrency: 1 });
    const first = runner.run('a', 'v');
    const controller = new AbortController();
    const second = runner.run('b', 'v', controller.signal);
    controller.abort();
    // The caller is let go at once, before the queue moves.
    await expect(second).rejects.toThrow('cancelled');
    await tick();
    engine.finish('a');
    await first;
    expect(engine.started).toEqual(['a']);
  });

  it('keeps a shared run going while one caller still waits, and cancels it when the last one leaves', async () => {
    const signals: AbortSignal[] = [];
    const engine = controlledEngine();
    const runner = new TileRunner((sql: string, signal?: AbortSignal) => {
      if (signal) signals.push(signal);
      return engine.execute(sql);
    });
    const first = new AbortController();
    const left = runner.run('x', 'v', first.signal);
    const stays = runner.run('x', 'v', new AbortController().signal);
    await tick();
    first.abort();
    await expect(left).rejects.toThrow('cancelled');
    expect(signals[0]?.aborted).toBe(false);
    engine.finish('x');
    expect((await stays).value).toBe('result of x');

    const a = new AbortController();
    const b = new AbortController();
    const runA = runner.run('y', 'v', a.signal);
    const runB = runner.run('y', 'v', b.signal);
    await tick();
    a.abort();
    b.abort();
    await expect(runA).rejects.toThrow('cancelled');
    await expect(runB).rejects.toThrow('cancelled');
    expect(signals[1]?.aborted).toBe(true);
    // A later caller starts afresh rather than joining the cancelled run.
    const again = runner.run('y', 'v');
    await tick();
    expect(engine.started).toEqual(['x', 'y', 'y']);
    engine.finish('y');
    expect((await again).cached).toBe(false);
  });

  it('evicts the least recently used result beyond maxEntries', async () => {
    const runner = new TileRunner(async (sql) => sql, { maxEntries: 2 });
    await runner.run('a', 'v');
    await runner.run('b', 'v');
    await runner.run('a', 'v');
    await runner.run('c', 'v');
    expect((await runner.run('a', 'v')).cached).toBe(true);
    expect((await runner.run('b', 'v')).cached).toBe(false);
  });
});
