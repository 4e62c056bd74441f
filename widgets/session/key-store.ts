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

/**
 * Stores opened ahead by `prefetchKeyStore`, each with its session already being read: the next
 * `openKeyStore` for that API takes it (once).
 */
const prefetched = new Map<string, Promise<KeyStore>>();

/** The store for the API at `apiBase`: IndexedDB if this browser lets the page use it, else memory. */
export function openKeyStore(apiBase: string): Promise<KeyStore> {
  const ahead = prefetched.get(apiBase);
  prefetched.delete(apiBase);
  return ahead ?? open(apiBase);
}

/**
 * Opens the store for `apiBase` and reads its session now, before the portal that will use it
 * is defined (the first screen waits for the session); the portal's `openKeyStore` takes both.
 * Resolves with what the read found.
 */
export function prefetchKeyStore(apiBase: string): Promise<StoredSession | undefined> {
  const store = open(apiBase);
  const read = store.then((opened) => opened.load());
  prefetched.set(
    apiBase,
    store.then((opened) => opened.firstLoad(read)),
  );
  return read;
}

interface OpenedStore extends KeyStore {
  /** The store, whose first `load()` answers with `read` unless it was written to since. */
  firstLoad(read: Promise<StoredSession | undefined>): KeyStore;
}

async function open(apiBase: string): Promise<OpenedStore> {
  let db: IDBDatabase | undefined;
  try {
    const opening = indexedDB.open('gp-portal', 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
    db = await request(opening);
  } catch {
    // No IndexedDB for this page: memory only.
  }
  const objects = (mode?: IDBTransactionMode) => db!.transaction(STORE, mode).objectStore(STORE);
  /** A read made ahead, answered by the next load (dropped by any write). */
  let ahead: Promise<StoredSession | undefined> | undefined;
  const store: OpenedStore = {
    persistent: !!db,
    load: async () => {
      const read = ahead;
      ahead = undefined;
      if (read) return read;
      return store.persistent ? ((await request(objects().get(apiBase))) as StoredSession | undefined) : memory.get(apiBase);
    },
    async save(session) {
      ahead = undefined;
      memory.set(apiBase, session);
      if (!store.persistent) return;
      // A browser that opens IndexedDB but will not keep a CryptoKey in it: memory, for this page only.
      await request(objects('readwrite').put(session, apiBase)).catch(() => (store.persistent = false));
    },
    async clear() {
      ahead = undefined;
      memory.delete(apiBase);
      if (db) await request(objects('readwrite').delete(apiBase)).catch(() => undefined);
    },
    firstLoad(read) {
      ahead = read;
      return store;
    },
  };
  return store;
}
