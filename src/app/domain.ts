/**
 * The document definitions, the access rules and the screens generated from them are not in the
 * first bundle: they are one chunk (src/app/domainChunk.ts), loaded once the user is logged in —
 * by the Admin's resources (App.tsx), `authProvider.canAccess` and the dataProvider's writes,
 * whichever asks first, and early by main.tsx when a session is already there.
 */
export type Domain = typeof import('./domainChunk');

let pending: Promise<Domain> | null = null;
let loaded: Domain | null = null;
let failure: unknown = null;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

export function loadDomain(): Promise<Domain> {
  if (!pending) {
    if (failure !== null) {
      failure = null;
      changed();
    }
    pending = import('./domainChunk').then(
      (d) => (loaded = d),
      (e: unknown) => {
        // offline, or the server went away: the next caller tries again
        pending = null;
        failure = e ?? new Error('domain chunk');
        changed();
        throw e;
      },
    );
  }
  return pending;
}

/** The domain if it is loaded already (no waiting), else null. */
export const loadedDomain = (): Domain | null => loaded;

/** Why the last download failed (null: it did not), for the loading page (useSyncExternalStore). */
export const domainFailure = () => failure;
export function onDomainFailure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
