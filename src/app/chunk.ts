/**
 * A chunk of the app loaded on demand: loaded once (every caller gets the same promise), known
 * without waiting once it has arrived, and loaded again by the next caller after a failure
 * (offline, or the server went away). The definitions (domain.ts) and the screens (lazyPage.tsx).
 */
export interface Chunk<M> {
  /** load the chunk (once; later calls get the same promise; after a failure, the next call tries again) */
  load(): Promise<M>;
  /** the chunk's module if it has arrived, else null */
  loaded(): M | null;
}

export function chunk<M>(importer: () => Promise<M>): Chunk<M> {
  let pending: Promise<M> | null = null;
  let mod: M | null = null;
  return {
    load() {
      pending ??= importer().then(
        (m) => (mod = m),
        (e: unknown) => {
          pending = null; // offline, or the server went away: the next use tries again
          throw e;
        },
      );
      return pending;
    },
    loaded: () => mod,
  };
}
