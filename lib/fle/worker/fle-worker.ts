/**
 * The decrypt worker: holds a keyring around the posted (structured-cloned,
 * still non-extractable) private key and decrypts batches of values. It never
 * logs values or plaintext. Bundled by scripts/build/fle-worker.ts.
 */
import { createValueDecrypter, type FleValueDecrypter } from '../decrypt-value';
import type { FleWorkerRequest, FleWorkerResponse } from './protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<FleWorkerRequest>) => void) | null;
  postMessage(message: FleWorkerResponse): void;
}

const scope = self as unknown as WorkerScope;
let decryptValue: FleValueDecrypter | null = null;

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'init') {
    decryptValue = createValueDecrypter(request);
    scope.postMessage({ type: 'ready' });
    return;
  }
  const run = decryptValue;
  if (!run) {
    scope.postMessage({ type: 'failed', id: request.id, message: 'the worker has no key' });
    return;
  }
  // All values of a batch in flight at once: WebCrypto runs the RSA unwraps off this thread.
  void Promise.all(request.values.map((value) => run(value))).then(
    (results) => scope.postMessage({ type: 'results', id: request.id, results }),
    () => scope.postMessage({ type: 'failed', id: request.id, message: 'decryption failed' }),
  );
};
