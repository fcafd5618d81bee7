import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDriver } from '../../server/store/pg/driver';
import { splitStatements } from '../../server/store/pg/migrate';
import { freshDriver } from '../helpers/db';

/**
 * Migration 015's backfill (issue 21, 5.11.4 / 5.6.2) on rows written before it: every credit
 * customer gets a review date — its current line's, else the record's, else today — in the column
 * and the record alike, with a new version; the tier basis is the credit line or the volume.
 */
let db: SqlDriver;
const backfill = splitStatements(
  readFileSync(
    new URL('../../server/store/pg/migrations/015_customer_tiers_credit_follow_ups.sql', import.meta.url),
    'utf8',
  ),
).filter((s) => s.startsWith('UPDATE'));

beforeAll(async () => {
  db = await freshDriver();
}, 120_000);
afterAll(() => db?.close());

async function customer(code: string, settlement: string, limit: number, data: Record<string, unknown> = {}) {
  const r = await db.query<{ id: number }>(
    `INSERT INTO customers (data, code, name, tier, settlement, credit_limit) VALUES ($1, $2, $3, 'keyAccount', $4, $5) RETURNING id`,
    [
      JSON.stringify({ code, name: `客户${code}`, tier: 'keyAccount', settlement, creditLimit: limit, ...data }),
      code,
      `客户${code}`,
      settlement,
      limit,
    ],
  );
  return r.rows[0].id;
}

describe('migration 015 backfill', () => {
  it('credit customers get their line’s review date, the record’s, or today; cash customers none', async () => {
    const withLine = await customer('900001', 'credit', 30000);
    await db.query(
      `INSERT INTO credit_applications (data, code, status, customer_id, kind, requested_limit, approved_limit, review_due_at) VALUES ('{}', 'CRA-T-1', 'approved', $1, 'new', 30000, 30000, '2027-03-01')`,
      [withLine],
    );
    const withRecord = await customer('900002', 'credit', 20000, { creditReviewDue: '2027-02-02' });
    const bare = await customer('900003', 'credit', 10000);
    const cash = await customer('900004', 'cash', 0);
    for (const s of backfill) await db.query(s);
    const rows = (
      await db.query<{ id: number; due: string | null; basis: string; version: number; data: Record<string, unknown> }>(
        `SELECT id, to_char(credit_review_due, 'YYYY-MM-DD') AS due, tier_basis AS basis, version, data FROM customers WHERE id = ANY($1) ORDER BY id`,
        [[withLine, withRecord, bare, cash]],
      )
    ).rows;
    const today = (
      await db.query<{ d: string }>(`SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS d`)
    ).rows[0].d;
    expect(rows.map((r) => [r.due, r.data.creditReviewDue, r.basis, r.data.tierBasis, r.version])).toEqual([
      ['2027-03-01', '2027-03-01', 'creditLine', 'creditLine', 2],
      ['2027-02-02', '2027-02-02', 'creditLine', 'creditLine', 2],
      [today, today, 'creditLine', 'creditLine', 2],
      [null, null, 'volume', 'volume', 2],
    ]);
  });
});
