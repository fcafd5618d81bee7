import { describe, expect, it } from 'vitest';
import type { DocRecord } from '../../../src/domain/definition';
import { orderRules, computeOrder } from '../../../src/domain/documents/orders';
import { computeQuote, quoteRules, quoteWorkflow } from '../../../src/domain/documents/sales/quotes';
import { linePriceRefusal } from '../../../src/domain/rules/pricing';
import { classMargins, marginPct, withinBand } from '../../../src/domain/rules/sales/margin';
import {
  isQuoteExpired,
  quoteReplyDeadline,
  quoteReplyLatest,
  replySla,
} from '../../../src/domain/rules/sales/quoteTime';
import { SALES_SETTINGS_DEFAULTS } from '../../../src/domain/rules/sales/settings';
import { decide } from '../../../src/domain/workflow';
import { actor, at, ctxOf, iso, KEY, NEW_KEY, NOW, PRODUCTS, SMB, step } from './helpers';
import { BUILT_IN_CALENDAR } from '../../../src/domain/calendar';

const product = (id: number, cost: number, extra: DocRecord = {}): DocRecord => ({
  id,
  sku: `T-${id}`,
  name: `商品${id}`,
  category: 'stationery',
  catalogPrice: 100,
  cost,
  catalog: true,
  active: true,
  ...extra,
});

/** a key-account quote of one line at 100 yuan for a product of the given cost */
function quoteFor(cost: number, extra: DocRecord = {}, customer = KEY) {
  const p = product(99, cost, extra);
  const ctx = ctxOf(actor('assistant', 7, 'keyAccount'), {
    refs: { customerId: customer },
    lineRefs: { productId: { 99: p } },
  });
  const doc = computeQuote(
    { customerId: customer.id, validUntil: '2026-12-10', lines: [{ productId: 99, qty: 3, unitPrice: 100 }] },
    ctx,
  );
  return { doc, ctx };
}

describe('6.4.3 margin band of key-account quotes', () => {
  it('normal goods: 10 % and 20 % are inside, 9.9 % and 20.1 % need the csManager', () => {
    const cases: [number, number, boolean][] = [
      [90.1, 9.9, true],
      [90, 10, false],
      [80, 20, false],
      [79.9, 20.1, true],
    ];
    for (const [cost, margin, review] of cases) {
      const { doc } = quoteFor(cost);
      expect(doc.margin, `cost ${cost}`).toBe(margin);
      expect((doc.lines as DocRecord[])[0].margin).toBe(margin);
      expect(doc.needsReview, `margin ${margin}`).toBe(review);
      expect(doc.total).toBe(300);
      expect(doc.costTotal).toBe(Math.round(cost * 300) / 100);
    }
  });

  it('special (non-catalog) goods: about 30 % — 25 %…35 % inside (assumption), 24.9 % and 35.1 % outside', () => {
    for (const [cost, review] of [
      [75.1, true],
      [75, false],
      [70, false],
      [65, false],
      [64.9, true],
    ] as const) {
      const { doc } = quoteFor(cost, { catalog: false });
      expect((doc.lines as DocRecord[])[0].marginClass).toBe('special');
      expect(doc.needsReview, `cost ${cost}`).toBe(review);
    }
    // a normal good at 30 % is outside the normal band
    expect(quoteFor(70).doc.needsReview).toBe(true);
  });

  it('equipment is priced flexibly: any margin passes', () => {
    for (const cost of [99, 95, 40, 10]) {
      const { doc } = quoteFor(cost, { category: 'oaEquipment' });
      expect((doc.lines as DocRecord[])[0].marginClass).toBe('equipment');
      expect(doc.needsReview).toBe(false);
    }
  });

  it('the band is on the overall margin (总体利润) of each class of goods, not line by line', () => {
    const ctx = ctxOf(actor('assistant', 7), {
      refs: { customerId: KEY },
      lineRefs: { productId: { 91: product(91, 95), 92: product(92, 75) } },
    });
    // 5 % and 25 % on equal amounts → 15 % overall
    const doc = computeQuote(
      {
        customerId: 10,
        validUntil: '2026-12-10',
        lines: [
          { productId: 91, qty: 1, unitPrice: 100 },
          { productId: 92, qty: 1, unitPrice: 100 },
        ],
      },
      ctx,
    );
    expect((doc.lines as DocRecord[]).map((l) => l.margin)).toEqual([5, 25]);
    expect(doc.margin).toBe(15);
    expect(doc.needsReview).toBe(false);
    // special goods at 10 % next to normal goods at 15 %: the special class is outside
    const mixed = computeQuote(
      {
        customerId: 10,
        validUntil: '2026-12-10',
        lines: [
          { productId: 1, qty: 1, unitPrice: 105 },
          { productId: 3, qty: 1, unitPrice: 77.78 },
        ],
      },
      ctxOf(actor('assistant', 7), { refs: { customerId: KEY }, lineRefs: { productId: PRODUCTS } }),
    );
    expect(mixed.needsReview).toBe(true);
    expect(String(mixed.reviewReason)).toContain('特殊商品');
  });

  it('exact arithmetic at the edges, and a zero price is outside', () => {
    expect(withinBand(10000, 9000, [10, 20])).toBe(true);
    expect(withinBand(10000, 9001, [10, 20])).toBe(false);
    expect(withinBand(10000, 8000, [10, 20])).toBe(true);
    expect(withinBand(10000, 7999, [10, 20])).toBe(false);
    expect(withinBand(0, 0, [10, 20])).toBe(false);
    expect(marginPct(0, 0)).toBeNull();
    expect(classMargins([{ cls: 'normal', amountFen: 333, costFen: 300 }], SALES_SETTINGS_DEFAULTS)[0]).toMatchObject({
      margin: 9.91,
      inBand: false,
    });
  });

  it('the band comes from settings when the branch sets it', () => {
    const p = product(99, 85);
    const ctx = ctxOf(actor('assistant', 7), {
      refs: { customerId: KEY },
      lineRefs: { productId: { 99: p } },
      settings: { quoteMarginMin: 16 },
    });
    expect(
      computeQuote(
        { customerId: 10, validUntil: '2026-12-10', lines: [{ productId: 99, qty: 1, unitPrice: 100 }] },
        ctx,
      ).needsReview,
    ).toBe(true);
  });

  it('SMB customers: catalog prices only, no custom goods, no band (6.4.3, 5.10.1)', () => {
    const ctx = ctxOf(actor('assistant', 8, 'smb'), { refs: { customerId: SMB }, lineRefs: { productId: PRODUCTS } });
    const ok = computeQuote(
      { customerId: 11, validUntil: '2026-12-10', lines: [{ productId: 1, qty: 1, unitPrice: 100 }] },
      ctx,
    );
    expect(quoteRules(ok, ctx)).toEqual([]);
    expect(ok.needsReview).toBe(false); // 10 % is the catalog's business, not a personalised price
    const off = computeQuote(
      {
        customerId: 11,
        validUntil: '2026-12-10',
        lines: [
          { productId: 1, qty: 1, unitPrice: 99.99 },
          { productId: 3, qty: 1, unitPrice: 35 },
        ],
      },
      ctx,
    );
    const rules = quoteRules(off, ctx);
    expect(rules.map((r) => [r.rule, Object.keys(r.errors ?? {})[0]])).toEqual([
      ['6.4.3', 'lines.0.unitPrice'],
      ['5.10.1', 'lines.1.productId'],
    ]);
  });
});

describe('6.4.6 customers in their first 3 months are quoted by the sales rep', () => {
  const body = (customer: DocRecord) => ({
    customerId: customer.id,
    validUntil: '2026-12-10',
    lines: [{ productId: 1, qty: 1, unitPrice: 112 }],
  });
  const rulesAs = (role: 'assistant' | 'salesRep', customer: DocRecord) => {
    const ctx = ctxOf(actor(role, role === 'salesRep' ? 5 : 7), {
      refs: { customerId: customer },
      lineRefs: { productId: PRODUCTS },
    });
    return quoteRules(computeQuote(body(customer), ctx), ctx);
  };
  it('an assistant is refused (403, 6.4.6); the sales rep may quote', () => {
    const r = rulesAs('assistant', NEW_KEY);
    expect(r).toHaveLength(1);
    expect([r[0].kind, r[0].rule]).toEqual(['forbidden', '6.4.6']);
    expect(rulesAs('salesRep', NEW_KEY)).toEqual([]);
    expect(rulesAs('assistant', KEY)).toEqual([]);
  });
  it('boundary: first trade exactly 3 months ago is no longer new; one day later still is', () => {
    expect(rulesAs('assistant', { ...KEY, firstTradeAt: iso('2026-08-27', '09:00') })).toEqual([]);
    expect(rulesAs('assistant', { ...KEY, firstTradeAt: iso('2026-08-28', '09:00') })[0]?.rule).toBe('6.4.6');
    expect(rulesAs('assistant', { ...KEY, firstTradeAt: null })[0]?.rule).toBe('6.4.6');
  });
  it('the quote is marked repQuote and only the rep sends it; the assistant may still follow up', () => {
    const ctx = ctxOf(actor('salesRep', 5), { refs: { customerId: NEW_KEY }, lineRefs: { productId: PRODUCTS } });
    const q: DocRecord = { ...computeQuote(body(NEW_KEY), ctx), id: 1, status: 'draft', createdBy: 5 };
    expect(q.repQuote).toBe(true);
    expect(q.quotedBy).toBe(5);
    expect(step(quoteWorkflow, q, 'send', { ...ctx, user: actor('assistant', 7) })).toEqual(['forbidden', '6.4.6']);
    expect(step(quoteWorkflow, q, 'send', ctx)).toEqual(['ok', 'sent']);
    expect(step(quoteWorkflow, { ...q, status: 'sent' }, 'accept', { ...ctx, user: actor('assistant', 7) })).toEqual([
      'ok',
      'accepted',
    ]);
  });
});

describe('6.4.5 reply within 4 working hours, at most one working day', () => {
  it('an inquiry at 15:00 on a Friday: due Monday 09:30, at the latest Monday 15:00', () => {
    expect(quoteReplyDeadline(at('2026-11-27', '15:00'), BUILT_IN_CALENDAR)).toEqual(at('2026-11-30', '09:30'));
    expect(quoteReplyLatest(at('2026-11-27', '15:00'), BUILT_IN_CALENDAR)).toEqual(at('2026-11-30', '15:00'));
  });
  it('midweek: 15:00 → next morning 09:30; 09:00 → 13:00 the same day; before National Day → after it', () => {
    expect(quoteReplyDeadline(at('2026-11-25', '15:00'), BUILT_IN_CALENDAR)).toEqual(at('2026-11-26', '09:30'));
    expect(quoteReplyDeadline(at('2026-11-25', '09:00'), BUILT_IN_CALENDAR)).toEqual(at('2026-11-25', '13:00'));
    expect(quoteReplyLatest(at('2026-11-25', '09:00'), BUILT_IN_CALENDAR)).toEqual(at('2026-11-26', '09:00'));
    expect(quoteReplyDeadline(at('2026-09-30', '15:00'), BUILT_IN_CALENDAR)).toEqual(at('2026-10-08', '09:30'));
  });
  it('classifies the reply: at the deadline on time, a minute later late, after a working day overdue', () => {
    const inq = at('2026-11-27', '15:00');
    expect(replySla(inq, at('2026-11-30', '09:30'), BUILT_IN_CALENDAR)).toBe('onTime');
    expect(replySla(inq, at('2026-11-30', '09:31'), BUILT_IN_CALENDAR)).toBe('withinDay');
    expect(replySla(inq, at('2026-11-30', '15:00'), BUILT_IN_CALENDAR)).toBe('withinDay');
    expect(replySla(inq, at('2026-11-30', '15:01'), BUILT_IN_CALENDAR)).toBe('overdue');
  });
  it('computes the deadlines from inquiryAt, which defaults to now and cannot be in the future', () => {
    const ctx = ctxOf(actor('assistant', 7), { refs: { customerId: KEY }, lineRefs: { productId: PRODUCTS } });
    const q = computeQuote(
      { customerId: 10, validUntil: '2026-12-10', lines: [{ productId: 1, qty: 1, unitPrice: 112 }] },
      ctx,
    );
    expect(q.inquiryAt).toBe(NOW.toISOString());
    expect(q.replyDeadline).toBe(iso('2026-11-27', '14:00'));
    expect(q.replyLatest).toBe(iso('2026-11-30', '10:00'));
    const future = computeQuote(
      {
        customerId: 10,
        validUntil: '2026-12-10',
        inquiryAt: iso('2026-11-27', '10:01'),
        lines: [{ productId: 1, qty: 1, unitPrice: 112 }],
      },
      ctx,
    );
    expect(quoteRules(future, ctx).map((r) => r.rule)).toEqual(['6.4.5']);
  });
  it('the send step records the reply time and how it kept 6.4.5', () => {
    const ctx = ctxOf(actor('assistant', 7), {
      now: at('2026-11-30', '09:45'),
      refs: { customerId: KEY },
      lineRefs: { productId: PRODUCTS },
    });
    const q = {
      ...computeQuote(
        {
          customerId: 10,
          validUntil: '2026-12-10',
          inquiryAt: iso('2026-11-27', '15:00'),
          lines: [{ productId: 1, qty: 1, unitPrice: 112 }],
        },
        ctx,
      ),
      id: 1,
      status: 'draft',
      createdBy: 7,
    };
    const r = decide(quoteWorkflow, q, 'send', ctx);
    expect(r.ok && r.decision.patch).toEqual({ repliedAt: iso('2026-11-30', '09:45'), replySla: 'withinDay' });
  });
});

describe('6.4.4 validity', () => {
  it('a quote is valid through its validUntil day and expired the day after', () => {
    expect(isQuoteExpired('2026-11-27', at('2026-11-27', '23:59'))).toBe(false);
    expect(isQuoteExpired('2026-11-27', at('2026-11-28', '00:00'))).toBe(true);
    expect(isQuoteExpired(undefined, NOW)).toBe(true);
  });
  it('validity before today is refused on save', () => {
    const ctx = ctxOf(actor('assistant', 7), { refs: { customerId: KEY }, lineRefs: { productId: PRODUCTS } });
    const body = (validUntil: string) =>
      computeQuote({ customerId: 10, validUntil, lines: [{ productId: 1, qty: 1, unitPrice: 112 }] }, ctx);
    expect(quoteRules(body('2026-11-27'), ctx)).toEqual([]);
    expect(quoteRules(body('2026-11-26'), ctx).map((r) => [r.rule, Object.keys(r.errors ?? {})])).toEqual([
      ['6.4.4', ['validUntil']],
    ]);
  });
  it('accept and convert are refused the day after validUntil; mark expired only then', () => {
    const base = {
      id: 3,
      code: 'QT-1',
      customerId: 10,
      validUntil: '2026-11-27',
      createdBy: 7,
      quotedBy: 7,
      lines: [{ productId: 1, qty: 2, unitPrice: 112 }],
    };
    const on = (day: string) =>
      ctxOf(actor('assistant', 7), {
        now: at(day, '09:00'),
        refs: { customerId: KEY },
        lineRefs: { productId: PRODUCTS },
      });
    expect(step(quoteWorkflow, { ...base, status: 'sent' }, 'accept', on('2026-11-27'))).toEqual(['ok', 'accepted']);
    expect(step(quoteWorkflow, { ...base, status: 'sent' }, 'accept', on('2026-11-28'))).toEqual(['rule', '6.4.4']);
    expect(step(quoteWorkflow, { ...base, status: 'accepted' }, 'convert', on('2026-11-27'))).toEqual([
      'ok',
      'converted',
    ]);
    expect(step(quoteWorkflow, { ...base, status: 'accepted' }, 'convert', on('2026-11-28'))).toEqual([
      'rule',
      '6.4.4',
    ]);
    expect(step(quoteWorkflow, { ...base, status: 'accepted' }, 'expire', on('2026-11-27'))).toEqual(['rule', '6.4.4']);
    expect(step(quoteWorkflow, { ...base, status: 'accepted' }, 'expire', on('2026-11-28'))).toEqual(['ok', 'expired']);
  });
});

describe('the quote workflow', () => {
  const ctx = (role: Parameters<typeof actor>[0], id = 7) =>
    ctxOf(actor(role, id), { refs: { customerId: KEY }, lineRefs: { productId: PRODUCTS } });
  const draft = (price: number): DocRecord => ({
    ...computeQuote(
      { customerId: 10, validUntil: '2026-12-10', lines: [{ productId: 1, qty: 1, unitPrice: price }] },
      ctx('assistant'),
    ),
    id: 4,
    code: 'QT-4',
    status: 'draft',
    createdBy: 7,
  });

  it('inside the band: sent directly; submitting for approval is refused as unnecessary', () => {
    expect(step(quoteWorkflow, draft(112), 'send', ctx('assistant'))).toEqual(['ok', 'sent']);
    expect(step(quoteWorkflow, draft(112), 'submit', ctx('assistant'))).toEqual(['rule', '6.4.3']);
  });

  it('outside the band: send refused (6.4.3) → submit → csManager approves → sent; each step its own state', () => {
    const q = draft(140); // 35.7 %
    expect(q.needsReview).toBe(true);
    expect(step(quoteWorkflow, q, 'send', ctx('assistant'))).toEqual(['rule', '6.4.3']);
    expect(step(quoteWorkflow, q, 'submit', ctx('assistant'))).toEqual(['ok', 'review']);
    const review = { ...q, status: 'review' };
    expect(step(quoteWorkflow, review, 'send', ctx('assistant'))).toEqual(['conflict', undefined]);
    expect(step(quoteWorkflow, review, 'approve', ctx('assistant'))[0]).toBe('forbidden');
    expect(step(quoteWorkflow, review, 'approve', ctx('salesRep', 5))[0]).toBe('forbidden');
    expect(step(quoteWorkflow, review, 'approve', ctx('csManager', 4))).toEqual(['ok', 'approved']);
    expect(step(quoteWorkflow, review, 'reject', ctx('csManager', 4), ' ')[0]).toBe('rule');
    expect(step(quoteWorkflow, { ...q, status: 'approved' }, 'send', ctx('assistant'))).toEqual(['ok', 'sent']);
  });

  it('assistants act on their own quotes only', () => {
    expect(step(quoteWorkflow, draft(112), 'send', ctx('assistant', 8))[0]).toBe('forbidden');
    expect(step(quoteWorkflow, { ...draft(112), status: 'accepted' }, 'convert', ctx('assistant', 8))[0]).toBe(
      'forbidden',
    );
    expect(step(quoteWorkflow, { ...draft(112), status: 'accepted' }, 'convert', ctx('salesRep', 5))).toEqual([
      'ok',
      'converted',
    ]);
  });

  it('convert creates a phone order with the quote’s customer, prices and link, lines to be confirmed (6.2.1)', () => {
    const q = { ...draft(112), status: 'accepted' };
    const r = decide(quoteWorkflow, q, 'convert', ctx('assistant'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.decision.effects).toEqual([
      {
        kind: 'create',
        resource: 'orders',
        rule: '6.4.4',
        link: 'orderId',
        record: {
          customerId: 10,
          channel: 'phone',
          paymentMethod: 'credit',
          quoteId: 4,
          lines: [{ productId: 1, qty: 1, unitPrice: 112 }],
          linesConfirmed: false,
          assistantId: 7,
          note: '由报价单 QT-4 转入（有效期至 2026-12-10）',
        },
      },
    ]);
    // cash for a customer without a credit line; the customer's assistant owns the order when the rep converts
    const cash = decide(
      quoteWorkflow,
      q,
      'convert',
      ctxOf(actor('salesRep', 5), { refs: { customerId: NEW_KEY }, lineRefs: { productId: PRODUCTS } }),
    );
    expect(cash.ok && cash.decision.effects[0]).toMatchObject({ record: { paymentMethod: 'cash', assistantId: 7 } });
  });
});

describe('6.4.4 the order pricing rule checks a key account’s off-catalog price against the quote', () => {
  const quote = {
    id: 30,
    code: 'QT-30',
    customerId: 10,
    status: 'accepted',
    validUntil: '2026-11-30',
    lines: [{ productId: 1, qty: 5, unitPrice: 112 }],
  };
  const orderCtx = (customer: DocRecord, q?: DocRecord, now = NOW) =>
    ctxOf(actor('assistant', 7), {
      now,
      refs: { customerId: customer, ...(q ? { quoteId: q } : {}) },
      lineRefs: { productId: PRODUCTS },
      facts: { creditUsed: 0 },
    });
  const order = (customer: DocRecord, price: number, q?: DocRecord, now = NOW) => {
    const ctx = orderCtx(customer, q, now);
    const o = computeOrder(
      {
        customerId: customer.id,
        channel: 'phone',
        paymentMethod: 'cash',
        quoteId: q?.id ?? null,
        lines: [{ productId: 1, qty: 5, unitPrice: price }],
      },
      ctx,
    );
    return orderRules(o, ctx).map((r) => r.rule);
  };

  it('accepted, unexpired, same customer, same price → accepted; at the catalog price no quote is needed', () => {
    expect(order(KEY, 112, quote)).toEqual([]);
    expect(order(KEY, 100)).toEqual([]);
    expect(order(KEY, 112, { ...quote, status: 'converted' })).toEqual([]);
  });
  it('refused without a quote, or when it does not match', () => {
    expect(order(KEY, 112)).toEqual(['6.4.4']);
    expect(order(KEY, 111.99, quote)).toEqual(['6.4.4']);
    expect(order(KEY, 112, { ...quote, status: 'sent' })).toEqual(['6.4.4']);
    expect(order(KEY, 112, { ...quote, status: 'declined' })).toEqual(['6.4.4']);
    expect(order(KEY, 112, { ...quote, customerId: 99 })).toEqual(['6.4.4']);
    expect(order(KEY, 112, { ...quote, lines: [{ productId: 2, qty: 1, unitPrice: 112 }] })).toEqual(['6.4.4']);
    expect(order(KEY, 112, quote, at('2026-11-30', '17:00'))).toEqual([]);
    expect(order(KEY, 112, quote, at('2026-12-01', '08:30'))).toEqual(['6.4.4']);
  });
  it('the quote is judged at the order’s time (receivedAt), not at a later edit', () => {
    const ctx = orderCtx(KEY, quote, at('2026-12-03', '10:00'));
    const r = linePriceRefusal(
      { productId: 1, qty: 5, unitPrice: 112 },
      0,
      PRODUCTS[1],
      KEY,
      { quoteId: 30, receivedAt: iso('2026-11-30', '10:00') },
      ctx.now,
      quote,
    );
    expect(r).toBeNull();
  });
  it('SMB customers pay catalog prices even with a quote (6.2.2); a new key account only with the rep’s quote', () => {
    expect(order(SMB, 112, { ...quote, customerId: 11 })).toEqual(['6.2.2']);
    expect(order(NEW_KEY, 112)).toEqual(['6.2.2']);
    expect(order(NEW_KEY, 112, { ...quote, customerId: 12 })).toEqual([]);
  });
});
