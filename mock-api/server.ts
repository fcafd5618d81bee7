import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import jsonServer from 'json-server';
import { hashPassword } from '../server/auth/password';
import { loadOrCreateSecret } from '../server/auth/tokens';
import { createApi } from '../server/core/api';
import { startDailyJobs } from '../server/jobs/customerJobs';
import { createHttpApp, securityHeaders } from '../server/http';
import { seedDemoBranch } from '../server/seed';
import { heldRecords, damagedStoreMessage } from '../server/store/heldRecords';
import { JsonFileStore } from '../server/store/json/jsonFileStore';

/**
 * The mock API and demo store: json-server 0.17's app (gzip, static SPA) with our middleware in
 * front — auth, the simple-rest dialect, rules, workflow actions, audit — over a db.json in
 * json-server's own format (stock json-server can open the same file, e.g. for the benchmark).
 * json-server's router is deliberately not mounted: its /db dump, nested routes, _embed/_expand,
 * regex `_like`, cascading DELETE and non-durable writes would bypass every check
 * (see ../shared/design.md). Writes go through the durable JsonFileStore instead.
 *
 *   npm run mock            # DATA_DIR=data-mock, PORT=3001
 */
async function main() {
  const dataDir = process.env.DATA_DIR ?? 'data-mock';
  const store = JsonFileStore.open(join(dataDir, 'db.json'));
  if (await store.isEmpty()) {
    // seeded only into a store with no records at all (one whose users are lost is damaged)
    const held = await heldRecords(store);
    if (Object.keys(held).length > 0) {
      await store.close();
      throw new Error(damagedStoreMessage(join(dataDir, 'db.json'), held));
    }
    console.log('Seeded:', await seedDemoBranch(store, { hashPassword }));
  }
  // 5.6.2 re-tiering, 5.11.4 due credit reviews, 5.8.4 member follow-ups: at start, then daily (as server/main.ts)
  startDailyJobs(store, (msg, err) => (err ? console.error(msg, err) : console.log(msg)));
  const api = createApi({ store, secret: loadOrCreateSecret(dataDir), log: (m, e) => console.error(m, e) });
  const app = jsonServer.create();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.use(jsonServer.defaults({ static: process.env.STATIC_DIR ?? 'dist', logger: false, noCors: true }));
  app.use(createHttpApp(api));
  const server = app.listen(Number(process.env.PORT ?? 3001), '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    console.log(`Baoyi mock API (json-server, ${join(dataDir, 'db.json')}) on http://127.0.0.1:${port}`);
    console.log(`LISTENING ${port}`);
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
