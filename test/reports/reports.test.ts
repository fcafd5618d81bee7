import { describe, expect, it } from 'vitest';
import { atShanghai } from '../../src/domain/calendar';
import type { DocRecord } from '../../src/domain/definition';
import { assistantPerformance } from '../../reports/assistantPerformance';
import { complaintTrends } from '../../reports/complaintTrends';
import { orderTrends } from '../../reports/orderTrends';
import { MemoryStore } from '../../server/store/json/memoryStore';

/** Hand-made fixtures with known answers (the API test checks the SQL version against raw lists). */
const at = (day: string, time: string) => atShanghai(day, time).toISOString();

async function fixture(rows: Record<string, DocRecord[]>) {
  const store = new MemoryStore();
  await store.transaction(async (tx) => {
    for (const [res, list] of Object.entries(rows)) for (const r of list) await tx.insert(res, r);
  });
  return store;
}

const A = { id: 1, fullName: '王芳', group: 'ecommerce' };
const B = { id: 2, fullName: '李强', group: 'smb' };

describe('assistant performance (6.1.1)', () => {
  it('counts orders, value, web confirmations within 10 minutes, complaints, returns and overdue loans per assistant for that Shanghai day', async () => {
    const store = await fixture({
      orders: [
        // A: two orders on 11-26 (one web confirmed in time, one web confirmed late), one cancelled, one on 11-25 23:59
        {
          assistantId: 1,
          channel: 'web',
          status: 'approved',
          total: 120.5,
          receivedAt: at('2026-11-26', '09:00'),
          confirmedAt: at('2026-11-26', '09:08'),
          confirmDeadline: at('2026-11-26', '09:10'),
        },
        {
          assistantId: 1,
          channel: 'web',
          status: 'submitted',
          total: 80,
          receivedAt: at('2026-11-26', '16:00'),
          confirmedAt: at('2026-11-26', '16:11'),
          confirmDeadline: at('2026-11-26', '16:10'),
        },
        { assistantId: 1, channel: 'phone', status: 'cancelled', total: 999, receivedAt: at('2026-11-26', '10:00') },
        { assistantId: 1, channel: 'phone', status: 'closed', total: 50, receivedAt: at('2026-11-25', '23:59') },
        // B: one phone order at 00:00 of the day (counts), one the next day (does not)
        { assistantId: 2, channel: 'phone', status: 'submitted', total: 10000, receivedAt: at('2026-11-26', '00:00') },
        { assistantId: 2, channel: 'phone', status: 'submitted', total: 1, receivedAt: at('2026-11-27', '00:00') },
        // work, not drafts (issue 18): an unsubmitted draft, a web order not yet confirmed and a returned one count for nobody
        { assistantId: 1, channel: 'phone', status: 'draft', total: 185900, receivedAt: at('2026-11-26', '11:00') },
        {
          assistantId: 1,
          channel: 'web',
          status: 'pendingConfirmation',
          total: 5000,
          receivedAt: at('2026-11-26', '11:30'),
        },
        { assistantId: 2, channel: 'phone', status: 'rejected', total: 7000, receivedAt: at('2026-11-26', '12:00') },
      ],
      quotes: [
        { quotedBy: 2, repliedAt: at('2026-11-26', '11:00'), replyDeadline: at('2026-11-26', '12:00') },
        { quotedBy: 2, repliedAt: at('2026-11-26', '15:00'), replyDeadline: at('2026-11-26', '14:00') },
      ],
      complaints: [
        { assistantId: 1, resolvedAt: at('2026-11-26', '12:00'), repliedOnTime: true, resolvedOnTime: true },
        { assistantId: 1, resolvedAt: at('2026-11-26', '13:00'), repliedOnTime: false, resolvedOnTime: true },
      ],
      returns: [{ assistantId: 2, createdAt: at('2026-11-26', '10:00') }],
      sampleLoans: [
        { assistantId: 2, status: 'out', dueAt: at('2026-11-26', '10:00') },
        { assistantId: 2, status: 'out', dueAt: at('2026-11-28', '10:00') },
        { assistantId: 2, status: 'returned', dueAt: at('2026-11-20', '10:00') },
      ],
    });
    const r = await assistantPerformance(store, '2026-11-26', [A, B], { dailyOrderTarget: 2, dailyValueTarget: 200 });
    const a = r.rows.find((x) => x.assistantId === 1)!;
    const b = r.rows.find((x) => x.assistantId === 2)!;
    expect([a.ordersEntered, a.orderValue, a.webConfirmed, a.webConfirmedInTime, a.webConfirmedPct]).toEqual([
      2, 200.5, 2, 1, 50,
    ]);
    expect([a.complaintsHandled, a.complaintsRepliedInTime, a.complaintsResolvedInTime]).toEqual([2, 1, 2]);
    expect(a.meetsTarget).toBe(true);
    expect([
      b.ordersEntered,
      b.orderValue,
      b.quotesReplied,
      b.quotesRepliedInTime,
      b.quotesRepliedPct,
      b.returns,
      b.samplesOverdue,
    ]).toEqual([1, 10000, 2, 1, 50, 1, 1]);
    expect(b.webConfirmedPct).toBeNull();
    expect(b.meetsTarget).toBe(false);
    expect(r.rows.map((x) => [x.name, x.rank])).toEqual([
      ['李强', 1],
      ['王芳', 2],
    ]);
    expect(r.totals).toMatchObject({ ordersEntered: 3, orderValue: 10200.5, webConfirmed: 2, webConfirmedInTime: 1 });
  });
});

describe('complaint trends (6.10)', () => {
  it('groups by Shanghai day and category with SLA shares, open count and the oldest open', async () => {
    const store = await fixture({
      complaints: [
        {
          code: 'CP-1',
          status: 'closed',
          category: 'staff',
          receivedAt: at('2026-11-23', '09:00'),
          resolvedAt: at('2026-11-24', '09:00'),
          repliedOnTime: true,
          resolvedOnTime: true,
          keyAccount: true,
        },
        {
          code: 'CP-2',
          status: 'closed',
          category: 'staff',
          receivedAt: at('2026-11-23', '23:30'),
          resolvedAt: at('2026-11-27', '09:00'),
          repliedOnTime: false,
          resolvedOnTime: false,
          keyAccount: false,
        },
        {
          code: 'CP-3',
          status: 'received',
          category: 'delivery',
          receivedAt: at('2026-11-24', '00:10'),
          keyAccount: false,
        },
        {
          code: 'CP-4',
          status: 'followUp',
          category: 'productQuality',
          receivedAt: at('2026-11-20', '10:00'),
          keyAccount: true,
        },
      ],
    });
    const r = await complaintTrends(store, '2026-11-23', '2026-11-24');
    expect(r.days).toEqual([
      { date: '2026-11-23', category: 'staff', received: 2, repliedOnTime: 1, resolvedOnTime: 1, keyAccount: 1 },
      { date: '2026-11-24', category: 'delivery', received: 1, repliedOnTime: 0, resolvedOnTime: 0, keyAccount: 0 },
    ]);
    expect(r.byCategory.find((c) => c.category === 'staff')).toEqual({
      category: 'staff',
      received: 2,
      resolvedOnTime: 1,
      repliedOnTimePct: 50,
      resolvedOnTimePct: 50,
    });
    expect(r.resolvedPerDay).toEqual([{ date: '2026-11-24', resolved: 1 }]);
    expect(r.open).toBe(2);
    expect(r.oldestOpen.map((o) => o.code)).toEqual(['CP-4', 'CP-3']);
  });
});

describe('order trends', () => {
  it('fills every day of the window, split by channel, with per-assistant series', async () => {
    const store = await fixture({
      orders: [
        { assistantId: 1, channel: 'web', status: 'closed', total: 10, receivedAt: at('2026-11-25', '09:00') },
        { assistantId: 1, channel: 'phone', status: 'closed', total: 20.2, receivedAt: at('2026-11-25', '10:00') },
        { assistantId: 2, channel: 'phone', status: 'closed', total: 5, receivedAt: at('2026-11-27', '10:00') },
        { assistantId: 2, channel: 'phone', status: 'cancelled', total: 5, receivedAt: at('2026-11-27', '11:00') },
      ],
    });
    const r = await orderTrends(store, '2026-11-27', 3);
    expect(r.days).toEqual([
      { date: '2026-11-25', web: 1, phone: 1, webValue: 10, phoneValue: 20.2 },
      { date: '2026-11-26', web: 0, phone: 0, webValue: 0, phoneValue: 0 },
      { date: '2026-11-27', web: 0, phone: 1, webValue: 0, phoneValue: 5 },
    ]);
    expect(r.assistants.sort((x, y) => x.assistantId - y.assistantId)).toEqual([
      { assistantId: 1, series: [2, 0, 0] },
      { assistantId: 2, series: [0, 0, 1] },
    ]);
  });
});
