/**
 * "Remember on this device": the loaded key as a non-extractable CryptoKey in
 * IndexedDB (structured clone keeps it non-extractable), stored with what it is
 * bound to (`remembered-key.ts`: user, role, session, profile, time). Never the
 * PEM, never localStorage.
 */
import type { RememberedKeyRecord } from './remembered-key';

const DB_NAME = 'clusterscope-fle';
const STORE = 'keys';
const RECORD = 'private-key';

/** A stored key and its record, as read back; the record is checked by `recallVerdict`. */
export interface StoredKey {
  key: CryptoKey;
  /** The binding fields as stored, unchecked (an older build stored none). */
  record: unknown;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is unavailable'));
  });
}

/**
 * Runs one request in its own transaction and resolves with its result once
 * the transaction has committed (`complete`), not when the request succeeded:
 * a write is only durable, and visible to other tabs, after the commit.
 */
async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error('IndexedDB request failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/** Stores the key with its binding; refuses an extractable one, whose bytes could be read back. */
export async function rememberKey(key: CryptoKey, record: RememberedKeyRecord): Promise<void> {
  if (key.extractable) throw new Error('only a non-extractable key may be remembered');
  await run('readwrite', (store) => store.put({ ...record, key }, RECORD));
}

/** The stored key and its (unchecked) record, or null when there is none usable as a key. */
export async function recallKey(): Promise<StoredKey | null> {
  const value = (await run('readonly', (store) => store.get(RECORD))) as unknown;
  if (typeof value !== 'object' || value === null) return null;
  const { key, ...record } = value as { key?: unknown };
  if (!(key instanceof CryptoKey) || key.extractable) return null;
  return { key, record };
}

/** Removes the remembered key. */
export async function forgetRememberedKey(): Promise<void> {
  await run('readwrite', (store) => store.delete(RECORD));
}
