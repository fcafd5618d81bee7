/**
 * The document definitions, the access rules and the screens generated from them are not in the
 * first bundle: they are one chunk (src/app/domainChunk.ts), loaded once the user is logged in —
 * by the Admin's resources (App.tsx), and early by main.tsx when a session is already there. The
 * providers load only its definitions and access rules (./definitions.ts), never the screens that
 * use them.
 */
import { chunk } from './chunk';

export type Domain = typeof import('./domainChunk');

const DOMAIN = chunk(() => import('./domainChunk'));
let failure: unknown = null;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

/** the chunk, once (chunk.ts); a failure is kept for the loading page until the next try */
export function loadDomain(): Promise<Domain> {
  if (failure !== null) {
    failure = null;
    changed();
  }
  return DOMAIN.load().catch((e: unknown) => {
    failure = e ?? new Error('domain chunk');
    changed();
    throw e;
  });
}

/** The domain if it is loaded already (no waiting), else null. */
export const loadedDomain = (): Domain | null => DOMAIN.loaded();

/** Why the last download failed (null: it did not), for the loading page (useSyncExternalStore). */
export const domainFailure = () => failure;
export function onDomainFailure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
