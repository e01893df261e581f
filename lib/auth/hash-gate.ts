/**
 * The one gate every argon2 computation of this process passes. argon2 runs on
 * libuv's thread pool (4 threads by default), which file reads share; with at
 * most a few hashes at once, a sign-in flood leaves threads for serving files.
 */
import { availableParallelism } from 'node:os';
import { Semaphore } from './semaphore';

/** The gate's queue is full: the caller answers "busy, try again" rather than wait. */
export class HashBusyError extends Error {
  override readonly name = 'HashBusyError';

  constructor() {
    super('the server is busy checking other sign-ins');
  }
}

/** Hashes waiting beyond the running ones before new attempts are refused. */
const MAX_WAITING = 32;

const KEY = Symbol.for('clusterscope.auth.hashGate');
type GlobalWithGate = typeof globalThis & { [KEY]?: Semaphore };

/** Half the cores, at least one: the other half keeps serving files and pages during a sign-in flood. */
function defaultSlots(): number {
  return Math.max(1, Math.floor(availableParallelism() / 2));
}

function slotsFromEnv(): number {
  const raw = process.env.CLUSTERSCOPE_SIGNIN_CONCURRENT_HASHES;
  const value = raw === undefined || raw.trim() === '' ? defaultSlots() : Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.warn(`CLUSTERSCOPE_SIGNIN_CONCURRENT_HASHES=${raw ?? ''} is not a positive integer; using ${defaultSlots()}`);
    return defaultSlots();
  }
  return value;
}

/** Runs one hash computation through the process-wide gate; throws {@link HashBusyError} when too many wait. */
export async function throughHashGate<T>(task: () => Promise<T>): Promise<T> {
  const holder = globalThis as GlobalWithGate;
  holder[KEY] ??= new Semaphore(slotsFromEnv(), MAX_WAITING);
  const result = await holder[KEY].run(task);
  if (result === null) throw new HashBusyError();
  return result.value;
}
