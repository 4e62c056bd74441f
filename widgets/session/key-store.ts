/**
 * Where the page keeps its session: the non-extractable key pair the session is bound to, and the
 * handle, one record per API. In the partner origin's IndexedDB (first-party storage in every
 * engine, so it survives a reload and a redirect log-in); where IndexedDB is unavailable or
 * refuses keys (some private modes), in this page's memory: the session then ends with the page,
 * and `persistent` is false so the portal can say so. The private key can sign but never be
 * read out (`extractable: false`), so a script can use the session while the page is open but
 * cannot carry it away.
 */
export interface StoredSession {
  keys: CryptoKeyPair;
  handle?: string;
}

export interface KeyStore {
  persistent: boolean;
  load(): Promise<StoredSession | undefined>;
  save(session: StoredSession): Promise<void>;
  clear(): Promise<void>;
}

const STORE = 'sessions';
const memory = new Map<string, StoredSession>();

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/** The store for the API at `apiBase`: IndexedDB if this browser lets the page use it, else memory. */
export async function openKeyStore(apiBase: string): Promise<KeyStore> {
  let db: IDBDatabase | undefined;
  try {
    const open = indexedDB.open('gp-portal', 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    db = await request(open);
  } catch {
    // No IndexedDB for this page: memory only.
  }
  const objects = (mode?: IDBTransactionMode) => db!.transaction(STORE, mode).objectStore(STORE);
  const store: KeyStore = {
    persistent: !!db,
    load: async () => (store.persistent ? ((await request(objects().get(apiBase))) as StoredSession | undefined) : memory.get(apiBase)),
    async save(session) {
      memory.set(apiBase, session);
      if (!store.persistent) return;
      // A browser that opens IndexedDB but will not keep a CryptoKey in it: memory, for this page only.
      await request(objects('readwrite').put(session, apiBase)).catch(() => (store.persistent = false));
    },
    async clear() {
      memory.delete(apiBase);
      if (db) await request(objects('readwrite').delete(apiBase)).catch(() => undefined);
    },
  };
  return store;
}
