/**
 * The training desk's data in the browser's IndexedDB: one database, one object store, one entry
 * per table (its rows), `_meta` (counters, password hashes, sessions) and `_info` (what this data
 * is: its format, when and for which day it was seeded, the token secret). A few MB for the demo
 * branch — more than localStorage may hold.
 */

export const DB_NAME = 'baoyi-training-desk';
const STORE = 'state';

export interface DemoInfo {
  /** DEMO_STATE_FORMAT of the build that wrote it (another → the data is seeded anew) */
  format: number;
  /** a random id per seeding: a tab holding another one's data was reset elsewhere */
  epoch: string;
  /** counts the writes, so a tab sees when another tab has written */
  generation: number;
  seededAt: string;
  /** the bearer tokens' HMAC secret (base64url) */
  secret: string;
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

export async function openDb(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

export async function readInfo(db: IDBDatabase): Promise<DemoInfo | undefined> {
  return request(db.transaction(STORE, 'readonly').objectStore(STORE).get('_info')) as Promise<DemoInfo | undefined>;
}

/** Every entry, by key (one read transaction, so the tables are of one generation). */
export async function readAll(db: IDBDatabase): Promise<Map<string, unknown>> {
  const store = db.transaction(STORE, 'readonly').objectStore(STORE);
  const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
  return new Map(keys.map((k, i) => [String(k), values[i]]));
}

/** Writes the entries in one transaction: all of them or none (`clear` first: a whole new state). */
export async function write(
  db: IDBDatabase,
  entries: Iterable<[string, unknown]>,
  opts: { clear?: boolean } = {},
): Promise<void> {
  const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
  const store = tx.objectStore(STORE);
  if (opts.clear) store.clear();
  for (const [key, value] of entries) store.put(value, key);
  await done(tx);
}

/** Empties the database (the reset). */
export async function clearAll(db: IDBDatabase): Promise<void> {
  await write(db, [], { clear: true });
}
