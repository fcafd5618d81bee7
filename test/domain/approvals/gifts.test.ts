import { describe, expect, it } from 'vitest';
import type { DocRecord } from '../../../src/domain/definition';
import { computeGift, giftReleasedByGm, giftRules, giftWorkflow } from '../../../src/domain/documents/approvals/gifts';
import { festivalWindowAt } from '../../../src/domain/rules/approvals/festival';
import { GIFT_GM_LIMIT_FEN, needsFinanceDirector, withinGmLimit } from '../../../src/domain/rules/approvals/thresholds';
import { decide } from '../../../src/domain/workflow';
import { actor, at, ctxOf, customer, product } from './helpers';

const windows = [
  { name: '2026 中秋节', from: '2026-09-10', to: '2026-09-27' },
  { name: '2027 春节', from: '2027-01-18', to: '2027-02-10' },
];

const gift = (items: DocRecord[], extra: DocRecord = {}): DocRecord => ({
  customerId: 1,
  monthlySales: '约8000元/月',
  marginAssessment: '15%左右',
  creditStanding: '良好',
  paymentRecord: '按时回款',
  potential: '有扩大采购的计划',
  reason: '中秋节维护客情',
  items,
  ...extra,
});

describe('6.12.1 festival windows (edges inclusive, Shanghai days)', () => {
  it('takes the first and the last day of a window, not the day before or after', () => {
    expect(festivalWindowAt(at('2026-09-09', '23:59'), windows)).toBeNull();
    expect(festivalWindowAt(at('2026-09-10', '00:00'), windows)?.name).toBe('2026 中秋节');
    expect(festivalWindowAt(at('2026-09-27', '23:59'), windows)?.name).toBe('2026 中秋节');
    expect(festivalWindowAt(at('2026-09-28', '00:00'), windows)).toBeNull();
    expect(festivalWindowAt(at('2027-02-10', '17:00'), windows)?.name).toBe('2027 春节');
    expect(festivalWindowAt(at('2026-11-27'), windows)).toBeNull();
  });

  it('a Shanghai day, whatever UTC says: 2026-09-09 23:30 UTC is already the 10th in Shanghai', () => {
    expect(festivalWindowAt(new Date('2026-09-09T16:30:00Z'), windows)?.name).toBe('2026 中秋节');
    expect(festivalWindowAt(new Date('2026-09-09T15:59:59Z'), windows)).toBeNull();
  });

  it('refuses a gift application outside the windows with 6.12.1, accepts it inside', () => {
    const doc = gift([{ name: '月饼礼盒', qty: 2, unitPrice: 188 }]);
    const outside = ctxOf({
      now: at('2026-11-27'),
      refs: { customerId: customer() },
      settings: { giftWindows: windows },
    });
    expect(giftRules(computeGift(doc, outside), outside).map((r) => r.rule)).toEqual(['6.12.1']);
    const inside = ctxOf({
      now: at('2026-09-27', '17:00'),
      refs: { customerId: customer() },
      settings: { giftWindows: windows },
    });
    const computed = computeGift(doc, inside);
    expect(giftRules(computed, inside)).toEqual([]);
    expect(computed.festival).toBe('2026 中秋节');
    expect(computed.total).toBe(376);
    expect(computed.districtOffice).toBe('福田办事处');
  });

  it('the submit step is refused outside a window too (an old draft cannot go out after the festival)', () => {
    const doc = {
      ...gift([{ name: '月饼礼盒', qty: 1, unitPrice: 100 }]),
      status: 'draft',
      assistantId: 7,
      createdBy: 7,
    };
    const late = decide(
      giftWorkflow,
      doc,
      'submit',
      ctxOf({ now: at('2026-09-28'), settings: { giftWindows: windows } }),
    );
    expect(late.ok).toBe(false);
    if (!late.ok) expect([late.refusal.kind, late.refusal.rule]).toEqual(['rule', '6.12.1']);
    expect(
      decide(giftWorkflow, doc, 'submit', ctxOf({ now: at('2026-09-10', '08:30'), settings: { giftWindows: windows } }))
        .ok,
    ).toBe(true);
  });
});

describe('6.12.2 the branchGM releases gifts of at most 500 yuan (inclusive)', () => {
  it('500.00 is within, 500.01 is not', () => {
    expect(GIFT_GM_LIMIT_FEN).toBe(50000);
    expect(withinGmLimit(50000, GIFT_GM_LIMIT_FEN)).toBe(true);
    expect(withinGmLimit(50001, GIFT_GM_LIMIT_FEN)).toBe(false);
    expect(needsFinanceDirector(50000, GIFT_GM_LIMIT_FEN)).toBe(false);
    expect(needsFinanceDirector(50001, GIFT_GM_LIMIT_FEN)).toBe(true);
  });

  it('sums the items in fen: 3 × 166.67 = 500.01 needs the financeDirector; 2 × 250 does not', () => {
    expect(giftReleasedByGm(gift([{ name: '茶叶', qty: 2, unitPrice: 250 }]))).toBe(true);
    expect(giftReleasedByGm(gift([{ name: '茶叶', qty: 3, unitPrice: 166.67 }]))).toBe(false);
    expect(
      giftReleasedByGm(
        gift([
          { name: 'A', qty: 1, unitPrice: 0.1 },
          { name: 'B', qty: 1, unitPrice: 499.9 },
        ]),
      ),
    ).toBe(true);
  });

  it('the branchGM step goes to approved for 500 and to fdApproval for 500.01 — the financeDirector then releases it', () => {
    const gm = ctxOf({ user: actor('branchGM') });
    const at500 = decide(
      giftWorkflow,
      { ...gift([{ name: '礼盒', qty: 1, unitPrice: 500 }]), status: 'gmApproval' },
      'approve',
      gm,
    );
    const over = decide(
      giftWorkflow,
      { ...gift([{ name: '礼盒', qty: 1, unitPrice: 500.01 }]), status: 'gmApproval' },
      'approve',
      gm,
    );
    expect(at500.ok && at500.decision.to).toBe('approved');
    expect(over.ok && over.decision.to).toBe('fdApproval');
    // nobody but the financeDirector takes the last step; the warehouse cannot issue it yet
    const fdDoc = { ...gift([{ name: '礼盒', qty: 1, unitPrice: 500.01 }]), status: 'fdApproval' };
    const gmAgain = decide(giftWorkflow, fdDoc, 'approve', gm);
    expect(!gmAgain.ok && gmAgain.refusal.kind).toBe('forbidden');
    const issue = decide(giftWorkflow, fdDoc, 'issue', ctxOf({ user: actor('warehouse') }));
    expect(!issue.ok && issue.refusal.kind).toBe('conflict');
    const fd = decide(giftWorkflow, fdDoc, 'approve', ctxOf({ user: actor('financeDirector') }));
    expect(fd.ok && fd.decision.to).toBe('approved');
  });

  it('a catalog item is valued at no less than its catalog price (the limit cannot be dodged)', () => {
    const p = product(5, 260, 200);
    const ctx = ctxOf({ refs: { customerId: customer() }, products: [p], settings: { giftWindows: windows } });
    const cheap = computeGift(gift([{ productId: 5, qty: 2, unitPrice: 100 }]), ctx);
    expect(giftRules(cheap, ctx).map((r) => [r.rule, Object.keys(r.errors ?? {})[0]])).toEqual([
      ['6.12.2', 'items.0.unitPrice'],
    ]);
    const filled = computeGift(gift([{ productId: 5, qty: 2 }]), ctx);
    expect(filled.items).toEqual([{ productId: 5, qty: 2, name: '商品5', unitPrice: 260, amount: 520 }]);
    expect(filled.needsFinanceDirector).toBe(true);
    expect(giftRules(filled, ctx)).toEqual([]);
  });

  it('a free-text item needs a name and a price', () => {
    const ctx = ctxOf({ refs: { customerId: customer() }, settings: { giftWindows: windows } });
    const r = giftRules(computeGift(gift([{ qty: 1 }]), ctx), ctx);
    expect(r.flatMap((x) => Object.keys(x.errors ?? {}))).toEqual(
      expect.arrayContaining(['items.0.name', 'items.0.unitPrice']),
    );
  });
});

describe('6.12.3 issue on an other outbound note', () => {
  it('marks 赠送品 with the customer office and takes catalog items out of stock', () => {
    const doc = {
      id: 3,
      code: 'GF-20260915-0001',
      status: 'approved',
      districtOffice: '南山办事处',
      items: [
        { productId: 5, qty: 2, unitPrice: 260 },
        { name: '月饼', qty: 1, unitPrice: 100 },
        { productId: 5, qty: 1, unitPrice: 260 },
      ],
    };
    const out = decide(giftWorkflow, doc, 'issue', ctxOf({ user: actor('warehouse'), now: at('2026-11-27') }));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.decision.patch).toMatchObject({
      outboundNoteNo: 'CK-GF-20260915-0001',
      outboundMarking: '赠送品',
      districtOffice: '南山办事处',
    });
    expect(out.decision.effects).toEqual([{ kind: 'adjustStock', productId: 5, delta: -3, rule: '6.12.3' }]);
    const byAssistant = decide(giftWorkflow, doc, 'issue', ctxOf({ user: actor('assistant') }));
    expect(!byAssistant.ok && byAssistant.refusal.kind).toBe('forbidden');
  });
});
