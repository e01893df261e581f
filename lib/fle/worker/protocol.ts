/** Messages between the page and a decrypt worker. Plaintext only ever travels worker → page. */
import type { FleValueResult } from '../decrypt-value';

/** Page → worker. */
export type FleWorkerRequest =
  { type: 'init'; keyNamespace: string; keyName: string; privateKey: CryptoKey } | { type: 'decrypt'; id: number; values: string[] };

/** Worker → page. */
export type FleWorkerResponse =
  { type: 'ready' } | { type: 'results'; id: number; results: FleValueResult[] } | { type: 'failed'; id: number; message: string };

/** Where the bundled worker is served from (built by scripts/build/fle-worker.ts). */
export const FLE_WORKER_URL = '/fle/fle-worker.js';
