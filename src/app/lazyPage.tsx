import { useEffect, useState, type ComponentType, type ReactElement } from 'react';
import { Loading } from 'react-admin';
import type { Chunk } from './chunk';

/**
 * Screens in chunks of their own, shown without React.lazy. React.lazy suspends on a screen's
 * first render even when its chunk is already here (it learns that from a promise), and React then
 * holds the screen back until 300 ms after the loader it showed instead (its Suspense fallback
 * throttle). On a cold start that cost ~180 ms before the orders list even asked for its rows,
 * although main.tsx prefetches the first screen's chunk while the layout renders (prefetch.ts).
 * A lazyPage renders the screen at once when its chunk has arrived; otherwise a loader, replaced by
 * the screen when the chunk arrives — state, not Suspense, so nothing throttles it.
 */
type Loaded<P> = { Page: ComponentType<P> } | { failed: unknown } | null;

/** `pick`: the screen in the chunk's module; `Fallback`: shown until the chunk arrives (react-admin's loader) */
export function lazyPage<M, P extends object>(
  from: Chunk<M>,
  pick: (m: M) => ComponentType<P>,
  Fallback: ComponentType = Loading,
): (props: P) => ReactElement {
  return function LazyPage(props: P) {
    const [page, setPage] = useState<Loaded<P>>(() => {
      const m = from.loaded();
      return m ? { Page: pick(m) } : null;
    });
    useEffect(() => {
      if (page) return;
      let live = true;
      from.load().then(
        (m) => live && setPage({ Page: pick(m) }),
        (e: unknown) => live && setPage({ failed: e }),
      );
      return () => {
        live = false;
      };
    }, [page]);
    if (!page) return <Fallback />;
    if ('failed' in page) throw page.failed; // to the error page, as a failed React.lazy would
    return <page.Page {...props} />;
  };
}
