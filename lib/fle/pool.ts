/**
 * A bounded pool of decrypt workers. Values go out in small batches, each
 * worker keeps two in flight (so it never waits for the page between
 * batches), results come back in order with progress, and an abort stops
 * handing out work. The pool never logs or stores values.
 */
import type { FleKeyringInput, FleValueResult } from './decrypt-value';
import { FLE_WORKER_URL, type FleWorkerRequest, type FleWorkerResponse } from './worker/protocol';

/** Values per message to a worker. */
export const BATCH_SIZE = 16;
const IN_FLIGHT_PER_WORKER = 2;
/** Most workers, whatever the machine reports: each holds a copy of the SDK. */
export const MAX_WORKERS = 4;

/** Options for one decryption run. */
export interface DecryptRunOptions {
  signal?: AbortSignal;
  /** Called after each batch with how many values are done. */
  onProgress?: (done: number, total: number) => void;
  /** Called with each batch's results as they arrive, so a cancelled run keeps what it finished. */
  onResults?: (start: number, results: readonly FleValueResult[]) => void;
}

/** A pool started with one key. */
export interface DecryptPool {
  readonly size: number;
  /** Decrypts every value, in order; rejects with an `AbortError` when aborted. */
  decrypt(values: readonly string[], options?: DecryptRunOptions): Promise<FleValueResult[]>;
  /** Stops the workers; the pool cannot be used afterwards. */
  terminate(): void;
}

/** How many workers to start: the cores the browser reports, at most {@link MAX_WORKERS}. */
export function defaultPoolSize(): number {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(MAX_WORKERS, cores));
}

interface Slot {
  worker: Worker;
  busy: number;
}

interface Pending {
  resolve: (results: FleValueResult[]) => void;
  reject: (error: Error) => void;
}

function abortError(): Error {
  return new DOMException('Decryption was cancelled.', 'AbortError');
}

function startWorker(url: string, input: FleKeyringInput): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { name: 'fle-decrypt' });
    worker.onmessage = (event: MessageEvent<FleWorkerResponse>) => {
      if (event.data.type === 'ready') resolve(worker);
    };
    worker.onerror = () => {
      worker.terminate();
      reject(new Error('The decrypt worker could not start.'));
    };
    const init: FleWorkerRequest = { type: 'init', ...input };
    // A non-extractable CryptoKey is structured-cloneable: the worker gets a usable handle, never the bytes.
    worker.postMessage(init);
  });
}

/** Starts `size` workers holding the key. */
export async function createDecryptPool(input: FleKeyringInput, size: number = defaultPoolSize(), url: string = FLE_WORKER_URL): Promise<DecryptPool> {
  const workers = await Promise.all(Array.from({ length: size }, () => startWorker(url, input)));
  const slots: Slot[] = workers.map((worker) => ({ worker, busy: 0 }));
  const pending = new Map<number, Pending>();
  let nextId = 1;

  for (const slot of slots) {
    slot.worker.onmessage = (event: MessageEvent<FleWorkerResponse>) => {
      const message = event.data;
      if (message.type === 'ready') return;
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      slot.busy -= 1;
      if (!waiter) return;
      if (message.type === 'results') waiter.resolve(message.results);
      else waiter.reject(new Error(message.message));
    };
  }

  const send = (slot: Slot, values: string[]): Promise<FleValueResult[]> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      slot.busy += 1;
      const request: FleWorkerRequest = { type: 'decrypt', id, values };
      slot.worker.postMessage(request);
    });

  return {
    size,
    async decrypt(values, options = {}) {
      const { signal, onProgress, onResults } = options;
      if (signal?.aborted) throw abortError();
      const out: FleValueResult[] = new Array<FleValueResult>(values.length);
      let nextStart = 0;
      let done = 0;
      let failure: Error | null = null;

      // Each lane is one in-flight slot of one worker, pulling batches until none are left.
      const lane = async (slot: Slot): Promise<void> => {
        while (nextStart < values.length && !failure) {
          if (signal?.aborted) return;
          const start = nextStart;
          nextStart += BATCH_SIZE;
          const batch = values.slice(start, start + BATCH_SIZE);
          try {
            const results = await send(slot, batch);
            results.forEach((result, offset) => (out[start + offset] = result));
            done += batch.length;
            if (!signal?.aborted) {
              onResults?.(start, results);
              onProgress?.(done, values.length);
            }
          } catch (error) {
            failure = error instanceof Error ? error : new Error(String(error));
          }
        }
      };
      await Promise.all(slots.flatMap((slot) => Array.from({ length: IN_FLIGHT_PER_WORKER }, () => lane(slot))));
      if (signal?.aborted) throw abortError();
      if (failure) throw failure;
      return out;
    },
    terminate() {
      for (const slot of slots) slot.worker.terminate();
      for (const waiter of pending.values()) waiter.reject(abortError());
      pending.clear();
    },
  };
}
