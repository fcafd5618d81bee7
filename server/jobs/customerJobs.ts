import { addDays, atShanghai, shanghaiDate } from '../../src/domain/calendar';
import type { DocRecord } from '../../src/domain/definition';
import { creditFollowUps } from '../../src/domain/documents/approvals/creditFollowUps';
import { lastFullMonths, TRADED_ORDER_STATUSES } from '../../src/domain/rules/approvals/credit';
import { retierPatch, tierVolumeMonths } from '../../src/domain/rules/customerTier';
import type { Actor } from '../../src/domain/roles';
import { loadSettings } from '../core/context';
import { createInTx } from '../core/documents';
import { openMemberFollowUps } from '../core/memberCare';
import type { Store } from '../store/types';

/**
 * The branch's daily work on its customers, run by the server at start and then every day
 * (startDailyJobs). Each change is its own transaction with its audit entry, under the row's lock,
 * and decided again on the locked row — several servers on one database may run it at once.
 */

/** who the audit log names for the daily job: no user (user id null) */
export const SYSTEM_ACTOR: Actor = {
  id: null as unknown as number,
  username: 'system',
  fullName: '系统（每日作业）',
  role: 'admin',
  group: null,
};

/**
 * 5.6.2 re-tier every customer from its delivered volume: the average of the last
 * `tierVolumeMonths` full months (settings) of delivered/closed orders. Returns how many changed.
 */
export async function retierCustomers(store: Store, now: Date): Promise<number> {
  const months = tierVolumeMonths((await loadSettings(store)) as unknown as Record<string, unknown>);
  const { from, to } = lastFullMonths(now, months);
  const sums = await store.aggregate('orders', {
    filter: { status: [...TRADED_ORDER_STATUSES], receivedAt_gte: from, receivedAt_lte: to },
    groupBy: [{ field: 'customerId' }],
    measures: { total: { op: 'sum', field: 'total' } },
  });
  const volume = new Map(sums.map((r) => [Number(r.customerId), Number(r.total ?? 0)]));
  const { rows } = await store.list('customers', { filter: {}, sort: { field: 'id', order: 'ASC' }, range: null });
  let changed = 0;
  for (const c of rows) {
    const id = Number(c.id);
    const total = volume.get(id) ?? 0;
    if (!retierPatch(c, total, months)) continue;
    const at = now.toISOString();
    const done = await store.transaction(async (tx) => {
      const current = await tx.lock('customers', id);
      const patch = current && retierPatch(current, total, months);
      if (!current || !patch) return false;
      const next = { ...current, ...patch, version: Number(current.version) + 1, updatedAt: at } as DocRecord & {
        id: number;
      };
      if (!(await tx.update('customers', next, Number(current.version)))) return false; // changed meanwhile: the next run
      const changes = Object.fromEntries(Object.keys(patch).map((k) => [k, [current[k] ?? null, patch[k]]]));
      await tx.audit({
        at,
        userId: null,
        userName: SYSTEM_ACTOR.fullName,
        resource: 'customers',
        recordId: id,
        code: (current.code as string) ?? null,
        action: 'retier',
        changes: { ...changes, rule: '5.6.2', months, from, to },
      });
      return true;
    });
    if (done) changed += 1;
  }
  return changed;
}

/**
 * 5.11.4 a credit line whose review date has come goes into the sales rep's queue: one open
 * review follow-up per customer. Returns how many were queued.
 */
export async function queueCreditReviews(store: Store, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  await backfillReviewDates(store, now);
  const { rows } = await store.list('customers', {
    filter: { settlement: 'credit', creditReviewDue_lte: today },
    sort: { field: 'id', order: 'ASC' },
    range: null,
  });
  let queued = 0;
  for (const c of rows) {
    const id = Number(c.id);
    const made = await store.transaction(async (tx) => {
      const customer = await tx.lock('customers', id);
      if (
        !customer ||
        customer.settlement !== 'credit' ||
        typeof customer.creditReviewDue !== 'string' ||
        customer.creditReviewDue > today
      )
        return false;
      const open = await tx.list('creditFollowUps', {
        filter: { customerId: id, kind: 'creditReview', status: 'open' },
        sort: { field: 'id', order: 'DESC' },
        range: [0, 0],
      });
      if (open.total > 0) return false;
      const values = {
        kind: 'creditReview',
        customerId: id,
        salesRepId: typeof customer.salesRepId === 'number' ? customer.salesRepId : null,
        dueOn: customer.creditReviewDue,
      };
      await createInTx(tx, creditFollowUps, SYSTEM_ACTOR, values, now, 'review due');
      return true;
    });
    if (made) queued += 1;
  }
  return queued;
}

/**
 * 5.11.4 every credit customer has a review date: a line from before review dates were kept (a
 * json store of an earlier version; PostgreSQL's migration 015 does the same) is due today.
 */
export async function backfillReviewDates(store: Store, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  const { rows } = await store.list('customers', {
    filter: { settlement: 'credit' },
    sort: { field: 'id', order: 'ASC' },
    range: null,
  });
  let set = 0;
  for (const c of rows.filter((x) => typeof x.creditReviewDue !== 'string' || !x.creditReviewDue)) {
    const id = Number(c.id);
    const at = now.toISOString();
    const done = await store.transaction(async (tx) => {
      const current = await tx.lock('customers', id);
      if (
        !current ||
        current.settlement !== 'credit' ||
        (typeof current.creditReviewDue === 'string' && current.creditReviewDue)
      )
        return false;
      const next = {
        ...current,
        creditReviewDue: today,
        version: Number(current.version) + 1,
        updatedAt: at,
      } as DocRecord & { id: number };
      if (!(await tx.update('customers', next, Number(current.version)))) return false;
      await tx.audit({
        at,
        userId: null,
        userName: SYSTEM_ACTOR.fullName,
        resource: 'customers',
        recordId: id,
        code: (current.code as string) ?? null,
        action: 'backfill',
        changes: { creditReviewDue: [null, today], rule: '5.11.4' },
      });
      return true;
    });
    if (done) set += 1;
  }
  return set;
}

/**
 * 5.8.4 every active assistant's idle members onto their follow-up list (server/core/memberCare.ts).
 * Returns how many follow-ups were opened.
 */
export async function openFollowUpLists(store: Store, now: Date): Promise<number> {
  const { rows } = await store.list('users', {
    filter: { role: 'assistant', active: true },
    sort: { field: 'id', order: 'ASC' },
    range: null,
  });
  let opened = 0;
  for (const a of rows) opened += (await openMemberFollowUps(store, Number(a.id), now)).length;
  return opened;
}

export async function runDailyJobs(
  store: Store,
  now: Date,
): Promise<{ retiered: number; reviewsQueued: number; followUpsOpened: number }> {
  const retiered = await retierCustomers(store, now);
  const reviewsQueued = await queueCreditReviews(store, now);
  const followUpsOpened = await openFollowUpLists(store, now);
  return { retiered, reviewsQueued, followUpsOpened };
}

/** how long until a minute past the next midnight in Shanghai (the branch's day: 5.8.4 and 5.11.4 count days) */
export function untilNextBranchDay(now: Date): number {
  return atShanghai(addDays(shanghaiDate(now), 1), '00:01').getTime() - now.getTime();
}

/** At start, then at the start of every Shanghai day (the timer does not keep the process alive). Returns a stop function. */
export function startDailyJobs(
  store: Store,
  log: (msg: string, err?: unknown) => void,
  now: () => Date = () => new Date(),
): () => void {
  const run = () =>
    runDailyJobs(store, now()).then(
      (r) =>
        log(
          `Daily customer jobs: ${r.retiered} customers re-tiered (5.6.2), ${r.reviewsQueued} credit reviews queued (5.11.4), ${r.followUpsOpened} member follow-ups opened (5.8.4)`,
        ),
      (e) => log('Daily customer jobs failed; they run again tomorrow', e),
    );
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const next = () => {
    if (stopped) return;
    timer = setTimeout(() => void run().finally(next), untilNextBranchDay(now()));
    timer.unref();
  };
  void run().finally(next);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
