import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../server/auth/password';
import { createApi } from '../../server/core/api';
import { seedDemoBranch } from '../../server/seed';
import { MemoryStore } from '../../server/store/json/memoryStore';

/** The API core on a small seeded in-memory branch, for component tests. */
export async function memoryApi(opts: { now?: Date; customers?: number; days?: number; perWorkingDay?: number } = {}) {
  const store = new MemoryStore();
  const now = opts.now ?? new Date('2026-11-27T06:30:00Z');
  await seedDemoBranch(store, {
    hashPassword,
    now,
    customers: opts.customers ?? 20,
    days: opts.days ?? 3,
    perWorkingDay: opts.perWorkingDay ?? 6,
    seed: 11,
  });
  const clock = { now };
  const api = createApi({ store, secret: randomBytes(32), now: () => clock.now });
  return { api, store, clock };
}
