import { describe, expect, it } from 'vitest';
import { atShanghai } from '../../../src/domain/calendar';
import type { DocRecord, RuleContext } from '../../../src/domain/definition';
import { computeReturn, returnRules, returnWorkflow } from '../../../src/domain/documents/service/returns';
import { daysSinceInvoice, returnWindowRefusal } from '../../../src/domain/rules/service/returns';
import { decide } from '../../../src/domain/workflow';
import { actor, ctxOf, product } from './helpers';

const order: DocRecord = {
  id: 7,
  code: 'SO-20261110-0001',
  status: 'delivered',
  customerId: 3,
  customerName: '深圳市测试有限公司',
  receivedAt: atShanghai('2026-11-09', '10:00').toISOString(),
  deliveredAt: atShanghai('2026-11-10', '11:00').toISOString(),
  lines: [
    { productId: 1, qty: 5, unitPrice: 12.5 },
    { productId: 2, qty: 2, unitPrice: 300 },
    { productId: 3, qty: 1, unitPrice: 2000 },
    { productId: 4, qty: 3, unitPrice: 80 },
  ],
};
const products = {
  1: product(1),
  2: product(2, { category: 'oaConsumable' }),
  3: product(3, { category: 'oaEquipment' }),
  4: product(4, { catalog: false }),
};

function ctx(now: Date, extra: Partial<RuleContext> = {}): RuleContext {
  return ctxOf(now, {
    refs: { orderId: order },
    lineRefs: { productId: products },
    facts: { returnedQty: '{}' },
    ...extra,
  });
}
const draft = (over: DocRecord = {}): DocRecord => ({
  orderId: 7,
  kind: 'return',
  reasonType: 'notNeeded',
  reason: '多订了',
  lines: [{ productId: 1, qty: 2 }],
  ...over,
});
const rulesAt = (day: string, doc: DocRecord, extra: Partial<RuleContext> = {}) => {
  const c = ctx(atShanghai(day, '10:00'), extra);
  return returnRules(computeReturn(doc, c), c);
};
const rules = (list: { rule?: string }[]) => list.map((r) => r.rule);

describe('5.3.2 / 5.7.2 the 15-day window from the invoice date', () => {
  it('counts calendar days from the invoice day', () => {
    expect(daysSinceInvoice('2026-11-10', atShanghai('2026-11-25', '23:59'))).toBe(15);
    expect(daysSinceInvoice('2026-11-10', atShanghai('2026-11-26', '00:00'))).toBe(16);
  });
  it('day 15 is in, day 16 is out', () => {
    expect(returnWindowRefusal('2026-11-10', atShanghai('2026-11-25', '17:00'))).toBeNull();
    const r = returnWindowRefusal('2026-11-10', atShanghai('2026-11-26', '08:00'));
    expect(r?.rule).toBe('5.3.2');
    expect(r?.errors?.invoiceDate).toBeTruthy();
  });
  it('the invoice date defaults to the delivery day, and the whole return passes on day 15 but not day 16', () => {
    const c = ctx(atShanghai('2026-11-25', '10:00'));
    const computed = computeReturn(draft(), c);
    expect(computed.invoiceDate).toBe('2026-11-10');
    expect(computed.customerId).toBe(3);
    expect(computed.orderCode).toBe('SO-20261110-0001');
    expect(computed.total).toBe(25); // 2 × 12.50 at the order's price
    expect(rulesAt('2026-11-25', draft())).toEqual([]);
    expect(rules(rulesAt('2026-11-26', draft()))).toEqual(['5.3.2']);
  });
  it('a later invoice date moves the window; it may not be before the order nor in the future', () => {
    expect(rulesAt('2026-11-26', draft({ invoiceDate: '2026-11-12' }))).toEqual([]);
    expect(rules(rulesAt('2026-11-26', draft({ invoiceDate: '2026-11-08' })))).toContain('5.7.2');
    expect(rules(rulesAt('2026-11-26', draft({ invoiceDate: '2026-11-27' })))).toContain('5.7.2');
  });
  it('OA equipment past the window points to the one-year warranty', () => {
    const r = rulesAt(
      '2026-11-30',
      draft({ reasonType: 'qualityDefect', lines: [{ productId: 3, qty: 1, makerConfirmed: true }] }),
    );
    expect(r.map((x) => x.message.zh).join()).toContain('一年保修');
  });
});

describe('6.9.1 eligibility against the delivery note', () => {
  it('only a delivered order, only products on it, at most the quantity delivered', () => {
    expect(
      rules(rulesAt('2026-11-12', draft(), { refs: { orderId: { ...order, status: 'shipped', deliveredAt: null } } })),
    ).toEqual(['6.9.1']);
    expect(rules(rulesAt('2026-11-12', draft({ lines: [{ productId: 9, qty: 1 }] })))).toEqual(['6.9.1']);
    expect(rulesAt('2026-11-12', draft({ lines: [{ productId: 1, qty: 5 }] }))).toEqual([]);
    const over = rulesAt('2026-11-12', draft({ lines: [{ productId: 1, qty: 6 }] }));
    expect(rules(over)).toEqual(['6.9.1']);
    expect(over[0].errors).toHaveProperty(['lines.0.qty']);
  });
  it("counts what the order's other returns already take back", () => {
    expect(
      rules(rulesAt('2026-11-12', draft({ lines: [{ productId: 1, qty: 3 }] }), { facts: { returnedQty: '{"1":3}' } })),
    ).toEqual(['6.9.1']);
    expect(
      rulesAt('2026-11-12', draft({ lines: [{ productId: 1, qty: 2 }] }), { facts: { returnedQty: '{"1":3}' } }),
    ).toEqual([]);
  });
});

describe('5.3.2 / 5.7.2 quality defects by category', () => {
  const defect = (productId: number, makerConfirmed: boolean) =>
    draft({ reasonType: 'qualityDefect', kind: 'exchange', lines: [{ productId, qty: 1, makerConfirmed }] });
  it('stationery: free exchange within 15 days, no maker test', () =>
    expect(rulesAt('2026-11-20', defect(1, false))).toEqual([]));
  it('OA consumables: only once the maker confirmed the defect', () => {
    expect(rules(rulesAt('2026-11-20', defect(2, false)))).toEqual(['5.3.2']);
    expect(rulesAt('2026-11-20', defect(2, true))).toEqual([]);
  });
  it('OA equipment within 15 days: the brand service centre tests it first (5.7.2)', () => {
    expect(rules(rulesAt('2026-11-20', defect(3, false)))).toEqual(['5.7.2']);
    expect(rulesAt('2026-11-20', defect(3, true))).toEqual([]);
  });
  it('other reasons need no maker test', () =>
    expect(rulesAt('2026-11-20', draft({ lines: [{ productId: 2, qty: 1 }] }))).toEqual([]));
});

describe('routing: 6.9.2 merchandise planning, 6.9.5 special goods to loss prevention, 6.9.4 same day', () => {
  const at = atShanghai('2026-11-12', '10:00');
  const asUser = (role: Parameters<typeof actor>[0], id = 1) => ({ ...ctx(at), user: actor(role, id) });
  const submitted = (doc: DocRecord) =>
    decide(
      returnWorkflow,
      { ...computeReturn(doc, ctx(at)), status: 'draft', assistantId: 1 },
      'submit',
      asUser('assistant'),
    );
  it('a normal return goes to merchandise planning', () => {
    const d = submitted(draft());
    expect(d.ok && d.decision.to).toBe('submitted');
  });
  it('special goods (outside the catalog, or flagged on the line) go to loss prevention', () => {
    const byCatalog = submitted(draft({ lines: [{ productId: 4, qty: 1 }] }));
    expect(byCatalog.ok && byCatalog.decision.to).toBe('lossReview');
    const byFlag = submitted(draft({ lines: [{ productId: 1, qty: 1, special: true }] }));
    expect(byFlag.ok && byFlag.decision.to).toBe('lossReview');
  });
  it('another assistant may not submit my draft (403); the window is checked again on submit (422)', () => {
    const doc = { ...computeReturn(draft(), ctx(at)), status: 'draft', assistantId: 1, createdBy: 1 };
    const other = decide(returnWorkflow, doc, 'submit', asUser('assistant', 2));
    expect(!other.ok && other.refusal.kind).toBe('forbidden');
    const late = decide(returnWorkflow, doc, 'submit', {
      ...ctx(atShanghai('2026-11-26', '09:00')),
      user: actor('assistant', 1),
    });
    expect(!late.ok && [late.refusal.kind, late.refusal.rule]).toEqual(['rule', '5.3.2']);
  });
  it('only merchandise planning approves; a partial chain never skips a step', () => {
    const doc = { ...computeReturn(draft(), ctx(at)), status: 'submitted', assistantId: 1 };
    for (const role of ['assistant', 'csManager', 'orderDesk', 'warehouse', 'lossPrevention'] as const) {
      const r = decide(returnWorkflow, doc, 'approve', asUser(role));
      expect(!r.ok && r.refusal.kind, role).toBe('forbidden');
    }
    const ok = decide(returnWorkflow, doc, 'approve', asUser('merchPlanning'));
    expect(ok.ok && ok.decision.to).toBe('approved');
    const print = decide(returnWorkflow, doc, 'print', asUser('orderDesk'));
    expect(!print.ok && print.refusal.kind).toBe('conflict');
  });
  it("the warehouse takes goods back only with the customer's signature (6.9.3)", () => {
    const doc = { ...computeReturn(draft(), ctx(at)), status: 'collected' };
    const r = decide(returnWorkflow, doc, 'inspect', asUser('warehouse'));
    expect(!r.ok && r.refusal.rule).toBe('6.9.3');
    expect(decide(returnWorkflow, { ...doc, customerSigned: true }, 'inspect', asUser('warehouse')).ok).toBe(true);
  });
  it('the formal return note puts returned goods back into stock; an exchange swaps like for like', () => {
    const doc = {
      ...computeReturn(
        draft({
          lines: [
            { productId: 1, qty: 2 },
            { productId: 2, qty: 1 },
          ],
        }),
        ctx(at),
      ),
      status: 'inspected',
    };
    const r = decide(returnWorkflow, doc, 'finalize', asUser('orderDesk'));
    expect(r.ok && r.decision.effects).toEqual([
      { kind: 'adjustStock', productId: 1, delta: 2, rule: '6.9.3' },
      { kind: 'adjustStock', productId: 2, delta: 1, rule: '6.9.3' },
    ]);
    const ex = decide(returnWorkflow, { ...doc, kind: 'exchange' }, 'finalize', asUser('orderDesk'));
    expect(ex.ok && ex.decision.effects).toEqual([]);
  });
  it('6.9.4 same day: only for an order delivered today, never for special goods', () => {
    const today = atShanghai('2026-11-10', '15:00');
    const c = { ...ctx(today), user: actor('driver') };
    const doc = { ...computeReturn(draft({ sameDay: true }), ctx(today)), status: 'atDelivery' };
    expect(returnWorkflow.initial(doc, c)).toBe('atDelivery');
    const ok = decide(returnWorkflow, doc, 'sameDayReturn', c);
    expect(ok.ok && [ok.decision.to, ok.decision.patch.customerSigned, ok.decision.patch.driverSigned]).toEqual([
      'collected',
      true,
      true,
    ]);
    const nextDay = decide(returnWorkflow, doc, 'sameDayReturn', {
      ...ctx(atShanghai('2026-11-11', '09:00')),
      user: actor('driver'),
    });
    expect(!nextDay.ok && nextDay.refusal.rule).toBe('6.9.4');
    const special = {
      ...computeReturn(draft({ sameDay: true, lines: [{ productId: 4, qty: 1 }] }), ctx(today)),
      status: 'atDelivery',
    };
    const sp = decide(returnWorkflow, special, 'sameDayReturn', c);
    expect(!sp.ok && sp.refusal.rule).toBe('6.9.5');
    expect(rules(rulesAt('2026-11-11', draft({ sameDay: true })))).toEqual(['6.9.4']);
  });
});
