/**
 * "Remember on this device": the loaded key as a non-extractable CryptoKey in
 * IndexedDB (structured clone keeps it non-extractable). Never the PEM, never
 * localStorage.
 */

const DB_NAME = 'clusterscope-fle';
const STORE = 'keys';
const RECORD = 'private-key';

/** What is remembered: the key handle and which public key it matched. */
export interface RememberedKey {
  key: CryptoKey;
  fingerprint: string;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is unavailable'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

/** Stores the key; refuses an extractable one, whose bytes could be read back. */
export async function rememberKey(value: RememberedKey): Promise<void> {
  if (value.key.extractable) throw new Error('only a non-extractable key may be remembered');
  await run('readwrite', (store) => store.put({ key: value.key, fingerprint: value.fingerprint }, RECORD));
}

/** The remembered key, or null. */
export async function recallKey(): Promise<RememberedKey | null> {
  const value = (await run('readonly', (store) => store.get(RECORD))) as Partial<RememberedKey> | undefined;
  if (!value || !(value.key instanceof CryptoKey) || typeof value.fingerprint !== 'string') return null;
  return { key: value.key, fingerprint: value.fingerprint };
}

/** Removes the remembered key. */
export async function forgetRememberedKey(): Promise<void> {
  await run('readwrite', (store) => store.delete(RECORD));
}
