import { describe, expect, it } from 'vitest';
import { STATUS_OF_KIND } from '../../server/core/refusal';
import type { DocRecord, RuleContext } from '../../src/domain/definition';
import { discountWorkflow } from '../../src/domain/documents/approvals/discounts';
import { giftRules } from '../../src/domain/documents/approvals/gifts';
import { needsGmApproval, orders, orderWorkflow } from '../../src/domain/documents/orders';
import { waitingReason } from '../../src/domain/explain';
import type { Role } from '../../src/domain/roles';
import { catalogNamesFact, freeTextGiftNames } from '../../src/domain/rules/approvals/giftNames';
import { isLargeOrder } from '../../src/domain/rules/fulfilment';
import { ASSUMPTIONS, DEFAULT_SETTINGS } from '../../src/domain/settings';
import { availableActions, decide, rowStepRefusal } from '../../src/domain/workflow';
import { actor } from '../helpers/actors';

/** Issue 21 in the domain: 5.10.4 large orders, 5.4.2 invoice, 6.2.4 printed list, 6.14.4 transfer reference, 6.12.2 typed catalog names. */

const ctx = (role: Role, extra: Partial<RuleContext> = {}): RuleContext => ({
  now: new Date('2026-11-27T02:00:00Z'),
  user: actor(role),
  refs: { customerId: { id: 1, tier: 'smb' } },
  lineRefs: {},
  facts: {},
  settings: {},
  ...extra,
});
const rule = (doc: DocRecord, action: string, role: Role, comment?: string, c = ctx(role)) => {
  const r = decide(orderWorkflow, doc, action, c, comment);
  return r.ok ? r.decision.to : [STATUS_OF_KIND[r.refusal.kind], r.refusal.rule];
};

describe('5.10.4 a large single order goes to the branch GM whatever the settlement', () => {
  it('at or above the settings’ threshold (100,000 yuan by default, an assumption): inclusive', () => {
    expect(DEFAULT_SETTINGS.largeOrderGmFrom).toBe(100_000);
    expect(ASSUMPTIONS.largeOrderGmFrom?.zh).toContain('假设');
    expect(isLargeOrder({ total: 100_000 }, {})).toBe(true);
    expect(isLargeOrder({ total: 99_999.99 }, {})).toBe(false);
    expect(isLargeOrder({ total: 60_000 }, { largeOrderGmFrom: 50_000 })).toBe(true);
    const cash = { paymentMethod: 'cash', total: 100_000, status: 'submitted' };
    expect(needsGmApproval(cash, ctx('csManager'))).toBe(true);
    expect(rule(cash, 'approve', 'csManager')).toBe('gmApproval');
    expect(rule({ ...cash, total: 99_999.99 }, 'approve', 'csManager')).toBe('approved');
    expect(waitingReason(orders, { ...cash, status: 'gmApproval' }, ctx('branchGM'))).toMatchObject({
      roles: ['branchGM'],
      rule: '5.10.4',
    });
  });
});

describe('5.4.2 / 6.2.4 between picking and the van', () => {
  const printed = [{ form: 'deliveryNote', by: 3, byName: '订单组', at: '2026-11-27T02:00:00Z' }];
  const picked = (paymentMethod: string, extra: DocRecord = {}): DocRecord => ({
    status: 'picked',
    paymentMethod,
    ...extra,
  });

  it('the van takes no order without the printed delivery list (6.2.4), nor a cash order before finance invoices it (5.4.2)', () => {
    expect(rule(picked('credit'), 'ship', 'driver')).toEqual([422, '6.2.4']);
    expect(rule(picked('credit', { prints: printed }), 'ship', 'driver')).toBe('shipped');
    // a cash order finance has not invoiced is refused on its own fields first (the precondition a row asks too)
    expect(rule(picked('cash'), 'ship', 'driver')).toEqual([422, '5.4.2']);
    expect(rule(picked('cash', { prints: printed }), 'ship', 'driver')).toEqual([422, '5.4.2']);
    expect(rule({ ...picked('cash', { invoiceNo: 'FP-1' }), status: 'invoiced' }, 'ship', 'driver')).toEqual([
      422,
      '6.2.4',
    ]);
    expect(rule(picked('cash', { prints: printed, invoiceNo: 'FP-1', status: 'invoiced' }), 'ship', 'driver')).toBe(
      'shipped',
    );
    // another form printed is not the delivery list
    expect(rule(picked('credit', { prints: [{ ...printed[0], form: 'pickingList' }] }), 'ship', 'driver')).toEqual([
      422,
      '6.2.4',
    ]);
  });

  it('finance invoices a picked cash order with its number; not a credit order; no one else', () => {
    expect(rule(picked('cash', { invoiceNo: '44030012345678' }), 'invoice', 'finance')).toBe('invoiced');
    expect(rule(picked('cash'), 'invoice', 'finance')).toEqual([422, '5.4.2']);
    expect(rule(picked('cash', { invoiceNo: ' ' }), 'invoice', 'finance')).toEqual([422, '5.4.2']);
    expect(rule(picked('credit', { invoiceNo: 'FP-1' }), 'invoice', 'finance')).toEqual([422, '5.4.2']);
    expect(rule(picked('cash', { invoiceNo: 'FP-1' }), 'invoice', 'driver')).toEqual([403, undefined]);
    expect(orderWorkflow.transitions.find((t) => t.action === 'invoice')).toMatchObject({
      params: ['invoiceNo'],
      list: true,
      roles: ['finance'],
    });
  });

  it('a list row offers only what the order’s own fields allow: no 开票 on an on-account order, no 出车配送 before the invoice', () => {
    const row = (doc: DocRecord, action: string, role: Role) => rowStepRefusal(orderWorkflow, doc, action, role)?.rule;
    expect(row(picked('credit'), 'invoice', 'finance')).toBe('5.4.2');
    expect(row(picked('cash'), 'invoice', 'finance')).toBeUndefined(); // the number is entered with the step
    expect(row(picked('cash'), 'ship', 'orderDesk')).toBe('5.4.2');
    expect(row({ ...picked('cash', { invoiceNo: 'FP-1' }), status: 'invoiced' }, 'ship', 'orderDesk')).toBeUndefined();
    expect(row(picked('credit'), 'ship', 'driver')).toBeUndefined(); // the printed list is read with the step (6.2.4)
    // the show page's buttons (availableActions): the on-account order's 开票 is not offered even though it takes a param
    const offered = availableActions(orderWorkflow, picked('credit'), ctx('finance')).find(
      (a) => a.action === 'invoice',
    );
    expect([offered?.allowed, offered?.refusal?.rule]).toEqual([false, '5.4.2']);
    const cash = availableActions(orderWorkflow, picked('cash'), ctx('finance')).find((a) => a.action === 'invoice');
    expect(cash?.allowed).toBe(true);
  });

  it('only the order desk records the delivery list’s print (6.2.4)', () => {
    expect(orders.prints?.deliveryNote.printers).toEqual(['orderDesk']);
    expect(orders.prints?.deliveryNote.officialIn).toContain('invoiced');
  });

  it('a picked cash order waits on the order desk and finance, a credit one on the order desk and the driver', () => {
    expect(waitingReason(orders, picked('cash'), ctx('admin'))).toMatchObject({
      roles: ['orderDesk', 'finance'],
      rule: '6.2.4',
    });
    expect(waitingReason(orders, picked('cash', { prints: printed }), ctx('admin'))).toMatchObject({
      roles: ['orderDesk', 'finance'],
      rule: '5.4.2',
    });
    expect(waitingReason(orders, picked('credit', { prints: printed }), ctx('admin'))).toMatchObject({
      roles: ['orderDesk', 'driver'],
      rule: '6.2.5',
    });
  });
});

describe('6.14.4 a discount is paid by bank transfer with its reference', () => {
  it('the comment alone is not enough: the transfer reference is required', () => {
    const doc = { status: 'payoutApproved', customerPaidInFull: true };
    const noRef = decide(discountWorkflow, doc, 'pay', ctx('finance'), '已转账');
    expect(
      !noRef.ok && [STATUS_OF_KIND[noRef.refusal.kind], noRef.refusal.rule, Object.keys(noRef.refusal.errors ?? {})],
    ).toEqual([422, '6.14.4', ['transferRef']]);
    expect(decide(discountWorkflow, { ...doc, transferRef: 'CMB-1' }, 'pay', ctx('finance'), '已转账').ok).toBe(true);
  });
});

describe('6.12.2 a typed gift line naming a catalog product is valued at its catalog price', () => {
  const gift = (items: DocRecord[]): DocRecord => ({ customerId: 1, items, total: 100 });
  const giftCtx = (prices: Record<string, number>) =>
    ctx('assistant', {
      now: new Date('2026-09-15T02:00:00Z'),
      settings: { giftWindows: DEFAULT_SETTINGS.giftWindows },
      facts: { giftCatalogNames: catalogNamesFact(prices) },
    });

  it('the server is asked only for the typed names, trimmed', () => {
    expect(
      freeTextGiftNames(
        gift([
          { name: ' 台历 ', qty: 1 },
          { productId: 5, name: '中性笔', qty: 1 },
          { name: '台历', qty: 2 },
        ]),
      ),
    ).toEqual(['台历']);
  });

  it('"台历" at 1 yuan is refused when 台历 is a catalog product at 28; at 28, or an unknown name, passes', () => {
    const rules = (items: DocRecord[], prices: Record<string, number>) =>
      giftRules(gift(items), giftCtx(prices)).map((r) => [r.rule, Object.keys(r.errors ?? {})[0]]);
    expect(rules([{ name: '台历', qty: 10, unitPrice: 1 }], { 台历: 28 })).toEqual([['6.12.2', 'items.0.unitPrice']]);
    expect(rules([{ name: '台历', qty: 10, unitPrice: 28 }], { 台历: 28 })).toEqual([]);
    expect(rules([{ name: '台历', qty: 10, unitPrice: 1 }], {})).toEqual([]);
  });
});
