/**
 * Runs dashboard tiles' queries through one engine with bounded concurrency, and
 * caches each result under its catalog version and bound SQL. The bound SQL holds
 * the parameter values as literals, so the key is "SQL + parameters + data
 * version": a result is reused until the filters or the data change.
 */

/** A result and when it was computed ("as of" on the tile). */
export interface TileRun<R> {
  value: R;
  asOf: Date;
  /** True when the result came from the cache rather than the engine. */
  cached: boolean;
}

/** What the engine may assume about a tile's SQL; it does not change the result, so it is not part of the cache key. */
export interface TileRunHints {
  /** Every table reference carries the dashboard's constant partition filter (a shipped tile). */
  trustedPartitionFilters?: boolean;
}

export interface TileRunnerOptions {
  /** Queries in flight at once (the engine queues the rest itself, but this keeps the queue fair). */
  concurrency?: number;
  /** Results kept; the least recently used one goes first. */
  maxEntries?: number;
  now?: () => Date;
}

/** The error a queued run rejects with when its signal aborts before it starts. */
export function abortError(): DOMException {
  return new DOMException('The tile run was cancelled.', 'AbortError');
}

/** A run in flight, shared by every caller that asked for the same key meanwhile. */
interface Flight<R> {
  promise: Promise<{ value: R; asOf: Date }>;
  controller: AbortController;
  /** Callers still waiting; the run is cancelled when this drops to 0. */
  callers: number;
}

/** `promise`, or an AbortError as soon as `signal` aborts (after calling `onAbort`). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, onAbort: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      onAbort();
      reject(abortError());
    };
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

/** A semaphore-bounded, caching runner; failures are never cached. */
export class TileRunner<R> {
  private readonly concurrency: number;
  private readonly maxEntries: number;
  private readonly now: () => Date;
  private readonly cache = new Map<string, { value: R; asOf: Date }>();
  private readonly inFlight = new Map<string, Flight<R>>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;

  constructor(
    private readonly execute: (sql: string, signal: AbortSignal | undefined, hints: TileRunHints) => Promise<R>,
    options: TileRunnerOptions = {},
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? 3);
    this.maxEntries = Math.max(1, options.maxEntries ?? 100);
    this.now = options.now ?? (() => new Date());
  }

  /** Queries running right now (for tests and progress). */
  get running(): number {
    return this.active;
  }

  /**
   * The result of `sql` on data version `catalogVersion`, from the cache or the engine.
   * Callers asking for the same run share it; the engine query is cancelled only
   * when every caller has aborted, so a caller that gives up never fails another.
   */
  async run(sql: string, catalogVersion: string, signal?: AbortSignal, hints: TileRunHints = {}): Promise<TileRun<R>> {
    const key = `${catalogVersion}\u0000${sql}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return { ...hit, cached: true };
    }
    if (signal?.aborted) throw abortError();
    const flight = this.join(key, sql, hints);
    let left = false;
    const leave = (): void => {
      if (left) return;
      left = true;
      flight.callers -= 1;
      if (flight.callers === 0) {
        flight.controller.abort();
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
      }
    };
    try {
      const done = await (signal ? untilAborted(flight.promise, signal, leave) : flight.promise);
      this.remember(key, done);
      return { ...done, cached: false };
    } finally {
      left = true;
    }
  }

  private join(key: string, sql: string, hints: TileRunHints): Flight<R> {
    const existing = this.inFlight.get(key);
    if (existing) {
      existing.callers += 1;
      return existing;
    }
    const controller = new AbortController();
    const flight: Flight<R> = { controller, callers: 1, promise: this.schedule(sql, controller.signal, hints) };
    this.inFlight.set(key, flight);
    void flight.promise.then(
      () => this.forget(key, flight),
      () => this.forget(key, flight),
    );
    return flight;
  }

  private forget(key: string, flight: Flight<R>): void {
    if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
  }

  /** Forgets every cached result. */
  clear(): void {
    this.cache.clear();
  }

  private remember(key: string, entry: { value: R; asOf: Date }): void {
    this.cache.set(key, entry);
    while (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }

  private async schedule(sql: string, signal: AbortSignal, hints: TileRunHints): Promise<{ value: R; asOf: Date }> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      if (signal?.aborted) throw abortError();
      const value = await this.execute(sql, signal, hints);
      return { value, asOf: this.now() };
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
