/**
 * Browser-local persistence for tabs and history: IndexedDB when it works,
 * memory when it does not (private windows, a full quota), with one warning
 * so the user knows what will not survive a reload. Never loses the session.
 */

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** A store that lives as long as the page. */
export function memoryStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
  };
}

const STORE = 'kv';

function request<T>(run: () => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = run();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens (creating if needed) a one-table IndexedDB database. */
export async function openIndexedDbStore(name: string): Promise<KeyValueStore> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available in this browser');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB could not be opened'));
    open.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
  return {
    get: (key) => request(() => db.transaction(STORE, 'readonly').objectStore(STORE).get(key)),
    set: async (key, value) => {
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(STORE, 'readwrite');
        transaction.objectStore(STORE).put(value, key);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
        transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
      });
    },
  };
}

function describeFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return 'the browser storage quota is full';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Wraps a primary store: the first failure switches to memory for the rest
 * of the session (keeping what was written there so far) and reports one
 * warning. A null primary (IndexedDB could not open) starts in memory.
 */
export function resilientStore(primary: KeyValueStore | null, onWarning: (message: string) => void): KeyValueStore {
  const memory = memoryStore();
  let usable = primary;
  const degrade = (error: unknown): void => {
    if (!usable) return;
    usable = null;
    onWarning(`Tabs and history are kept in memory only: ${describeFailure(error)}. They will not survive a reload.`);
  };
  return {
    async get(key) {
      const inMemory = await memory.get(key);
      if (inMemory !== undefined || !usable) return inMemory;
      try {
        return await usable.get(key);
      } catch (error) {
        degrade(error);
        return undefined;
      }
    },
    async set(key, value) {
      await memory.set(key, value);
      if (!usable) return;
      try {
        await usable.set(key, value);
      } catch (error) {
        degrade(error);
      }
    },
  };
}
