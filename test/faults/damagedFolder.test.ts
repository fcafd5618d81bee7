import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyState } from '../../server/store/json/memoryStore';
import { treeHash } from '../helpers/files';
import { startServerProcess } from '../helpers/process';

/**
 * A start that finds a data folder it cannot fully read (storage.test.ts: the json store's faults
 * while it runs) refuses, saying what is wrong and where; it never initialises, seeds or rewrites
 * anything: the folder's files are the same, byte for byte, afterwards.
 */

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'baoyi-damaged-'));
  dirs.push(d);
  return d;
};

/** a db.json with every table, as the store writes it, with one user and one order */
const fullFile = () => ({
  ...emptyState(),
  users: [{ id: 1, username: 'admin', role: 'admin', active: true }],
  orders: [{ id: 1, code: 'SO-20261127-001', status: 'draft' }],
});
const without = (o: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

describe('a damaged data folder at start: refused with what and where, never initialised or seeded, not a byte changed', () => {
  const cases: [string, Record<string, string | Buffer>, RegExp, Record<string, string>][] = [
    [
      'db.json: truncated JSON',
      { 'db.json': '{"users": [{"id": 1, "username": "admin"' },
      /db\.json: .*not valid JSON/,
      { STORE: 'json' },
    ],
    ['db.json: zero bytes', { 'db.json': '' }, /db\.json: .*empty/, { STORE: 'json' }],
    [
      'db.json: a record without an id',
      { 'db.json': JSON.stringify({ ...fullFile(), users: [{ username: 'admin' }] }) },
      /users\[0\] has no integer id/,
      { STORE: 'json' },
    ],
    [
      'db.json: a resource that is not a list',
      { 'db.json': JSON.stringify({ ...fullFile(), orders: { 1: {} } }) },
      /"orders" must be an array/,
      { STORE: 'json' },
    ],
    [
      'db.json without its users array',
      { 'db.json': JSON.stringify(without(fullFile(), 'users')) },
      /db\.json: .*lacks the table\(s\) "users"/,
      { STORE: 'json' },
    ],
    [
      'db.json missing one table',
      { 'db.json': JSON.stringify(without(fullFile(), 'complaints')) },
      /db\.json: .*lacks the table\(s\) "complaints"/,
      { STORE: 'json' },
    ],
    [
      'db.json whose users are gone but orders are not',
      { 'db.json': JSON.stringify({ ...fullFile(), users: [] }) },
      /db\.json: .*holds no users but holds 1 orders/,
      { STORE: 'json' },
    ],
    [
      'the embedded PostgreSQL folder without PG_VERSION',
      {
        'postgres/global/pg_control': Buffer.alloc(8192, 7),
        'postgres/base/1/1259': Buffer.alloc(8192, 3),
        'postgres/postgresql.conf': '# kept\n',
      },
      /postgres: .*no PG_VERSION: it is damaged/,
      {},
    ],
    [
      "an earlier version's pglite/ folder without PG_VERSION",
      { 'pglite/base/1/1259': Buffer.alloc(8192, 5), 'pglite/global/pg_control': Buffer.alloc(8192, 1) },
      /pglite: .*without its PG_VERSION/,
      {},
    ],
  ];
  for (const [name, files, expected, env] of cases) {
    it(name, async () => {
      const dir = tmp();
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      const before = treeHash(dir);
      await expect(startServerProcess({ DATA_DIR: dir, ...env }, 30_000)).rejects.toThrow(expected);
      expect(treeHash(dir)).toBe(before); // nothing made (no postgres/, no seed, no lock left), nothing rewritten
    });
  }
});
