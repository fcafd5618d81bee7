import type { AddressInfo } from 'node:net';
import { loadIntakeKey, loadOrCreateSecret } from './auth/tokens';
import { hashPassword } from './auth/password';
import { sharedHashPool } from './auth/hashPool';
import { createApi } from './core/api';
import { createHttpApp } from './http';
import { startDailyJobs } from './jobs/customerJobs';
import { seedDemoBranch } from './seed';
import { heldRecords, damagedStoreMessage } from './store/heldRecords';
import { openStore, storeConfigFromEnv, storeLocation } from './store/open';

/**
 * Start: open the store (the embedded PostgreSQL in DATA_DIR by default, started here; DATABASE_URL
 * for a server; STORE=json for the json file), apply migrations, seed a demo branch into a store
 * with no records at all (one with records but no users is refused as damaged), serve the SPA and
 * the API on one port (PORT, default 3000). SIGINT / SIGTERM stop the server and the embedded
 * PostgreSQL.
 */
async function main() {
  const cfg = storeConfigFromEnv();
  const store = await openStore(cfg, (msg) => console.log(msg));
  if (await store.isEmpty()) {
    // the demo is seeded only into a store with no records at all — never into one whose users are lost
    const held = await heldRecords(store);
    if (Object.keys(held).length > 0) {
      await store.close();
      throw new Error(damagedStoreMessage(storeLocation(cfg), held));
    }
    if (process.env.SEED === 'none') console.log('Empty store; SEED=none, not seeding.');
    else {
      const t0 = Date.now();
      const num = (v: string | undefined) => (v ? Number(v) : undefined);
      const counts = await seedDemoBranch(store, {
        hashPassword,
        customers: num(process.env.SEED_CUSTOMERS),
        days: num(process.env.SEED_DAYS),
        perWorkingDay: num(process.env.SEED_PER_DAY),
        volume: process.env.SEED_VOLUME === 'branch' ? 'branch' : undefined,
      });
      await store.settle?.();
      console.log(`Seeded the demo branch in ${Date.now() - t0} ms:`, counts);
    }
  }
  // 5.6.2 re-tiering and 5.11.4 due credit reviews: at start, then daily
  const stopJobs = startDailyJobs(store, (msg, err) => (err ? console.error(msg, err) : console.log(msg)));
  const secret = loadOrCreateSecret(cfg.dataDir);
  const intakeKey = loadIntakeKey(cfg.dataDir);
  const api = createApi({
    store,
    secret,
    intakeKey,
    deriveKey: sharedHashPool().derive,
    log: (msg, err) => console.error(msg, err),
  });
  const app = createHttpApp(api, { staticDir: process.env.STATIC_DIR ?? 'dist' });
  const port = Number(process.env.PORT ?? 3000);
  const server = app.listen(port, process.env.HOST ?? '127.0.0.1', () => {
    const addr = server.address() as AddressInfo;
    console.log(`Baoyi Service Desk on http://${addr.address}:${addr.port} — data: ${storeLocation(cfg)}`);
    console.log(`LISTENING ${addr.port}`);
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    stopJobs();
    server.close();
    server.closeAllConnections();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
