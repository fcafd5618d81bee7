import { addDays, atShanghai, shanghaiDate } from '../../src/domain/calendar';
import type { DocRecord } from '../../src/domain/definition';
import { getDefinition } from '../../src/domain/documents';
import { orders } from '../../src/domain/documents/orders';
import { narrow } from '../../src/domain/where';
import { followUpDue, isFollowUpOpen } from '../../src/domain/documents/service/memberFollowUps';
import type { Actor } from '../../src/domain/roles';
import type { Reader, Store } from '../store/types';
import { loadSettings } from './context';
import { createInTx } from './documents';

/**
 * 5.8.4 the follow-up list: members of `assistantId` without an order for `memberFollowUpDays`
 * (the settings) get a follow-up record (status due) — on the list in the assistant's inbox until
 * the call is recorded; then off it until the recorded next date. Opened by the daily job
 * (server/jobs/customerJobs.ts: at start and at the start of every Shanghai day — reading the inbox
 * changes nothing), under a lock of the assistant's row so that two servers running the job at
 * once open each member's follow-up once. Returns the follow-ups opened.
 */
export async function openMemberFollowUps(store: Store, assistantId: number, now: Date): Promise<DocRecord[]> {
  const def = getDefinition('memberFollowUps');
  if (!def) return [];
  // the cheap question first, outside a transaction: is anything due at all?
  if ((await dueMembers(store, assistantId, now)).length === 0) return [];
  return store.transaction(async (tx) => {
    await tx.lock('users', assistantId);
    const due = await dueMembers(tx, assistantId, now);
    if (due.length === 0) return [];
    const system = await systemActor(tx);
    const opened: DocRecord[] = [];
    for (const d of due) opened.push(await createInTx(tx, def, system, d, now, 'open'));
    return opened;
  });
}

const ACTIVE_MEMBERS = (assistantId: number) => ({ member: true, active: true, assistantId });

/** the follow-ups to open now: one per idle member of the assistant without an open one or a later next date */
async function dueMembers(reader: Reader, assistantId: number, now: Date): Promise<DocRecord[]> {
  const settings = await loadSettings(reader);
  const days = Number(settings.memberFollowUpDays);
  if (!Number.isInteger(days) || days < 1) return [];
  const today = shanghaiDate(now);
  const { rows: members } = await reader.list('customers', {
    filter: ACTIVE_MEMBERS(assistantId),
    sort: { field: 'id', order: 'ASC' },
    range: null,
    total: false,
  });
  if (members.length === 0) return [];
  const ids = members.map((m) => Number(m.id));
  // the days each member ordered on (work orders: submitted on, not drafts or cancelled), and their
  // follow-ups — as of `now` (the seed opens lists in the past)
  const asOf = now.toISOString();
  const [orderDays, followUps] = await Promise.all([
    reader.aggregate('orders', {
      filter: narrow(orders.views.work, { customerId: ids, receivedAt_lte: asOf }).where,
      groupBy: [{ field: 'customerId' }, { field: 'receivedAt', day: true }],
      measures: { n: { op: 'count' } },
    }),
    reader.list('memberFollowUps', {
      filter: { customerId: ids, createdAt_lte: asOf },
      sort: { field: 'id', order: 'ASC' },
      range: null,
      total: false,
    }),
  ]);
  const lastOrder = new Map<number, string>();
  for (const r of orderDays) {
    const id = Number(r.customerId);
    const day = String(r.receivedAt);
    if (day > (lastOrder.get(id) ?? '')) lastOrder.set(id, day);
  }
  const open = new Set<number>();
  const snoozed = new Map<number, string>();
  for (const f of followUps.rows) {
    const id = Number(f.customerId);
    if (isFollowUpOpen(f)) open.add(id);
    if (typeof f.nextDate === 'string' && f.nextDate > (snoozed.get(id) ?? '')) snoozed.set(id, f.nextDate);
  }
  const out: DocRecord[] = [];
  for (const m of members) {
    const id = Number(m.id);
    const since = shanghaiDate(new Date(String(m.createdAt ?? atShanghai(addDays(today, -days)).toISOString())));
    const lastOrderDay = lastOrder.get(id) ?? null;
    if (
      followUpDue(m, { today, days, lastOrderDay, since, snoozedUntil: snoozed.get(id) ?? null, open: open.has(id) })
    ) {
      out.push({ customerId: id, assistantId, dueDate: today, lastOrderDate: lastOrderDay });
    }
  }
  return out;
}

/** the follow-up list is kept by the system: the active admin, named so in the audit log */
async function systemActor(reader: Reader): Promise<Actor> {
  const { rows } = await reader.list('users', {
    filter: { role: 'admin', active: true },
    sort: { field: 'id', order: 'ASC' },
    range: [0, 49],
  });
  const u = rows.find((r) => r.username === 'admin') ?? rows[0];
  return {
    id: Number(u?.id ?? 0),
    username: String(u?.username ?? 'system'),
    fullName: '会员回访名单 (5.8.4)',
    role: 'admin',
    group: null,
  };
}
