import { describe, expect, it } from 'vitest';
import {
  computeCreditApplication,
  creditApplicationRules,
  creditApplicationWorkflow,
  eligibilityRefusals,
} from '../../../src/domain/documents/approvals/creditApplications';
import {
  creditEligibility,
  creditReviewDue,
  lastFullMonths,
  monthlyAverageFen,
  monthsTrading,
} from '../../../src/domain/rules/approvals/credit';
import { decide } from '../../../src/domain/workflow';
import { actor, at, ctxOf, customer, iso } from './helpers';

const NOW = at('2026-11-27', '10:00');

describe('5.11.1 eligibility', () => {
  it('3 months of trading exactly is enough; one day less is not', () => {
    const exactly = customer({ firstTradeAt: iso('2026-08-27', '09:00') });
    const dayShort = customer({ firstTradeAt: iso('2026-08-28', '09:00') });
    expect(creditEligibility(exactly, 15000, NOW)).toEqual({
      tradingOk: true,
      goodRecord: true,
      volumeOk: true,
      eligible: true,
    });
    expect(creditEligibility(dayShort, 15000, NOW)).toMatchObject({ tradingOk: false, eligible: false });
    expect(monthsTrading(exactly, NOW)).toBe(3);
    expect(monthsTrading(dayShort, NOW)).toBe(2);
    expect(creditEligibility(customer({ firstTradeAt: null }), 99999, NOW).eligible).toBe(false);
  });

  it('5000 a month on average is enough; 4999.99 is not (3 full months: 15000.00 vs 14999.97)', () => {
    const c = customer();
    expect(creditEligibility(c, 15000, NOW).volumeOk).toBe(true);
    expect(creditEligibility(c, 14999.99, NOW).volumeOk).toBe(false);
    expect(creditEligibility(c, 14999.97, NOW).volumeOk).toBe(false);
    // the average shown is floored to the fen: 14999.99 / 3 shows 4999.99, never 5000.00
    expect(monthlyAverageFen(1499999)).toBe(499999);
    expect(monthlyAverageFen(1500000)).toBe(500000);
  });

  it('a customer with overdue payments is not in good standing', () => {
    expect(creditEligibility(customer({ overdue: true }), 50000, NOW)).toMatchObject({
      goodRecord: false,
      eligible: false,
    });
  });

  it('the last 3 full months are calendar months in Shanghai', () => {
    expect(lastFullMonths(NOW)).toEqual({ from: '2026-07-31T16:00:00.000Z', to: '2026-10-31T15:59:59.999Z' });
    expect(lastFullMonths(at('2026-01-01', '00:00'))).toEqual({
      from: '2025-09-30T16:00:00.000Z',
      to: '2025-12-31T15:59:59.999Z',
    });
  });

  it('the application shows the facts; every unmet condition is a 5.11.1 refusal on submit', () => {
    const ctx = ctxOf({
      now: NOW,
      user: actor('salesRep', 5),
      refs: { customerId: customer({ firstTradeAt: iso('2026-09-01') }) },
      facts: { customerOrders3FullMonths: 14999.99 },
    });
    const c = computeCreditApplication({ customerId: 1, requestedLimit: 30000 }, ctx);
    expect(c).toMatchObject({
      kind: 'new',
      monthsTrading: 2,
      ordersLast3Months: 14999.99,
      avgMonthlyOrders: 4999.99,
      eligible: false,
      overdue: false,
      salesRepId: 5,
    });
    expect(creditApplicationRules(c, ctx)).toEqual([]); // a draft may be kept
    expect(eligibilityRefusals(ctx).map((r) => [r.rule, Object.keys(r.errors ?? {})[0]])).toEqual([
      ['5.11.1', 'monthsTrading'],
      ['5.11.1', 'avgMonthlyOrders'],
    ]);
    const submit = decide(creditApplicationWorkflow, { ...c, status: 'draft', createdBy: 5 }, 'submit', ctx);
    expect(!submit.ok && [submit.refusal.kind, submit.refusal.rule]).toEqual(['rule', '5.11.1']);
  });

  it('one application under way per customer', () => {
    const ctx = ctxOf({
      now: NOW,
      user: actor('salesRep', 5),
      refs: { customerId: customer() },
      facts: { openCreditApplications: 1 },
    });
    expect(creditApplicationRules({ customerId: 1, requestedLimit: 20000 }, ctx).map((r) => r.rule)).toEqual([
      '5.11.2',
    ]);
  });
});

describe('5.11.2 review chain and the grant', () => {
  const approvedFacts = { customerOrders3FullMonths: 30000, previousCreditApplicationId: null };
  it('supervisor → sales manager → finance → branchGM, each only at its own step', () => {
    const steps: [string, 'officeSupervisor' | 'salesManager' | 'finance', string][] = [
      ['supervisorReview', 'officeSupervisor', 'salesManagerReview'],
      ['salesManagerReview', 'salesManager', 'financeReview'],
      ['financeReview', 'finance', 'gmApproval'],
    ];
    for (const [from, role, to] of steps) {
      const ok = decide(creditApplicationWorkflow, { status: from }, 'approve', ctxOf({ user: actor(role) }));
      expect(ok.ok && ok.decision.to).toBe(to);
      for (const other of ['officeSupervisor', 'salesManager', 'finance', 'branchGM'] as const) {
        if (other === role) continue;
        const no = decide(creditApplicationWorkflow, { status: from }, 'approve', ctxOf({ user: actor(other) }));
        expect(!no.ok && no.refusal.kind, `${other} at ${from}`).toBe('forbidden');
      }
    }
    const byRep = decide(
      creditApplicationWorkflow,
      { status: 'gmApproval' },
      'approve',
      ctxOf({ user: actor('salesRep') }),
    );
    expect(!byRep.ok && byRep.refusal.kind).toBe('forbidden');
  });

  it('the branchGM grants the limit as a credit key account, review due in 6 months', () => {
    const ctx = ctxOf({
      now: at('2026-08-31', '11:00'),
      user: actor('branchGM'),
      refs: { customerId: customer({ tier: 'smb' }) },
      facts: approvedFacts,
    });
    const out = decide(
      creditApplicationWorkflow,
      { id: 4, status: 'gmApproval', customerId: 1, requestedLimit: 30000, salesRepId: 5 },
      'approve',
      ctx,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.decision.to).toBe('approved');
    expect(out.decision.patch).toMatchObject({ approvedLimit: 30000, reviewDueAt: '2027-02-28', eligible: true });
    expect(out.decision.effects).toEqual([
      {
        kind: 'patch',
        resource: 'customers',
        id: 1,
        patch: {
          settlement: 'credit',
          creditLimit: 30000,
          tier: 'keyAccount',
          tierBasis: 'creditLine',
          creditReviewDue: '2027-02-28',
          salesRepId: 5,
        },
        rule: '5.11.2',
      },
    ]);
  });

  it('the branchGM may grant less than requested (the approvedLimit param), never more', () => {
    const ctx = ctxOf({ now: NOW, user: actor('branchGM'), refs: { customerId: customer() }, facts: approvedFacts });
    const base = { id: 4, status: 'gmApproval', customerId: 1, requestedLimit: 30000 };
    const less = decide(creditApplicationWorkflow, { ...base, approvedLimit: 25000 }, 'approve', ctx);
    expect(less.ok && less.decision.patch.approvedLimit).toBe(25000);
    expect(less.ok && less.decision.effects[0]).toMatchObject({
      kind: 'patch',
      resource: 'customers',
      patch: { creditLimit: 25000 },
    });
    const more = decide(creditApplicationWorkflow, { ...base, approvedLimit: 30000.01 }, 'approve', ctx);
    expect(!more.ok && [more.refusal.kind, more.refusal.rule, Object.keys(more.refusal.errors ?? {})]).toEqual([
      'rule',
      '5.11.2',
      ['approvedLimit'],
    ]);
    const zero = decide(creditApplicationWorkflow, { ...base, approvedLimit: 0 }, 'approve', ctx);
    expect(!zero.ok && zero.refusal.rule).toBe('5.11.2');
  });

  it('a review replaces the previous line: the old application leaves the due list', () => {
    const ctx = ctxOf({
      now: NOW,
      user: actor('branchGM'),
      refs: { customerId: customer({ settlement: 'credit', creditLimit: 20000 }) },
      facts: { ...approvedFacts, previousCreditApplicationId: 2 },
    });
    const out = decide(
      creditApplicationWorkflow,
      { id: 4, status: 'gmApproval', customerId: 1, requestedLimit: 50000 },
      'approve',
      ctx,
    );
    expect(out.ok && out.decision.effects[1]).toEqual({
      kind: 'patch',
      resource: 'creditApplications',
      id: 2,
      patch: { reviewDueAt: null, renewedById: 4 },
      rule: '5.11.4',
    });
  });

  it('the branchGM cannot grant it once the customer has fallen overdue (5.11.1 at approval time)', () => {
    const ctx = ctxOf({
      now: NOW,
      user: actor('branchGM'),
      refs: { customerId: customer({ overdue: true }) },
      facts: approvedFacts,
    });
    const out = decide(
      creditApplicationWorkflow,
      { id: 4, status: 'gmApproval', customerId: 1, requestedLimit: 30000 },
      'approve',
      ctx,
    );
    expect(!out.ok && [out.refusal.kind, out.refusal.rule]).toEqual(['rule', '5.11.1']);
  });

  it('5.11.4 the review date is six calendar months on (clamped to the month end)', () => {
    expect(creditReviewDue(at('2026-11-27'))).toBe('2027-05-27');
    expect(creditReviewDue(at('2026-08-31'))).toBe('2027-02-28');
  });
});
