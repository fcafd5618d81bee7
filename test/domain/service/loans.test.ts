import { describe, expect, it } from 'vitest';
import { atShanghai } from '../../../src/domain/calendar';
import type { DocRecord } from '../../../src/domain/definition';
import { computeLoan, loanRules, loanWorkflow } from '../../../src/domain/documents/service/sampleLoans';
import { isLoanOverdue, loanDaysRefusal, loanDueAt, overdueLoans } from '../../../src/domain/rules/service/loans';
import { decide } from '../../../src/domain/workflow';
import { actor, ctxOf, product } from './helpers';

const now = atShanghai('2026-11-23', '10:00'); // Monday
const ctx = (role: Parameters<typeof actor>[0] = 'assistant', id = 1) =>
  ctxOf(now, {
    user: actor(role, id),
    refs: { customerId: { id: 5, name: '测试客户', active: true } },
    lineRefs: { productId: { 1: product(1, { catalogPrice: 120 }), 2: product(2, { catalogPrice: 35.5 }) } },
  });
const loan = (over: DocRecord = {}): DocRecord =>
  computeLoan(
    {
      customerId: 5,
      lines: [
        { productId: 1, qty: 1 },
        { productId: 2, qty: 2 },
      ],
      ...over,
    },
    ctx(),
  );
const ruleIds = (doc: DocRecord) => loanRules(doc, ctx()).map((r) => r.rule);

describe('6.11.2 back within 3 days, never more than 7', () => {
  it('3 days is the default and needs no reason', () => {
    expect(loan().loanDays).toBe(3);
    expect(ruleIds(loan())).toEqual([]);
    expect(loanDaysRefusal(3, '')).toBeNull();
  });
  it('4 days needs a reason', () => {
    expect(ruleIds(loan({ loanDays: 4 }))).toEqual(['6.11.2']);
    expect(loanRules(loan({ loanDays: 4 }), ctx())[0].errors).toHaveProperty('extensionReason');
    expect(ruleIds(loan({ loanDays: 4, extensionReason: '客户需要内部评审' }))).toEqual([]);
  });
  it('7 days with a reason is the longest allowed', () =>
    expect(ruleIds(loan({ loanDays: 7, extensionReason: '试用一周' }))).toEqual([]));
  it('8 days is refused even with a reason', () => {
    const r = loanRules(loan({ loanDays: 8, extensionReason: '试用' }), ctx());
    expect(r.map((x) => x.rule)).toEqual(['6.11.2']);
    expect(r[0].errors).toHaveProperty('loanDays');
  });
  it('the due moment is lent + the loan days; overdue strictly after it, and only while out', () => {
    const lent = atShanghai('2026-11-23', '10:00');
    expect(loanDueAt(lent, 3)).toEqual(atShanghai('2026-11-26', '10:00'));
    expect(loanDueAt(lent, 7)).toEqual(atShanghai('2026-11-30', '10:00'));
    const out = { status: 'out', dueAt: atShanghai('2026-11-26', '10:00').toISOString() };
    expect(isLoanOverdue(out, atShanghai('2026-11-26', '10:00'))).toBe(false);
    expect(isLoanOverdue(out, atShanghai('2026-11-26', '10:01'))).toBe(true);
    expect(isLoanOverdue({ ...out, status: 'returned' }, atShanghai('2026-12-26', '10:00'))).toBe(false);
    expect(overdueLoans(atShanghai('2026-11-26', '10:01'))).toEqual({
      resource: 'sampleLoans',
      where: { status: 'out', dueAt_lt: '2026-11-26T02:01:00.000Z' },
    });
  });
});

describe('6.11 the loan flow', () => {
  const doc = (status: string, over: DocRecord = {}) => ({
    ...loan(),
    id: 9,
    code: 'SL-20261123-0001',
    status,
    assistantId: 1,
    createdBy: 1,
    ...over,
  });
  it('values the samples at catalog price', () => expect(loan().value).toBe(191));
  it('6.11.1 the order desk lends: stock goes out, due in loanDays', () => {
    const r = decide(loanWorkflow, doc('applied', { loanDays: 5, extensionReason: '评审' }), 'lend', ctx('orderDesk'));
    expect(r.ok && r.decision.patch).toEqual({
      lentAt: now.toISOString(),
      dueAt: atShanghai('2026-11-28', '10:00').toISOString(),
    });
    expect(r.ok && r.decision.effects).toEqual([
      { kind: 'adjustStock', productId: 1, delta: -1, rule: '6.11.1' },
      { kind: 'adjustStock', productId: 2, delta: -2, rule: '6.11.1' },
    ]);
    const assistant = decide(loanWorkflow, doc('applied'), 'lend', ctx('assistant'));
    expect(!assistant.ok && assistant.refusal.kind).toBe('forbidden');
  });
  it('returned: the warehouse takes them back into stock', () => {
    const r = decide(loanWorkflow, doc('out'), 'return', ctx('warehouse'));
    expect(r.ok && r.decision.effects.map((e) => e.kind === 'adjustStock' && e.delta)).toEqual([1, 2]);
  });
  it('6.11.4 bought: a sales order at catalog price is created and linked', () => {
    const r = decide(loanWorkflow, doc('out'), 'buy', ctx('assistant'));
    expect(r.ok && r.decision.to).toBe('bought');
    const e = r.ok ? r.decision.effects[0] : null;
    expect(e).toMatchObject({ kind: 'create', resource: 'orders', link: 'orderId', rule: '6.11.4' });
    expect(e && e.kind === 'create' && e.record.lines).toEqual([
      { productId: 1, qty: 1, unitPrice: 120 },
      { productId: 2, qty: 2, unitPrice: 35.5 },
    ]);
    const other = decide(loanWorkflow, doc('out'), 'buy', ctx('assistant', 2));
    expect(!other.ok && other.refusal.kind).toBe('forbidden');
  });
  it('6.11.3 damaged: not taken back, the value is the compensation, the manager says who pays', () => {
    const noReason = decide(loanWorkflow, doc('out'), 'reportDamage', ctx('warehouse'));
    expect(!noReason.ok && noReason.refusal.kind).toBe('rule');
    const r = decide(loanWorkflow, doc('out'), 'reportDamage', ctx('warehouse'), '外壳划伤');
    expect(r.ok && [r.decision.to, r.decision.patch.compensationAmount, r.decision.effects]).toEqual([
      'damaged',
      191,
      [],
    ]);
    const handler = decide(loanWorkflow, doc('damaged'), 'chargeHandler', ctx('csManager'), '经手人未按规定包装');
    expect(handler.ok && handler.decision.patch.compensationBy).toBe('handler');
    const customer = decide(loanWorkflow, doc('damaged'), 'chargeCustomer', ctx('csManager'));
    expect(customer.ok && customer.decision.patch.compensationBy).toBe('customer');
    expect(decide(loanWorkflow, doc('damaged'), 'chargeCustomer', ctx('warehouse')).ok).toBe(false);
  });
});
