import { describe, expect, it } from 'vitest';
import { computeCustomer, customerRules } from '../../src/domain/documents/customers';
import {
  creditApplicationWorkflow,
  computeCreditApplication,
  creditApplicationRules,
} from '../../src/domain/documents/approvals/creditApplications';
import { creditFollowUpWorkflow } from '../../src/domain/documents/approvals/creditFollowUps';
import { creditRefusal } from '../../src/domain/rules/customerTerms';
import {
  monthlyVolumeFen,
  retierPatch,
  tierOf,
  tierOverrideRefusals,
  tierVolumeMonths,
} from '../../src/domain/rules/customerTier';
import { DEFAULT_SETTINGS, ASSUMPTIONS } from '../../src/domain/settings';
import { decide } from '../../src/domain/workflow';
import { actor, at, ctxOf, customer } from './approvals/helpers';

describe('5.6.2 the tier follows the volume', () => {
  it('over 5000 a month is a key account, 5000.00 is not; no orders: SMB', () => {
    expect(retierPatch({ tier: 'smb', tierBasis: 'volume' }, 15000.03, 3)).toEqual({
      monthlyVolume: 5000.01,
      volumeTier: 'keyAccount',
      tier: 'keyAccount',
    });
    expect(retierPatch({ tier: 'smb', tierBasis: 'volume' }, 15000, 3)).toEqual({
      monthlyVolume: 5000,
      volumeTier: 'smb',
    });
    expect(
      retierPatch({ tier: 'keyAccount', tierBasis: 'volume', volumeTier: 'keyAccount', monthlyVolume: 6000 }, 0, 3),
    ).toEqual({ monthlyVolume: 0, volumeTier: 'smb', tier: 'smb' });
    expect(tierOf({})).toEqual({ tier: 'smb', tierBasis: 'volume' });
  });

  it('the average is floored to the fen, over the months the settings name (an assumption, 3 by default)', () => {
    expect(monthlyVolumeFen(10000, 3)).toBe(333333);
    expect(tierVolumeMonths(DEFAULT_SETTINGS as unknown as Record<string, unknown>)).toBe(3);
    expect(tierVolumeMonths({ tierVolumeMonths: 6 })).toBe(6);
    expect(tierVolumeMonths({ tierVolumeMonths: 0 })).toBe(3);
    expect(ASSUMPTIONS.tierVolumeMonths?.zh).toContain('假设');
    expect(retierPatch({}, 30000.06, 6)).toMatchObject({ monthlyVolume: 5000.01, tier: 'keyAccount' });
  });

  it('an approved credit line keeps a key account whatever the volume; the manager’s override beats both', () => {
    const credit = { settlement: 'credit', creditLimit: 20000, volumeTier: 'smb' };
    expect(tierOf(credit)).toEqual({ tier: 'keyAccount', tierBasis: 'creditLine' });
    expect(retierPatch({ ...credit, tier: 'keyAccount', tierBasis: 'creditLine', monthlyVolume: 0 }, 0, 3)).toBeNull();
    expect(tierOf({ volumeTier: 'keyAccount', tierOverride: 'smb' })).toEqual({ tier: 'smb', tierBasis: 'override' });
    expect(
      retierPatch(
        { tier: 'keyAccount', tierBasis: 'override', tierOverride: 'keyAccount', volumeTier: 'smb', monthlyVolume: 0 },
        0,
        3,
      ),
    ).toBeNull();
  });

  it('an override names its reason (5.6.2); cleared, its reason goes with it', () => {
    expect(tierOverrideRefusals({ tierOverride: 'keyAccount', tierOverrideReason: ' ' })[0]).toMatchObject({
      kind: 'rule',
      rule: '5.6.2',
    });
    expect(tierOverrideRefusals({ tierOverride: 'keyAccount', tierOverrideReason: '集团采购' })).toEqual([]);
    expect(customerRules({ code: '100001', tierOverride: 'smb' }).map((r) => r.rule)).toEqual(['5.6.2']);
    expect(
      computeCustomer({ tierOverride: null, tierOverrideReason: '旧原因', volumeTier: 'keyAccount' }),
    ).toMatchObject({ tier: 'keyAccount', tierBasis: 'volume', tierOverrideReason: null });
  });
});

describe('5.5.2 a first order asking for credit', () => {
  it('is handed to the rep whatever the tier (the assistant judges the tier with the customer)', () => {
    const now = at('2026-11-27');
    expect(creditRefusal(customer({ firstTradeAt: null, tier: 'smb' }), now)?.rule).toBe('5.5.2');
    expect(creditRefusal(customer({ firstTradeAt: null }), now)?.rule).toBe('5.5.2');
    expect(creditRefusal(customer({ tier: 'smb' }), now)?.rule).toBe('6.2.3');
  });

  it('the rep marks the hand-off handled with the outcome; nobody else takes the step', () => {
    const doc = { id: 1, status: 'open', kind: 'firstCreditOrder', customerId: 1 };
    const rep = ctxOf({ user: actor('salesRep'), refs: { customerId: customer({ firstTradeAt: null }) } });
    expect(decide(creditFollowUpWorkflow, doc, 'handle', rep)).toMatchObject({
      ok: false,
      refusal: { kind: 'rule', rule: '5.5.2' },
    });
    expect(decide(creditFollowUpWorkflow, { ...doc, outcome: '已洽谈' }, 'handle', rep)).toMatchObject({
      ok: true,
      decision: { to: 'handled' },
    });
    expect(
      decide(creditFollowUpWorkflow, { ...doc, outcome: '已洽谈' }, 'handle', ctxOf({ user: actor('assistant') })),
    ).toMatchObject({ ok: false, refusal: { kind: 'forbidden' } });
  });
});

describe('5.11.4 a review follow-up', () => {
  const doc = { id: 2, status: 'open', kind: 'creditReview', customerId: 1, dueOn: '2026-11-20', outcome: '已复评' };
  const rep = (c: Record<string, unknown>) => ctxOf({ user: actor('salesRep'), refs: { customerId: customer(c) } });
  it('is handled only once a credit application moved the review date on, or took the line away', () => {
    expect(
      decide(
        creditFollowUpWorkflow,
        doc,
        'handle',
        rep({ settlement: 'credit', creditLimit: 1, creditReviewDue: '2026-11-20' }),
      ),
    ).toMatchObject({ ok: false, refusal: { rule: '5.11.4' } });
    expect(
      decide(
        creditFollowUpWorkflow,
        doc,
        'handle',
        rep({ settlement: 'credit', creditLimit: 1, creditReviewDue: '2027-05-27' }),
      ).ok,
    ).toBe(true);
    expect(decide(creditFollowUpWorkflow, doc, 'handle', rep({ settlement: 'cash', creditReviewDue: null })).ok).toBe(
      true,
    );
  });
});

describe('5.11.2 a revocation', () => {
  const lineHolder = customer({
    settlement: 'credit',
    creditLimit: 30000,
    tier: 'keyAccount',
    volumeTier: 'smb',
    creditReviewDue: '2026-11-20',
  });
  it('needs a line to revoke, no eligibility, and its approval takes the line away: cash, 0, no review date, tier by volume', () => {
    const ctx = ctxOf({ now: at('2026-11-27'), user: actor('branchGM'), refs: { customerId: lineHolder } });
    const app = computeCreditApplication(
      { id: 9, status: 'gmApproval', customerId: 1, revoke: true, requestedLimit: 5000 },
      ctx,
    );
    expect(app).toMatchObject({ kind: 'revocation', requestedLimit: 0 });
    expect(creditApplicationRules(app, ctx)).toEqual([]);
    expect(creditApplicationRules(app, ctxOf({ refs: { customerId: customer() } })).map((r) => r.rule)).toEqual([
      '5.11.2',
    ]);
    const out = decide(creditApplicationWorkflow, app, 'approve', ctx);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.decision.patch).toMatchObject({ approvedLimit: null, reviewDueAt: null });
    expect(out.decision.effects[0]).toMatchObject({
      resource: 'customers',
      patch: { settlement: 'cash', creditLimit: 0, creditReviewDue: null, tier: 'smb', tierBasis: 'volume' },
      rule: '5.11.2',
    });
  });

  it('a line granted sets the review six months on (5.11.4) and the tier on the credit line', () => {
    const ctx = ctxOf({
      now: at('2026-11-27'),
      user: actor('branchGM'),
      refs: { customerId: customer({ firstTradeAt: '2025-01-05T02:00:00.000Z' }) },
      facts: { customerOrders3FullMonths: 16000 },
    });
    const out = decide(
      creditApplicationWorkflow,
      { id: 3, status: 'gmApproval', customerId: 1, requestedLimit: 20000 },
      'approve',
      ctx,
    );
    expect(out.ok && out.decision.effects[0]).toMatchObject({
      patch: {
        settlement: 'credit',
        creditLimit: 20000,
        creditReviewDue: '2027-05-27',
        tier: 'keyAccount',
        tierBasis: 'creditLine',
      },
    });
  });
});
