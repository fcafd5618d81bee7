import { setupWorker } from 'msw/browser';
import type { ApiHandler } from '../../server/core/api';
import { localeOf, refusalResponse } from '../../server/core/types';
import { apiHandlers } from '../../mock-api/msw/handlers';
import { setDemoStatus } from './status';

/**
 * The SPA's /api, answered in the browser: MSW's service worker (mockServiceWorker.js, copied from
 * the installed msw by vite.demo.config.ts) hands each request to this page, where the API core
 * answers it (./backend.ts, loaded and seeded in the background while the login page shows; a
 * request that comes first waits for it). Anything else goes to the network as usual.
 */
let backend: Promise<ApiHandler> | null = null;

function openBackend(): Promise<ApiHandler> {
  if (!backend) {
    setDemoStatus('loading');
    backend = import('./backend').then((m) => m.openDemoBackend());
    backend.then(
      () => setDemoStatus('ready'),
      (e: unknown) => {
        console.error('The training desk could not open its data', e);
        setDemoStatus('failed');
        backend = null; // the next request tries again
      },
    );
  }
  return backend;
}

/** The core's answer; while the data cannot be opened (IndexedDB refused, say), a 503 as the server would give. */
const api: ApiHandler = async (req) => {
  let handle: ApiHandler;
  try {
    handle = await openBackend();
  } catch {
    return refusalResponse({ status: 503, message: { zh: '培训环境的数据无法打开，请刷新页面重试', en: 'The training desk could not open its data; reload the page to try again' } }, localeOf(req));
  }
  return handle(req);
};

/** Starts the worker (the SPA must not call /api before it is up) and, meanwhile, the backend's loading. */
export async function startDemoApi(): Promise<void> {
  void openBackend().catch(() => undefined);
  const worker = setupWorker(...apiHandlers(api));
  await worker.start({
    serviceWorker: { url: './mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
