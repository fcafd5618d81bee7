import type { AddressInfo } from 'node:net';
import { sharedHashPool } from '../../server/auth/hashPool';
import { createApi } from '../../server/core/api';
import { createHttpApp } from '../../server/http';
import { openPostgres } from '../../server/store/pg/driver';
import { PgStore } from '../../server/store/pg/pgStore';

/**
 * A server process for tests of several servers on one database: the real API core over the real
 * HTTP layer, as server/main.ts serves it, on DATABASE_URL (no seeding), with the tests' clock
 * (TEST_NOW) so rules that count working time see the seeded day, and a signing secret shared by
 * every process of the test (SECRET_HEX): a token from one is good on the others.
 */
const store = await PgStore.open(await openPostgres(process.env.DATABASE_URL!));
const now = new Date(process.env.TEST_NOW!);
const api = createApi({
  store,
  secret: Buffer.from(process.env.SECRET_HEX!, 'hex'),
  intakeKey: process.env.INTAKE_KEY,
  now: () => now,
  deriveKey: sharedHashPool().derive,
  log: (msg, err) => console.error(msg, err),
});
const server = createHttpApp(api).listen(0, '127.0.0.1', () =>
  console.log(`LISTENING ${(server.address() as AddressInfo).port}`),
);
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  void store.close().then(() => process.exit(0));
});
