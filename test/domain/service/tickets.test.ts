import { describe, expect, it } from 'vitest';
import { atShanghai, BUILT_IN_CALENDAR } from '../../../src/domain/calendar';
import type { DocRecord } from '../../../src/domain/definition';
import { computeTicket, ticketRules, ticketWorkflow } from '../../../src/domain/documents/service/serviceTickets';
import { chargesOf, onsiteDay, requestedDayRefusal, warrantyOf } from '../../../src/domain/rules/service/warranty';
import { decide } from '../../../src/domain/workflow';
import { actor, ctxOf, product } from './helpers';

describe('5.3.2 warranty by category from the invoice date', () => {
  it('OA equipment: day 365 is under warranty, day 366 is not', () => {
    expect(warrantyOf('oaEquipment', '2025-11-27', '2026-11-27')).toEqual({
      status: 'inWarranty',
      until: '2026-11-27',
    });
    expect(warrantyOf('oaEquipment', '2025-11-26', '2026-11-27').status).toBe('outOfWarranty');
    // a leap year in between: still counted in days
    expect(warrantyOf('oaEquipment', '2027-03-01', '2028-02-29').status).toBe('inWarranty');
    expect(warrantyOf('oaEquipment', '2027-03-01', '2028-03-01').status).toBe('outOfWarranty');
  });
  it("stationery: the 15-day free exchange; consumables: the maker's service station", () => {
    expect(warrantyOf('stationery', '2026-11-12', '2026-11-27').status).toBe('exchangeWindow');
    expect(warrantyOf('stationery', '2026-11-11', '2026-11-27').status).toBe('outOfWarranty');
    expect(warrantyOf('oaConsumable', '2024-01-01', '2026-11-27').status).toBe('makerService');
    expect(warrantyOf('other', '2026-11-26', '2026-11-27').status).toBe('outOfWarranty');
  });
});

describe('5.7.3 / 5.7.8 the onsite day', () => {
  it('is the next working day: Friday → Monday, the eve of National Day → 8 October', () => {
    expect(onsiteDay('2026-11-27', null, BUILT_IN_CALENDAR)).toBe('2026-11-30');
    expect(onsiteDay('2026-09-30', null, BUILT_IN_CALENDAR)).toBe('2026-10-08');
    expect(onsiteDay('2026-10-09', undefined, BUILT_IN_CALENDAR)).toBe('2026-10-10'); // make-up Saturday
  });
  it("or the customer's day — never a holiday or rest day, never before the call", () => {
    expect(onsiteDay('2026-11-27', '2026-12-02', BUILT_IN_CALENDAR)).toBe('2026-12-02');
    expect(requestedDayRefusal('2026-09-28', '2026-10-02', BUILT_IN_CALENDAR)?.rule).toBe('5.7.3');
    expect(requestedDayRefusal('2026-11-27', '2026-11-29', BUILT_IN_CALENDAR)?.rule).toBe('5.7.3');
    expect(requestedDayRefusal('2026-11-27', '2026-11-26', BUILT_IN_CALENDAR)?.rule).toBe('5.7.3');
    expect(requestedDayRefusal('2026-10-09', '2026-10-10', BUILT_IN_CALENDAR)).toBeNull();
  });
});

describe('5.7.3 / 5.7.6 charges', () => {
  const parts = [
    { name: '定影组件', qty: 1, unitCost: 320, inScope: true },
    { name: '外壳（人为损坏）', qty: 1, unitCost: 85.5, inScope: false },
  ];
  it("under warranty: free, except parts outside the warranty's scope at cost", () => {
    expect(chargesOf('inWarranty', parts, 0)).toEqual({ partsCharge: 85.5, labourCharge: 0, totalCharge: 85.5 });
  });
  it('out of warranty: all parts at cost plus the repair fee', () => {
    expect(chargesOf('outOfWarranty', parts, 150)).toEqual({
      partsCharge: 405.5,
      labourCharge: 150,
      totalCharge: 555.5,
    });
  });
  it('maker service and the 15-day exchange cost the customer nothing here', () => {
    expect(chargesOf('makerService', parts, 0).totalCharge).toBe(0);
    expect(chargesOf('exchangeWindow', parts, 0).totalCharge).toBe(0);
  });

  const now = atShanghai('2026-11-27', '10:00');
  const printer = product(1, { category: 'oaEquipment', cost: 1800 });
  const toner = product(2, { category: 'oaConsumable', cost: 60 });
  const ctx = (
    role: Parameters<typeof actor>[0] = 'assistant',
    group: 'salesSupport' | 'smb' | null = 'salesSupport',
  ) =>
    ctxOf(now, {
      user: actor(role, 1, role === 'assistant' ? group : null),
      refs: { customerId: { id: 5, name: '客户' }, productId: printer },
      lineRefs: { productId: { 2: toner } },
    });
  const ticket = (over: DocRecord = {}) =>
    computeTicket(
      { customerId: 5, productId: 1, kind: 'repair', fault: '卡纸', labourFee: 0, parts: [], ...over },
      ctx(),
    );
  it('computes warranty, onsite day and charges on the ticket', () => {
    const t = ticket({ invoiceDate: '2025-11-27' });
    expect(t).toMatchObject({
      warrantyStatus: 'inWarranty',
      warrantyUntil: '2026-11-27',
      onsiteDate: '2026-11-30',
      totalCharge: 0,
    });
    expect(ticketRules(t, ctx())).toEqual([]);
    const out = ticket({
      invoiceDate: '2025-11-26',
      labourFee: 120,
      parts: [{ name: '硒鼓', productId: 2, qty: 1, unitCost: 60, inScope: true }],
    });
    expect(out).toMatchObject({
      warrantyStatus: 'outOfWarranty',
      partsCharge: 60,
      labourCharge: 120,
      totalCharge: 180,
    });
    expect(ticketRules(out, ctx())).toEqual([]);
  });
  it('refuses a labour fee under warranty, a part not at cost, a missing invoice date', () => {
    expect(ticketRules(ticket({ invoiceDate: '2025-11-27', labourFee: 50 }), ctx()).map((r) => r.rule)).toEqual([
      '5.7.3',
    ]);
    const wrongCost = ticketRules(
      ticket({
        invoiceDate: '2025-11-26',
        labourFee: 100,
        parts: [{ name: '硒鼓', productId: 2, qty: 1, unitCost: 75, inScope: true }],
      }),
      ctx(),
    );
    expect(wrongCost.map((r) => r.rule)).toEqual(['5.7.3']);
    expect(wrongCost[0].errors).toHaveProperty(['parts.0.unitCost']);
    expect(ticketRules(ticket(), ctx()).map((r) => r.rule)).toEqual(['5.7.2']);
  });
  it('an out-of-warranty repair needs its fee to be completed; paid tickets are closed by finance', () => {
    const out = { ...ticket({ invoiceDate: '2024-01-01' }), status: 'scheduled', assistantId: 1 };
    const r = decide(ticketWorkflow, out, 'complete', ctx());
    expect(!r.ok && r.refusal.rule).toBe('5.7.6');
    const charged = { ...ticket({ invoiceDate: '2024-01-01', labourFee: 100 }), status: 'done' };
    const byAssistant = decide(ticketWorkflow, charged, 'close', ctx());
    expect(!byAssistant.ok && byAssistant.refusal.rule).toBe('5.7.6');
    const byFinance = decide(ticketWorkflow, charged, 'close', ctx('finance'));
    expect(byFinance.ok && byFinance.decision.patch.paid).toBe(true);
  });
  it('only the sales support group schedules and completes (403 for others)', () => {
    const t = { ...ticket({ invoiceDate: '2025-11-27' }), status: 'received', assistantId: 9 };
    const smb = decide(ticketWorkflow, t, 'schedule', ctx('assistant', 'smb'));
    expect(!smb.ok && smb.refusal.kind).toBe('forbidden');
    const ok = decide(ticketWorkflow, t, 'schedule', ctx());
    expect(ok.ok && ok.decision.patch.assistantId).toBe(1);
  });
});
