import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleLoans } from '../../src/domain/documents/service/sampleLoans';
import { isLoanOverdue } from '../../src/domain/rules/service/loans';
import { loginAs, q, startTestServer, type TestServer } from '../helpers/server';

/**
 * A view's set is translated once per store (SQL, and the json store's matchesWhere): the strict
 * `_lt` / `_gt` of the dialect exclude the boundary on every store, and the overdue loans the list
 * answers for sampleLoans.views.overdue(at) are exactly those isLoanOverdue names.
 */
let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ customers: 10, days: 3 });
});
afterAll(() => srv?.close());

type Row = { id: number; status: string; dueAt: string | null };

describe('views through the store', () => {
  it('_lt / _gt leave the boundary out, _lte / _gte keep it', async () => {
    const admin = await loginAs(srv.url, 'admin');
    const all = (await admin.get('/sampleLoans' + q({ range: [0, 999] }))).body as Row[];
    const edge = all.find((r) => r.dueAt);
    expect(edge, 'the seed has a loan with a due time').toBeDefined();
    const at = edge!.dueAt!;
    const ids = async (filter: Record<string, unknown>) =>
      ((await admin.get('/sampleLoans' + q({ filter, range: [0, 999] }))).body as Row[])
        .map((r) => r.id)
        .sort((a, b) => a - b);
    const expect_ = (pred: (d: string) => boolean) =>
      all
        .filter((r) => r.dueAt && pred(r.dueAt))
        .map((r) => r.id)
        .sort((a, b) => a - b);
    const t = Date.parse(at);
    expect(await ids({ dueAt_lt: at })).toEqual(expect_((d) => Date.parse(d) < t));
    expect(await ids({ dueAt_lte: at })).toEqual(expect_((d) => Date.parse(d) <= t));
    expect(await ids({ dueAt_gt: at })).toEqual(expect_((d) => Date.parse(d) > t));
    expect(await ids({ dueAt_gte: at })).toEqual(expect_((d) => Date.parse(d) >= t));
    expect(await ids({ dueAt_lt: at })).not.toContain(edge!.id);
  });

  it('sampleLoans.views.overdue(at) lists exactly the loans isLoanOverdue names — at a loan’s due moment it is not overdue yet', async () => {
    const admin = await loginAs(srv.url, 'admin');
    const all = (await admin.get('/sampleLoans' + q({ range: [0, 999] }))).body as Row[];
    const out = all.find((r) => r.status === 'out' && r.dueAt);
    const moments = [
      new Date(srv.clock.now),
      ...(out ? [new Date(out.dueAt!), new Date(Date.parse(out.dueAt!) + 1)] : []),
    ];
    for (const at of moments) {
      const v = sampleLoans.views.overdue(at);
      const listed = ((await admin.get(`/${v.resource}` + q({ filter: v.where, range: [0, 999] }))).body as Row[])
        .map((r) => r.id)
        .sort((a, b) => a - b);
      expect(listed, at.toISOString()).toEqual(
        all
          .filter((r) => isLoanOverdue(r, at))
          .map((r) => r.id)
          .sort((a, b) => a - b),
      );
    }
  });
});
