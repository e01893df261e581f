/**
 * How many range batches, and how many of their bytes, the server serves at once:
 * in total and per user. A batch's answer is built in memory, so without this a
 * few viewers asking for large batches in parallel could exhaust the server's
 * memory. A batch over budget is answered 429 with `Retry-After`; the engine then
 * waits and retries, or lets DuckDB read the ranges one by one.
 */

/** Limits; the defaults sit well above what one browser engine asks for (see lib/engine/worker/batches.ts). */
export interface BatchBudgetLimits {
  /** Batches in flight on the whole server. */
  serverBatches: number;
  /** Bytes asked for by the batches in flight on the whole server. */
  serverBytes: number;
  /** Batches in flight for one user. */
  userBatches: number;
  /** Bytes in flight for one user. */
  userBytes: number;
}

export const DEFAULT_BATCH_BUDGET: BatchBudgetLimits = {
  serverBatches: 32,
  serverBytes: 256 * 1024 * 1024,
  userBatches: 8,
  userBytes: 64 * 1024 * 1024,
};

interface Load {
  batches: number;
  bytes: number;
}

/** Seconds a refused client is asked to wait: batches take well under a second each. */
export const BUSY_RETRY_SECONDS = 1;

/** Counts the batches in flight; `take` reserves room for one or says why not. */
export class BatchBudget {
  private readonly server: Load = { batches: 0, bytes: 0 };
  private readonly users = new Map<string, Load>();

  constructor(private readonly limits: BatchBudgetLimits = DEFAULT_BATCH_BUDGET) {}

  /** Reserves room for a batch of `bytes` for `user`: a release function, or the reason it does not fit. */
  take(user: string, bytes: number): { release: () => void } | { refused: string } {
    const mine = this.users.get(user) ?? { batches: 0, bytes: 0 };
    if (mine.batches >= this.limits.userBatches || mine.bytes + bytes > this.limits.userBytes) {
      return {
        refused: `you have too many range batches in flight (at most ${this.limits.userBatches}, ${this.limits.userBytes / 1024 / 1024} MiB); try again in ${BUSY_RETRY_SECONDS} s`,
      };
    }
    if (this.server.batches >= this.limits.serverBatches || this.server.bytes + bytes > this.limits.serverBytes) {
      return { refused: `the server is busy serving other range batches; try again in ${BUSY_RETRY_SECONDS} s` };
    }
    mine.batches += 1;
    mine.bytes += bytes;
    this.users.set(user, mine);
    this.server.batches += 1;
    this.server.bytes += bytes;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        mine.batches -= 1;
        mine.bytes -= bytes;
        if (mine.batches === 0) this.users.delete(user);
        this.server.batches -= 1;
        this.server.bytes -= bytes;
      },
    };
  }

  /** Batches and bytes in flight on the server, for tests. */
  inFlight(): Load {
    return { ...this.server };
  }
}

const KEY = Symbol.for('clusterscope.catalog.batchBudget');
type GlobalWithBudget = typeof globalThis & { [KEY]?: BatchBudget };

/** The budget every batch of this process counts against. */
export function batchBudget(): BatchBudget {
  const holder = globalThis as GlobalWithBudget;
  holder[KEY] ??= new BatchBudget();
  return holder[KEY];
}
