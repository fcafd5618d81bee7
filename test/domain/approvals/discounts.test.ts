import { describe, expect, it } from 'vitest';
import type { DocRecord } from '../../../src/domain/definition';
import { computeDiscount, discountRules, discountWorkflow } from '../../../src/domain/documents/approvals/discounts';
import {
  discountAnswerDeadline,
  isPayoutRequestDay,
  marginAfterDiscountBp,
  marginSufficient,
} from '../../../src/domain/rules/approvals/discount';
import { decide } from '../../../src/domain/workflow';
import { actor, at, ctxOf, customer, iso, product } from './helpers';
import { BUILT_IN_CALENDAR } from '../../../src/domain/calendar';

const owner = actor('assistant', 7);

describe('6.14.3 payout requests only on days 7–10 and 25–27 (Shanghai)', () => {
  it.each([
    ['2026-11-06', false],
    ['2026-11-07', true],
    ['2026-11-10', true],
    ['2026-11-11', false],
    ['2026-11-24', false],
    ['2026-11-25', true],
    ['2026-11-27', true],
    ['2026-11-28', false],
    ['2026-02-27', true],
    ['2026-12-31', false],
  ])('%s → %s', (day, ok) => {
    expect(isPayoutRequestDay(at(day, '10:00'))).toBe(ok);
  });

  it('the day is the Shanghai one: 2026-11-06 16:30 UTC is already the 7th', () => {
    expect(isPayoutRequestDay(new Date('2026-11-06T16:30:00Z'))).toBe(true);
    expect(isPayoutRequestDay(new Date('2026-11-27T16:00:00Z'))).toBe(false); // 28th 00:00 Shanghai
  });

  const paid = { status: 'paidInFull', assistantId: 7, createdBy: 7, customerPaidInFull: true };
  it.each([
    ['2026-11-06', 422],
    ['2026-11-07', 200],
    ['2026-11-10', 200],
    ['2026-11-11', 422],
    ['2026-11-25', 200],
    ['2026-11-27', 200],
    ['2026-11-28', 422],
  ])('the requestPayout step on %s → %s', (day, status) => {
    const out = decide(discountWorkflow, paid, 'requestPayout', ctxOf({ now: at(day, '09:30'), user: owner }));
    if (status === 200) expect(out.ok).toBe(true);
    else expect(!out.ok && [out.refusal.kind, out.refusal.rule]).toEqual(['rule', '6.14.3']);
  });

  it('not before the customer has paid in full (6.14.3), even on a payout day', () => {
    const out = decide(
      discountWorkflow,
      { status: 'approved', assistantId: 7, createdBy: 7 },
      'requestPayout',
      ctxOf({ now: at('2026-11-25'), user: owner }),
    );
    expect(!out.ok && [out.refusal.kind, out.refusal.rule, out.refusal.message.en]).toEqual([
      'rule',
      '6.14.3',
      expect.stringContaining('paid in full'),
    ]);
  });

  it('another assistant cannot request the payout of someone else’s discount (403)', () => {
    const out = decide(
      discountWorkflow,
      paid,
      'requestPayout',
      ctxOf({ now: at('2026-11-25'), user: actor('assistant', 8) }),
    );
    expect(!out.ok && out.refusal.kind).toBe('forbidden');
  });
});

describe('6.14.2 the answer is due 3 working days after submission', () => {
  it('Thursday 10:00 → Tuesday 10:00 across the weekend', () => {
    expect(discountAnswerDeadline(at('2026-11-26', '10:00'), BUILT_IN_CALENDAR).toISOString()).toBe(
      iso('2026-12-01', '10:00'),
    );
  });
  it('across National Day: Tuesday 2026-09-29 → Friday 2026-10-09 (Sep 30, Oct 8, Oct 9)', () => {
    expect(discountAnswerDeadline(at('2026-09-29', '10:00'), BUILT_IN_CALENDAR).toISOString()).toBe(
      iso('2026-10-09', '10:00'),
    );
  });
  it('a make-up working Saturday counts: Thursday 2026-10-08 → Monday 2026-10-12 (Fri 9, Sat 10, Mon 12)', () => {
    expect(discountAnswerDeadline(at('2026-10-08', '15:00'), BUILT_IN_CALENDAR).toISOString()).toBe(
      iso('2026-10-12', '15:00'),
    );
  });
  it('submitted after hours: counts from the next working morning', () => {
    expect(discountAnswerDeadline(at('2026-11-27', '18:00'), BUILT_IN_CALENDAR).toISOString()).toBe(
      iso('2026-12-03', '08:00'),
    );
  });
  it('the submit step sets the deadline; the answer records whether it was on time', () => {
    const doc = { status: 'draft', assistantId: 7, createdBy: 7, lines: [], discountAmount: 0 };
    const ctx = ctxOf({ now: at('2026-11-26', '10:00'), user: owner });
    const submitted = decide(discountWorkflow, doc, 'submit', { ...ctx, lineRefs: { productId: {} } });
    // no lines: the margin guard refuses (no net sales)
    expect(!submitted.ok && submitted.refusal.rule).toBe('6.14.1');
    const p = product(1, 100, 70);
    const good = { ...doc, lines: [{ productId: 1, qty: 10, unitPrice: 100 }], discountAmount: 50 };
    const ok = decide(
      discountWorkflow,
      good,
      'submit',
      ctxOf({ now: at('2026-11-26', '10:00'), user: owner, products: [p] }),
    );
    expect(ok.ok && ok.decision.patch.answerDeadline).toBe(iso('2026-12-01', '10:00'));
    const late = decide(
      discountWorkflow,
      { ...good, status: 'gmApproval', answerDeadline: iso('2026-12-01', '10:00') },
      'approve',
      ctxOf({ now: at('2026-12-01', '10:01'), user: actor('branchGM'), products: [p] }),
    );
    expect(late.ok && late.decision.patch.answeredOnTime).toBe(false);
    const onTime = decide(
      discountWorkflow,
      { ...good, status: 'gmApproval', answerDeadline: iso('2026-12-01', '10:00') },
      'approve',
      ctxOf({ now: at('2026-12-01', '10:00'), user: actor('branchGM'), products: [p] }),
    );
    expect(onTime.ok && onTime.decision.patch.answeredOnTime).toBe(true);
  });
});

describe('6.14.1 the gross margin after the discount stays at least 10 %', () => {
  // sales 1000.00, cost 800.00: net N, margin (N − 800)/N ≥ 10 % ⇔ N ≥ 888.89 ⇔ discount ≤ 111.11
  const p = product(1, 100, 80);
  const doc = (discountAmount: number): DocRecord => ({
    customerId: 1,
    lines: [{ productId: 1, qty: 10, unitPrice: 100 }],
    discountAmount,
    reason: '年度大单',
  });
  const ctx = ctxOf({ refs: { customerId: customer() }, products: [p] });

  it('exactly at the floor is allowed; one fen over is refused', () => {
    expect(marginSufficient({ salesFen: 100000, costFen: 90000, discountFen: 0 }, 1000)).toBe(true); // exactly 10 %
    expect(marginSufficient({ salesFen: 100000, costFen: 90001, discountFen: 0 }, 1000)).toBe(false);
    expect(discountRules(computeDiscount(doc(111.11), ctx), ctx)).toEqual([]);
    const r = discountRules(computeDiscount(doc(111.12), ctx), ctx);
    expect(r.map((x) => [x.rule, Object.keys(x.errors ?? {})])).toEqual([['6.14.1', ['discountAmount']]]);
    expect(r[0].message.zh).toContain('9.99%');
  });

  it('shows sales, cost, rate, margin and the fixed payout method', () => {
    const c = computeDiscount(doc(100), ctx);
    expect(c).toMatchObject({
      salesTotal: 1000,
      costTotal: 800,
      total: 100,
      discountRate: '10.00%',
      marginAfterDiscount: '11.11%',
      marginOk: true,
      payoutMethod: 'bankTransfer',
    });
    expect(marginAfterDiscountBp({ salesFen: 100000, costFen: 80000, discountFen: 10000 })).toBe(1111);
  });

  it('a discount of the whole amount or nothing is refused', () => {
    expect(discountRules(computeDiscount(doc(0), ctx), ctx).map((x) => x.rule)).toEqual(['6.14.1']);
    expect(discountRules(computeDiscount(doc(1000), ctx), ctx).map((x) => x.rule)).toEqual(['6.14.1']);
  });

  it('a branch may raise the floor in its settings', () => {
    const strict = ctxOf({
      refs: { customerId: customer() },
      products: [p],
      settings: { discountMinMarginPercent: 15 },
    });
    expect(discountRules(computeDiscount(doc(100), strict), strict).map((x) => x.rule)).toEqual(['6.14.1']); // 11.11 % < 15 %
    expect(discountRules(computeDiscount(doc(100), ctx), ctx)).toEqual([]);
  });

  it('a linked order must be the customer’s', () => {
    const other = ctxOf({ refs: { customerId: customer(), orderId: { id: 9, customerId: 2 } }, products: [p] });
    expect(
      discountRules(computeDiscount({ ...doc(50), orderId: 9 }, other), other).map(
        (x) => Object.keys(x.errors ?? {})[0],
      ),
    ).toEqual(['orderId']);
  });
});

describe('6.14.4 finance pays by bank transfer only, with the reference', () => {
  it('needs the transfer reference (comment) and only finance pays', () => {
    const doc = { status: 'payoutApproved', customerPaidInFull: true };
    const noRef = decide(discountWorkflow, doc, 'pay', ctxOf({ user: actor('finance') }));
    expect(!noRef.ok && noRef.refusal.kind).toBe('rule');
    const byCsm = decide(discountWorkflow, doc, 'pay', ctxOf({ user: actor('csManager') }), 'X');
    expect(!byCsm.ok && byCsm.refusal.kind).toBe('forbidden');
    // the server sets the step's params (transferRef) on the document before deciding
    const ok = decide(
      discountWorkflow,
      { ...doc, transferRef: 'CMB2026112600123' },
      'pay',
      ctxOf({ user: actor('finance'), now: at('2026-11-26') }),
      '已转账',
    );
    expect(ok.ok && ok.decision.patch).toEqual({
      paidAt: iso('2026-11-26'),
      payoutMethod: 'bankTransfer',
      transferRef: 'CMB2026112600123',
    });
    expect(ok.ok && ok.decision.approval.comment).toBe('已转账');
    expect(discountWorkflow.transitions.find((t) => t.action === 'pay')?.params).toEqual(['transferRef']);
  });
});
