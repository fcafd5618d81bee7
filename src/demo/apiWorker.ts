/// <reference lib="webworker" />
import type { ApiHandler } from '../../server/core/api';
import { openDemoBackend } from './backend';
import type { FromApiWorker, ToApiWorker } from './apiMessages';

/**
 * The training desk's server: a dedicated worker of the page, running the API core over the browser
 * store (./backend.ts). Off the page's thread, the demo branch's seeding (a second or so on a first
 * visit) does not hold up the login page, and a long list or report does not freeze the screen.
 * The page's MSW handler (./worker.ts) posts each request here and waits for its answer.
 */
declare const self: DedicatedWorkerGlobalScope;

const send = (m: FromApiWorker) => self.postMessage(m);

const backend: Promise<ApiHandler> = openDemoBackend({ onResetElsewhere: () => send({ type: 'resetElsewhere' }) });
backend.then(
  () => send({ type: 'ready' }),
  (e: unknown) => send({ type: 'failed', message: e instanceof Error ? e.message : String(e) }),
);

self.onmessage = async (e: MessageEvent<ToApiWorker>) => {
  const { id, request } = e.data;
  try {
    const api = await backend;
    const response = await api({ ...request, query: new URLSearchParams(request.query) });
    send({ type: 'response', id, response });
  } catch (err) {
    send({ type: 'response', id, error: err instanceof Error ? err.message : String(err) });
  }
};
