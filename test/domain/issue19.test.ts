import { describe, expect, it } from 'vitest';
import type { DocRecord, RuleContext } from '../../src/domain/definition';
import { matchesPick } from '../../src/domain/definition';
import { DEFINITIONS } from '../../src/domain/documents';
import { gifts } from '../../src/domain/documents/approvals/gifts';
import { customers } from '../../src/domain/documents/customers';
import { orders, orderWorkflow } from '../../src/domain/documents/orders';
import { products } from '../../src/domain/documents/products';
import { quotes } from '../../src/domain/documents/sales/quotes';
import { returns } from '../../src/domain/documents/service/returns';
import { explain, waitingReason } from '../../src/domain/explain';
import { mayPrint, printRefusal, unofficialMark } from '../../src/domain/prints';
import { ROLE_IDS } from '../../src/domain/roles';
import { shortLines, stockCoversRefusal } from '../../src/domain/rules/stock';
import { decide } from '../../src/domain/workflow';
import { actor } from '../helpers/actors';

const NOW = new Date('2026-11-27T06:30:00Z');
const ctx = (role: Parameters<typeof actor>[0], extra: Partial<RuleContext> = {}): RuleContext => ({
  now: NOW,
  user: actor(role, 9),
  refs: {},
  lineRefs: {},
  facts: {},
  settings: {},
  ...extra,
});

const pen: DocRecord = { id: 1, sku: 'BP-1', name: '中性笔', stock: 10 };
const paper: DocRecord = { id: 2, sku: 'PA-1', name: '复印纸', stock: 99 };
const catalog = { 1: pen, 2: paper };

describe('5.6.4 lines short of stock', () => {
  it('counts the same product on several lines together, in line order; a line without a product is not short', () => {
    const lines = [
      { productId: 1, qty: 6 },
      { productId: 2, qty: 200 },
      { productId: 1, qty: 6 },
      { productId: null, qty: 1 },
    ];
    expect(shortLines(lines, catalog)).toEqual([
      { index: 1, productId: 2, name: '复印纸', sku: 'PA-1', qty: 200, available: 99, short: 101 },
      { index: 2, productId: 1, name: '中性笔', sku: 'BP-1', qty: 6, available: 4, short: 2 },
    ]);
    expect(shortLines([{ productId: 1, qty: 10 }], catalog)).toEqual([]);
  });

  it('refuses the pick naming the first short line, the count of the others, and what the procedure offers', () => {
    const r = stockCoversRefusal(
      [
        { productId: 2, qty: 200 },
        { productId: 1, qty: 11 },
      ],
      catalog,
    );
    expect(r).toMatchObject({ kind: 'rule', rule: '5.6.4' });
    expect(r?.message.zh).toBe(
      '库存不足，不能拣配：第1行 复印纸（PA-1）：订 200，库存 99，缺 101（另有 1 行缺货）；可开请购单 (6.5) 或申请调拨 (6.13)，到货后再拣配 (5.6.4)',
    );
    expect(Object.keys(r?.errors ?? {})).toEqual(['lines.0.qty']);
  });

  it('the pick (6.2.5) takes the lines out of stock as one move per product; refused while short', () => {
    const order: DocRecord = {
      id: 5,
      status: 'approved',
      lines: [
        { productId: 1, qty: 4 },
        { productId: 2, qty: 9 },
        { productId: 1, qty: 1 },
      ],
    };
    const ok = decide(orderWorkflow, order, 'pick', ctx('warehouse', { lineRefs: { productId: catalog } }));
    expect(ok.ok && ok.decision.effects).toEqual([
      { kind: 'adjustStock', productId: 1, delta: -5, rule: '6.2.5' },
      { kind: 'adjustStock', productId: 2, delta: -9, rule: '6.2.5' },
    ]);
    const short = decide(
      orderWorkflow,
      { ...order, lines: [{ productId: 1, qty: 11 }] },
      'pick',
      ctx('warehouse', { lineRefs: { productId: catalog } }),
    );
    expect(short.ok ? null : short.refusal.rule).toBe('5.6.4');
  });
});

describe('why a document waits on whom, and the facts the rule used', () => {
  const customer = {
    id: 3,
    tier: 'keyAccount',
    settlement: 'credit',
    creditLimit: 1000,
    firstTradeAt: '2025-01-01T00:00:00Z',
  };
  const credit = (status: string): DocRecord => ({
    id: 8,
    status,
    paymentMethod: 'credit',
    total: 800,
    lines: [{ productId: 1, qty: 3 }],
  });
  const c = ctx('branchGM', {
    refs: { customerId: customer },
    facts: { creditUsed: 400 },
    lineRefs: { productId: catalog },
  });

  it('orders: credit limit, used, remaining, this order and overrun (5.10.4); the GM is told why it waits on them', () => {
    const e = explain(orders, credit('gmApproval'), c);
    expect(Object.fromEntries(e.facts.map((f) => [f.key, f.amount]))).toEqual({
      creditLimit: 1000,
      creditUsed: 400,
      creditRemaining: 600,
      orderTotal: 800,
      creditOverrun: 200,
    });
    expect(e.waiting).toMatchObject({ roles: ['branchGM'], rule: '5.10.4' });
    expect(e.waiting?.reason.zh).toBe(
      '分公司总经理：赊销订单合计 ¥800.00，剩余信用额度 ¥600.00（额度 ¥1,000.00，已用 ¥400.00），超出 ¥200.00：经理审核后还须分公司总经理审批 (5.10.4)',
    );
    // a cash order has no credit facts; a final one waits on nobody
    expect(explain(orders, { ...credit('submitted'), paymentMethod: 'cash' }, c).facts).toEqual([]);
    expect(waitingReason(orders, credit('closed'), c)).toBeNull();
  });

  it('short lines are facts until the goods leave at picking', () => {
    const short = { ...credit('approved'), paymentMethod: 'cash', lines: [{ productId: 1, qty: 30 }] };
    expect(explain(orders, short, c).facts.map((f) => [f.key, f.rule, f.amount])).toEqual([['short.0', '5.6.4', 20]]);
    expect(waitingReason(orders, short, c)?.rule).toBe('5.6.4');
    expect(explain(orders, { ...short, status: 'picked' }, c).facts).toEqual([]);
  });

  it('every waiting state of every definition names its roles and a clause', () => {
    for (const def of Object.values(DEFINITIONS)) {
      for (const [status, st] of Object.entries(def.workflow?.states ?? {})) {
        if (st.final || !st.waitingOn?.length) continue;
        const doc = { status, lines: [], items: [] };
        const w = waitingReason(def, doc, ctx('admin'));
        // a role of `waitingWhere` waits only on the documents that match it (a picked cash order: finance, 5.4.2)
        expect(w?.roles, `${def.resource}.${status}`).toEqual(st.waitingOn.filter((r) => !st.waitingWhere?.[r]));
        expect(w?.rule, `${def.resource}.${status}`).toBeTruthy();
        expect(w?.reason.zh, `${def.resource}.${status}`).toContain(`(${w?.rule})`);
      }
    }
  });

  it('gifts: the one monthly-sales figure is the system’s (6.12.1); the assistant only comments', () => {
    expect(gifts.fields.monthlySales.required).toBeFalsy();
    expect(gifts.fields.avgMonthlyOrders.computed).toBe(true);
    const facts = explain(
      gifts,
      { status: 'gmApproval', avgMonthlyOrders: 8123.45, items: [{ qty: 2, unitPrice: 300 }] },
      ctx('branchGM'),
    ).facts;
    expect(facts.map((f) => [f.key, f.amount])).toEqual([
      ['monthlySales', 8123.45],
      ['giftTotal', 600],
      ['approver', undefined],
    ]);
  });

  it('quotes: each class against its band, outside it the manager (6.4.3)', () => {
    const q = { status: 'draft', customerId: 3, lines: [{ productId: 1, qty: 10, unitPrice: 10 }] };
    const withCost = ctx('assistant', {
      refs: { customerId: customer },
      lineRefs: { productId: { 1: { ...pen, cost: 9.5 } } },
    });
    const facts = explain(quotes, q, withCost).facts;
    expect(facts.find((f) => f.key === 'margin.normal')).toMatchObject({ amount: 5, range: [10, 20], tone: 'error' });
    expect(facts.find((f) => f.key === 'needsReview')).toBeTruthy();
  });
});

describe('paper that is official only when approved', () => {
  const orderAt = (status: string): DocRecord => ({ id: 1, status });

  it('every printed form is declared beside its fields: official statuses of its workflow, printers that are roles', () => {
    const declared = Object.values(DEFINITIONS).flatMap((def) =>
      Object.entries(def.prints ?? {}).map(([id, d]) => [def, id, d] as const),
    );
    expect(declared.map(([, id]) => id).sort()).toEqual([
      'creditEvaluation',
      'deliveryNote',
      'discountApproval',
      'draftReturnNote',
      'giftOutboundNote',
      'handwrittenReconciliation',
      'loanTransferNote',
      'pickingList',
      'quote',
      'salesReturnNote',
      'scrapApplication',
      'urgentDeliveryMemo',
    ]);
    for (const [def, id, d] of declared) {
      expect(id).toMatch(/^[a-zA-Z]{1,40}$/);
      for (const s of d.officialIn) expect(def.workflow?.states[s], `${id}: ${s}`).toBeDefined();
      for (const r of [...d.printers, ...(d.stepPrinters ?? [])]) expect(ROLE_IDS).toContain(r);
      for (const r of d.stepPrinters ?? []) expect(d.printers, `${id}: step printers print`).toContain(r);
    }
  });

  it('outside its statuses a form carries 草稿 / 未批准 / 已退回 — or, an outbound note, is not printed at all', () => {
    const quote = quotes.prints!.quote;
    expect(unofficialMark(quotes, quote, { status: 'draft' })?.zh).toBe('草稿');
    expect(unofficialMark(quotes, quote, { status: 'review' })?.zh).toBe('未批准');
    expect(unofficialMark(quotes, quote, { status: 'rejected' })?.zh).toBe('已退回');
    expect(unofficialMark(quotes, quote, { status: 'expired' })?.zh).toBe('已过期');
    expect(unofficialMark(quotes, quote, { status: 'sent' })).toBeNull();
    expect(mayPrint(quote, { status: 'rejected' })).toBe(true);
    const outbound = gifts.prints!.giftOutboundNote;
    expect(mayPrint(outbound, { status: 'draft' })).toBe(false);
    expect(mayPrint(outbound, { status: 'csReview' })).toBe(false);
    expect(mayPrint(outbound, { status: 'approved' })).toBe(true);
    expect(mayPrint(returns.prints!.salesReturnNote, { status: 'collected' })).toBe(false);
  });

  it('a print is recorded for the roles and statuses the form names: 404 / 403 / 409 with the clause', () => {
    expect(printRefusal(orders, 'quote', orderAt('approved'), 'orderDesk')?.kind).toBe('not-found');
    expect(printRefusal(orders, 'deliveryNote', orderAt('approved'), 'assistant')).toMatchObject({
      kind: 'forbidden',
      rule: '6.2.4',
    });
    expect(printRefusal(orders, 'deliveryNote', orderAt('submitted'), 'orderDesk')).toMatchObject({
      kind: 'conflict',
      rule: '6.2.4',
    });
    expect(printRefusal(orders, 'deliveryNote', orderAt('approved'), 'orderDesk')).toBeNull();
    expect(printRefusal(gifts, 'giftOutboundNote', { status: 'draft' }, 'warehouse')).toMatchObject({
      kind: 'conflict',
      rule: '6.12.3',
    });
  });
});

describe('fields and pickers the procedure scopes', () => {
  it('tier only by the CS manager (5.6.2), settlement and credit limit never by assistants (5.11.2), cost not to the shelf', () => {
    // issue 21: the tier follows the volume (nobody writes it; the CS manager overrides it), and no role writes the credit terms
    expect(customers.fields.tier.writableBy).toEqual([]);
    expect(customers.fields.tierOverride.writableBy).toEqual(['csManager']);
    expect(customers.fields.tier.writableRule).toBe('5.6.2');
    for (const f of ['settlement', 'creditLimit'] as const)
      expect([customers.fields[f].writableBy, customers.fields[f].writableRule]).toEqual([[], '5.11.2']);
    for (const r of ['warehouse', 'driver', 'orderDesk', 'lossPrevention'] as const)
      expect(products.fields.cost.readableBy).not.toContain(r);
    expect(products.fields.cost.readableBy).toContain('assistant');
  });

  it("a return's order: a delivered order of the chosen customer (6.9.1); refused by the rules when not", () => {
    const pick = returns.fields.orderId.pick!;
    expect(pick.filter({ customerId: 4 })).toEqual({ status: ['delivered', 'closed'], customerId: 4 });
    expect(matchesPick({ status: 'delivered', customerId: 4 }, pick.filter({ customerId: 4 }))).toBe(true);
    expect(matchesPick({ status: 'delivered', customerId: 5 }, pick.filter({ customerId: 4 }))).toBe(false);
    expect(matchesPick({ status: 'shipped', customerId: 4 }, pick.filter({ customerId: 4 }))).toBe(false);
  });
});
