import { describe, expect, it } from 'vitest';
import { atShanghai, BUILT_IN_CALENDAR } from '../../src/domain/calendar';
import type { DocRecord, RuleContext } from '../../src/domain/definition';
import { computeOrder, needsGmApproval, orderRules, orderWorkflow } from '../../src/domain/documents/orders';
import type { Actor, Role } from '../../src/domain/roles';
import {
  creditRefusal,
  exceedsRemainingCredit,
  isNewCustomer,
  monthsBefore,
  tierForMonthlySales,
} from '../../src/domain/rules/customerTerms';
import { deliveryFeeFen, deliveryPromise } from '../../src/domain/rules/delivery';
import { webOrderConfirmDeadline } from '../../src/domain/rules/webOrder';
import { actor } from '../helpers/actors';
import { availableActions, decide } from '../../src/domain/workflow';

const at = (day: string, time: string) => atShanghai(day, time);
const iso = (day: string, time: string) => at(day, time).toISOString();

describe('5.3.1 delivery fee', () => {
  it('is 10 yuan below 100 and free from 100 (99.99 / 100)', () => {
    expect(deliveryFeeFen(9999)).toBe(1000);
    expect(deliveryFeeFen(10000)).toBe(0);
    expect(deliveryFeeFen(9900)).toBe(1000);
    expect(deliveryFeeFen(0)).toBe(0);
  });
});

describe('5.3.1 delivery promise', () => {
  it('key account: 11:59 → same afternoon, 12:00 → next working day morning', () => {
    expect(deliveryPromise(at('2026-11-26', '11:59'), true, BUILT_IN_CALENDAR)).toEqual({
      kind: 'sameAfternoon',
      at: at('2026-11-26', '17:30'),
    });
    expect(deliveryPromise(at('2026-11-26', '12:00'), true, BUILT_IN_CALENDAR)).toEqual({
      kind: 'nextMorning',
      at: at('2026-11-27', '12:00'),
    });
  });
  it('the day before a holiday: next working day is after National Day', () => {
    expect(deliveryPromise(at('2026-09-30', '13:00'), true, BUILT_IN_CALENDAR).at).toEqual(at('2026-10-08', '12:00'));
    expect(deliveryPromise(at('2026-09-30', '09:00'), false, BUILT_IN_CALENDAR).at).toEqual(at('2026-10-08', '17:30'));
  });
  it('a make-up working Saturday (2026-10-10) counts as a working day', () => {
    expect(deliveryPromise(at('2026-10-10', '10:00'), true, BUILT_IN_CALENDAR)).toEqual({
      kind: 'sameAfternoon',
      at: at('2026-10-10', '17:30'),
    });
    expect(deliveryPromise(at('2026-10-09', '10:00'), false, BUILT_IN_CALENDAR).at).toEqual(at('2026-10-10', '17:30'));
  });
  it('an order on a normal weekend: key account next working day morning, others next working day', () => {
    expect(deliveryPromise(at('2026-11-28', '09:00'), true, BUILT_IN_CALENDAR).at).toEqual(at('2026-11-30', '12:00'));
    expect(deliveryPromise(at('2026-11-28', '09:00'), false, BUILT_IN_CALENDAR).at).toEqual(at('2026-11-30', '17:30'));
  });
});

describe('5.1.1 web order confirmation deadline', () => {
  it('is 10 working minutes after receipt', () => {
    expect(webOrderConfirmDeadline(at('2026-11-27', '11:55'), BUILT_IN_CALENDAR)).toEqual(at('2026-11-27', '12:05'));
    expect(webOrderConfirmDeadline(at('2026-11-27', '17:25'), BUILT_IN_CALENDAR)).toEqual(at('2026-11-30', '08:05'));
    expect(webOrderConfirmDeadline(at('2026-09-30', '17:25'), BUILT_IN_CALENDAR)).toEqual(at('2026-10-08', '08:05'));
  });
});

describe('5.6.2 tiers and new customers', () => {
  it('key account is over 5000 yuan a month', () => {
    expect(tierForMonthlySales(500000)).toBe('smb');
    expect(tierForMonthlySales(500001)).toBe('keyAccount');
  });
  it('a customer is new for 3 calendar months from the first trade', () => {
    const now = at('2026-11-27', '10:00');
    expect(monthsBefore('2026-11-27', 3)).toBe('2026-08-27');
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
    expect(isNewCustomer({ firstTradeAt: iso('2026-08-27', '09:00') }, now)).toBe(false);
    expect(isNewCustomer({ firstTradeAt: iso('2026-08-28', '09:00') }, now)).toBe(true);
    expect(isNewCustomer({ firstTradeAt: null }, now)).toBe(true);
  });
});

describe('cash vs credit', () => {
  const now = at('2026-11-27', '10:00');
  const key = {
    tier: 'keyAccount',
    settlement: 'credit',
    creditLimit: 10000,
    firstTradeAt: iso('2025-01-01', '10:00'),
    overdue: false,
  };
  it('6.2.3 SMB customers pay cash', () => expect(creditRefusal({ ...key, tier: 'smb' }, now)?.rule).toBe('6.2.3'));
  it('5.5.2 a first order asking for credit goes to the sales rep', () =>
    expect(creditRefusal({ ...key, firstTradeAt: null }, now)?.rule).toBe('5.5.2'));
  it('6.2.3 new customers (under 3 months) pay cash', () =>
    expect(creditRefusal({ ...key, firstTradeAt: iso('2026-10-01', '10:00') }, now)?.rule).toBe('6.2.3'));
  it('5.5.1 credit needs an approved line', () => {
    expect(creditRefusal({ ...key, settlement: 'cash' }, now)?.rule).toBe('5.5.1');
    expect(creditRefusal({ ...key, creditLimit: 0 }, now)?.rule).toBe('5.5.1');
  });
  it('5.11.3 overdue customers are blocked', () =>
    expect(creditRefusal({ ...key, overdue: true }, now)?.rule).toBe('5.11.3'));
  it('a good key account may buy on credit', () => expect(creditRefusal(key, now)).toBeNull());
  it('5.10.4 beyond the remaining credit (limit − used) needs the branchGM', () => {
    expect(exceedsRemainingCredit(400000, key, 6000)).toBe(false); // 4000 of the remaining 4000
    expect(exceedsRemainingCredit(400001, key, 6000)).toBe(true);
  });
});

const products = {
  1: { id: 1, name: '中性笔', sku: 'ST-1', catalogPrice: 49.995, stock: 3 },
  2: { id: 2, name: 'A4纸', sku: 'PA-1', catalogPrice: 120, stock: 100 },
} as Record<number, DocRecord>;
const ctxFor = (user: Actor, customer: DocRecord, creditUsed = 0, now = at('2026-11-27', '10:00')): RuleContext => ({
  now,
  user,
  refs: { customerId: customer },
  lineRefs: { productId: products },
  facts: { creditUsed },
  settings: {},
});

describe('computeOrder and orderRules', () => {
  const smb = { id: 5, name: '甲公司', code: '100005', tier: 'smb', firstTradeAt: iso('2025-01-01', '10:00') };
  it('computes lines, subtotal, fee, total, shortages and the promise', () => {
    const o = computeOrder(
      {
        customerId: 5,
        channel: 'phone',
        lines: [
          { productId: 2, qty: 0.5 * 1, unitPrice: 120 },
          { productId: 2, qty: 1, unitPrice: 120 },
        ],
      },
      ctxFor(actor('assistant'), smb),
    );
    expect(o.subtotal).toBe(180);
    expect(o.deliveryFee).toBe(0);
    expect(o.total).toBe(180);
    const short = computeOrder(
      {
        customerId: 5,
        channel: 'phone',
        lines: [
          { productId: 2, qty: 1, unitPrice: 99.99 },
          { productId: 2, qty: 0, unitPrice: 1 },
        ],
      },
      ctxFor(actor('assistant'), smb),
    );
    expect([short.subtotal, short.deliveryFee, short.total]).toEqual([99.99, 10, 109.99]);
    const stock = computeOrder(
      { customerId: 5, channel: 'phone', lines: [{ productId: 2, qty: 101, unitPrice: 120 }] },
      ctxFor(actor('assistant'), smb),
    );
    expect((stock.lines as DocRecord[])[0].shortBy).toBe(1);
    expect(stock.shortLines).toBe(1);
    expect(stock.promisedDeliveryAt).toBe(iso('2026-11-30', '17:30'));
    // the empty line the form adds (no product yet) is not "short of stock"
    const empty = computeOrder(
      {
        customerId: 5,
        channel: 'phone',
        lines: [
          { productId: 2, qty: 1, unitPrice: 120 },
          { productId: null, qty: 1, unitPrice: null },
        ],
      },
      ctxFor(actor('assistant'), smb),
    );
    expect((empty.lines as DocRecord[]).map((l) => l.shortBy)).toEqual([0, 0]);
    expect(empty.shortLines).toBe(0);
  });
  it('refuses off-catalog prices for SMB (6.2.2) and credit for SMB (6.2.3)', () => {
    const ctx = ctxFor(actor('assistant'), smb);
    const rules = orderRules(
      computeOrder({ customerId: 5, paymentMethod: 'credit', lines: [{ productId: 2, qty: 1, unitPrice: 100 }] }, ctx),
      ctx,
    );
    expect(rules.map((r) => r.rule).sort()).toEqual(['6.2.2', '6.2.3']);
  });
});

describe('the workflow engine on orders', () => {
  const key = {
    id: 9,
    name: '乙集团',
    tier: 'keyAccount',
    settlement: 'credit',
    creditLimit: 1000,
    firstTradeAt: iso('2024-01-01', '10:00'),
  };
  const submitted = {
    id: 1,
    status: 'submitted',
    paymentMethod: 'credit',
    total: 600,
    customerId: 9,
    assistantId: 7,
    approvals: [],
  };

  it('refuses in order: role (403) before status (409)', () => {
    const asAssistant = decide(orderWorkflow, submitted, 'approve', ctxFor(actor('assistant', 7), key));
    expect(asAssistant.ok || asAssistant.refusal.kind).toBe('forbidden');
    const draftApprove = decide(
      orderWorkflow,
      { ...submitted, status: 'draft' },
      'approve',
      ctxFor(actor('csManager'), key),
    );
    expect(draftApprove.ok || draftApprove.refusal.kind).toBe('conflict');
    expect(
      (decide(orderWorkflow, submitted, 'fly', ctxFor(actor('csManager'), key)) as { refusal: { kind: string } })
        .refusal.kind,
    ).toBe('not-found');
  });

  it('routes to the branchGM only when the order is beyond the remaining credit (5.10.4)', () => {
    const within = decide(orderWorkflow, submitted, 'approve', ctxFor(actor('csManager'), key, 400));
    expect(within.ok && within.decision.to).toBe('approved');
    const over = decide(orderWorkflow, submitted, 'approve', ctxFor(actor('csManager'), key, 400.01));
    expect(over.ok && over.decision.to).toBe('gmApproval');
    expect(needsGmApproval(submitted, ctxFor(actor('csManager'), key, 400.01))).toBe(true);
    // the csManager's approval does not release a gmApproval order; only the branchGM does
    const gmStep = { ...submitted, status: 'gmApproval' };
    expect(
      (decide(orderWorkflow, gmStep, 'approve', ctxFor(actor('csManager'), key)) as { refusal: { kind: string } })
        .refusal.kind,
    ).toBe('forbidden');
    const gm = decide(orderWorkflow, gmStep, 'approve', ctxFor(actor('branchGM'), key));
    expect(gm.ok && gm.decision.to).toBe('approved');
    expect(gm.ok && gm.decision.approval).toMatchObject({ role: 'branchGM', decision: 'approve', step: 'gmApproval' });
  });

  it('a reject needs a reason; only the e-commerce group confirms web orders; assistants act on their own orders', () => {
    const noReason = decide(orderWorkflow, submitted, 'reject', ctxFor(actor('csManager'), key), '  ');
    expect(noReason.ok || noReason.refusal.kind).toBe('rule');
    const web = { id: 2, status: 'pendingConfirmation', linesConfirmed: true, assistantId: null };
    const smbGroup = decide(orderWorkflow, web, 'confirm', ctxFor(actor('assistant', 3, 'smb'), key));
    expect(smbGroup.ok || smbGroup.refusal.kind).toBe('forbidden');
    expect(decide(orderWorkflow, web, 'confirm', ctxFor(actor('assistant', 3, 'ecommerce'), key)).ok).toBe(true);
    const other = decide(
      orderWorkflow,
      { ...submitted, status: 'draft', linesConfirmed: true },
      'submit',
      ctxFor(actor('assistant', 8), key),
    );
    expect(other.ok || other.refusal.kind).toBe('forbidden');
  });

  it('6.2.1 lines must be confirmed before submitting', () => {
    const r = decide(
      orderWorkflow,
      { id: 3, status: 'draft', assistantId: 7 },
      'submit',
      ctxFor(actor('assistant', 7), key),
    );
    expect(r.ok || r.refusal.rule).toBe('6.2.1');
  });

  it('availableActions shows each role only its buttons', () => {
    const names = (role: Role, doc: DocRecord) =>
      availableActions(orderWorkflow, doc, ctxFor(actor(role, 7), key)).map((a) => a.action);
    expect(names('csManager', submitted)).toEqual(['approve', 'reject', 'cancel']);
    expect(names('assistant', submitted)).toEqual(['cancel']);
    expect(names('orderDesk', { ...submitted, status: 'approved' })).toEqual(['pick']);
    expect(names('driver', { ...submitted, status: 'shipped' })).toEqual(['deliver']);
  });
});
