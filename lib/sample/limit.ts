/** Runs async work over items with at most `concurrency` tasks in flight. */
export async function mapLimit<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}

/**
 * Runs tasks one after another in the background, so the caller can prepare
 * the next task (generate, encrypt) while the current one (DuckDB COPY) runs.
 * The first failure stops the queue and is rethrown by push and drain.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private inFlight: Array<Promise<void>> = [];
  private failure: { error: unknown } | null = null;

  /** Queues a task; throws at once if an earlier task failed. */
  push(task: () => Promise<void>): void {
    if (this.failure) throw this.failure.error;
    const next = this.tail.then(task);
    // Record the failure now; the rejection itself is rethrown by drain.
    next.catch((error: unknown) => {
      this.failure ??= { error };
    });
    this.tail = next;
    this.inFlight.push(next);
    void next
      .finally(() => {
        this.inFlight = this.inFlight.filter((p) => p !== next);
      })
      .catch(() => undefined);
  }

  /** Waits until fewer than `limit` tasks are queued, bounding memory held by waiting tasks. */
  async waitBelow(limit: number): Promise<void> {
    while (this.inFlight.length >= limit) {
      await Promise.race(this.inFlight).catch(() => undefined);
      if (this.failure) throw this.failure.error;
    }
  }

  /** Waits for every queued task; rethrows the first failure. */
  async drain(): Promise<void> {
    await this.tail;
  }
}
