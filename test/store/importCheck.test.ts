import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoBranch } from '../../server/seed';
import { MemoryStore } from '../../server/store/json/memoryStore';
import { importState } from '../../server/store/pg/importState';
import type { PgStore } from '../../server/store/pg/pgStore';
import type { ExportedState } from '../../server/store/types';
import { heldRecords } from '../../server/store/heldRecords';
import { freshPgStore } from '../helpers/db';

/**
 * `npm run import` / `restore` of data the json store took but PostgreSQL refuses: the error names
 * the resource, the record's id and the field (not a raw database error), and nothing is imported.
 */

let good: ExportedState;
beforeAll(async () => {
  const source = new MemoryStore();
  await seedDemoBranch(source, {
    hashPassword: async () => 'scrypt$test',
    customers: 5,
    days: 1,
    perWorkingDay: 3,
    now: new Date('2026-11-27T06:30:00Z'),
  });
  good = await source.exportState();
});

let store: PgStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

type Rows = Record<string, unknown>[];
const spoilt = (resource: string, index: number, patch: Record<string, unknown>) => {
  const s = structuredClone(good);
  const rows = s[resource] as Rows;
  rows[index] = { ...rows[index], ...patch };
  return { state: s, id: rows[index].id };
};

describe('import refusals name the record', () => {
  it.each<[string, string, number, Record<string, unknown>, string, RegExp]>([
    [
      'a user PostgreSQL refuses (RTUpper: no login name may hold capitals)',
      'users',
      1,
      { username: 'RTUpper' },
      'username',
      /users_username_check.*"RTUpper"/,
    ],
    [
      'a credit limit past numeric(14, 2)',
      'customers',
      2,
      { creditLimit: 1e12 },
      'creditLimit',
      /numeric field overflow.*1000000000000/,
    ],
    ['a lone surrogate in a note', 'orders', 0, { note: 'abc\ud800def' }, 'note', /lone UTF-16 surrogate/],
    ['a NUL in a product name', 'products', 3, { name: 'A4\u0000纸' }, 'name', /NUL character/],
    ['a timestamp in year 0', 'orders', 1, { receivedAt: '0000-01-01T00:00:00Z' }, 'receivedAt', /out of range/],
  ])('%s', async (_name, resource, index, patch, field, detail) => {
    store = await freshPgStore();
    const { state, id } = spoilt(resource, index, patch);
    const refused = await importState(store, state).then(
      () => null,
      (e: Error) => e,
    );
    expect(refused?.message).toContain(`${resource} id ${String(id)}, field "${field}"`);
    expect(refused?.message).toMatch(detail);
    expect(refused?.message).toMatch(/nothing was imported/);
    expect(await heldRecords(store)).toEqual({}); // one transaction: nothing half-imported
  });

  it('imports the same file without the spoilt record, every table', async () => {
    store = await freshPgStore();
    const counts = await importState(store, good);
    expect(counts.users).toBe((good.users as Rows).length);
    expect(await heldRecords(store)).toEqual(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)));
  });
});
