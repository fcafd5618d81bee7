import { setupWorker } from 'msw/browser';
import type { ApiHandler } from '../../server/core/api';
import type { ApiResponse } from '../../server/core/types';
import { localeOf, refusalResponse } from '../../server/core/types';
import { apiHandlers } from '../../mock-api/msw/handlers';
import type { FromApiWorker, ToApiWorker } from './apiMessages';
import { setDemoStatus } from './status';

/**
 * The SPA's /api, answered in the browser: MSW's service worker (mockServiceWorker.js, copied from
 * the installed msw by vite.demo.config.ts) hands each request to this page, whose handler (the
 * component tests' adapter, mock-api/msw/handlers.ts) passes it to the desk's API worker
 * (./apiWorker.ts: the API core over the browser store, loaded and seeded while the login page
 * shows; a request that comes first waits for it). Anything else goes to the network as usual.
 */

const unavailable = (req: Parameters<ApiHandler>[0]): ApiResponse =>
  refusalResponse(
    {
      status: 503,
      message: {
        zh: '培训环境的数据无法打开，请刷新页面重试',
        en: 'The training desk could not open its data; reload the page to try again',
      },
    },
    localeOf(req),
  );

function startApiWorker(): ApiHandler {
  const pending = new Map<number, (m: Extract<FromApiWorker, { type: 'response' }>) => void>();
  let nextId = 1;
  let failed = false;
  setDemoStatus('loading');
  const worker = new Worker(new URL('./apiWorker.ts', import.meta.url), {
    type: 'module',
    name: 'baoyi-training-desk-api',
  });
  worker.onmessage = (e: MessageEvent<FromApiWorker>) => {
    const m = e.data;
    if (m.type === 'response') {
      pending.get(m.id)?.(m);
      pending.delete(m.id);
    } else if (m.type === 'ready') {
      performance.mark('demo:data-ready');
      setDemoStatus('ready');
    } else if (m.type === 'failed') {
      console.error('The training desk could not open its data:', m.message);
      failed = true;
      setDemoStatus('failed');
    } else if (m.type === 'resetElsewhere') {
      window.location.reload();
    }
  };
  worker.onerror = (e) => {
    console.error('The training desk API worker failed', e.message);
    failed = true;
    setDemoStatus('failed');
  };
  return (req) =>
    new Promise<ApiResponse>((resolve) => {
      if (failed) return resolve(unavailable(req));
      const id = nextId++;
      pending.set(id, (m) => {
        if (m.error) console.error(`${req.method} ${req.path}:`, m.error);
        resolve(m.response ?? unavailable(req));
      });
      const request: ToApiWorker['request'] = { ...req, query: req.query.toString() };
      worker.postMessage({ id, request } satisfies ToApiWorker);
    });
}

/** Starts the API worker and MSW's service worker; the SPA must not call /api before this resolves. */
export async function startDemoApi(): Promise<void> {
  const api = startApiWorker();
  const worker = setupWorker(...apiHandlers(api));
  await worker.start({
    serviceWorker: { url: './mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  performance.mark('demo:worker-started');
}
