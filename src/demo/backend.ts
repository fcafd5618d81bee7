import { hashPassword } from '../../server/auth/password';
import { createApi, type ApiHandler } from '../../server/core/api';
import { seedDemoBranch } from '../../server/seed';
import { DEMO_SCRYPT_N, DEMO_SEED } from './config';
import { installBuffer } from './node/buffer';
import { BrowserStore } from './store/browserStore';

/**
 * The demo users' hashes (config.ts: a cheaper N, demo only). The seed gives its 23 users one
 * password: it is hashed once and the hash shared (~200 ms less before the desk is ready).
 */
function demoHash() {
  const hashes = new Map<string, Promise<string>>();
  return (pw: string) => {
    let h = hashes.get(pw);
    if (!h) hashes.set(pw, (h = hashPassword(pw, DEMO_SCRYPT_N)));
    return h;
  };
}

/**
 * The server, in the page: the API core (server/core/api.ts, unchanged — the same rules, refusals
 * and audit) over the browser store, seeded with the demo branch on a first visit. It runs in the
 * desk's API worker (./apiWorker.ts). Node's crypto is given by src/demo/node.
 */
export async function openDemoBackend(opts: { onResetElsewhere(): void }): Promise<ApiHandler> {
  installBuffer();
  const store = await BrowserStore.open({
    seed: (s) => seedDemoBranch(s, { ...DEMO_SEED, now: new Date(), hashPassword: demoHash() }),
    onResetElsewhere: opts.onResetElsewhere,
  });
  const api = createApi({
    store,
    secret: store.secret as unknown as Buffer,
    log: (msg, err) => console.error(msg, err),
  });
  return async (req) => {
    await store.fresh();
    return api(req);
  };
}
