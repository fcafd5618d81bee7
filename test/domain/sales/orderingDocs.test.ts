import { describe, expect, it } from 'vitest';
import type { DocRecord } from '../../../src/domain/definition';
import { computeInquiry, inquiryRules, inquiryWorkflow } from '../../../src/domain/documents/sales/inquiries';
import {
  computeRequisition,
  requisitionRules,
  requisitionWorkflow,
} from '../../../src/domain/documents/sales/requisitions';
import {
  computeSpecialOrder,
  specialOrderRules,
  specialOrders,
  specialOrderWorkflow,
} from '../../../src/domain/documents/sales/specialOrders';
import { depositFen } from '../../../src/domain/rules/sales/common';
import { decide, paramsOf } from '../../../src/domain/workflow';
import { actor, at, ctxOf, iso, KEY, PRODUCTS, SMB, step } from './helpers';

describe('6.5.5 special goods orders: 5000 yuan or more → csManager', () => {
  const ctx = (role: Parameters<typeof actor>[0], id = 7, extra: Record<string, DocRecord> = {}) =>
    ctxOf(actor(role, id), { refs: { customerId: KEY, ...extra }, lineRefs: { productId: PRODUCTS } });
  const order = (unitPrice: number, qty = 1, extra: DocRecord = {}): DocRecord => ({
    ...computeSpecialOrder(
      {
        customerId: 10,
        lines: [{ name: '定制文件柜', qty, unitPrice }],
        depositAmount: 0,
        contractNo: 'HT-2026-001',
        ...extra,
      },
      ctx('assistant'),
    ),
    id: 1,
    status: 'repConfirmation',
    createdBy: 7,
    assistantId: 7,
    approvals: [],
  });

  it('4999.99 goes straight on to purchasing after the rep confirms; 5000.00 waits for the csManager', () => {
    const below = order(4999.99);
    expect([below.total, below.needsManagerApproval]).toEqual([4999.99, false]);
    expect(step(specialOrderWorkflow, below, 'confirm', ctx('salesRep', 5))).toEqual(['ok', 'approved']);
    const at = order(5000);
    expect([at.total, at.needsManagerApproval]).toEqual([5000, true]);
    expect(step(specialOrderWorkflow, at, 'confirm', ctx('salesRep', 5))).toEqual(['ok', 'review']);
    // 2 × 2499.995 is not money; 3 × 1666.67 = 5000.01 is over
    expect(order(1666.67, 3).needsManagerApproval).toBe(true);
    expect(order(1666.66, 3).needsManagerApproval).toBe(false);
  });

  it('the rep’s written confirmation is recorded; only the rep gives it (6.5.4)', () => {
    const r = decide(specialOrderWorkflow, order(100), 'confirm', ctx('salesRep', 5));
    expect(r.ok && r.decision.patch).toMatchObject({ repConfirmed: true, repConfirmedBy: 5 });
    expect(r.ok && r.decision.approval).toMatchObject({
      step: 'repConfirmation',
      role: 'salesRep',
      decision: 'approve',
    });
    expect(step(specialOrderWorkflow, order(100), 'confirm', ctx('assistant'))[0]).toBe('forbidden');
    expect(step(specialOrderWorkflow, order(100), 'confirm', ctx('csManager', 4))[0]).toBe('forbidden');
  });

  it('purchasing orders only with the confirmation, the PO number and — at 5000 or more — the csManager’s approval', () => {
    const base = { ...order(6000), status: 'approved' };
    expect(step(specialOrderWorkflow, base, 'order', ctx('purchasing', 9))).toEqual(['rule', '6.5.4']);
    expect(step(specialOrderWorkflow, { ...base, repConfirmed: true }, 'order', ctx('purchasing', 9))).toEqual([
      'rule',
      '6.5.6',
    ]);
    expect(
      step(specialOrderWorkflow, { ...base, repConfirmed: true, supplierPo: 'PO-88' }, 'order', ctx('purchasing', 9)),
    ).toEqual(['rule', '6.5.5']);
    const approved = {
      ...base,
      repConfirmed: true,
      supplierPo: 'PO-88',
      approvals: [{ step: 'review', action: 'approve', role: 'csManager', decision: 'approve' }],
    };
    expect(step(specialOrderWorkflow, approved, 'order', ctx('purchasing', 9))).toEqual(['ok', 'ordered']);
    expect(step(specialOrderWorkflow, approved, 'order', ctx('assistant'))[0]).toBe('forbidden');
  });

  it('6.5.4 large amounts need a deposit or a contract before the rep is asked', () => {
    const draft = (extra: DocRecord) => ({ ...order(2500, 2, extra), status: 'draft' });
    expect(step(specialOrderWorkflow, draft({ contractNo: null }), 'submit', ctx('assistant'))).toEqual([
      'rule',
      '6.5.4',
    ]);
    expect(
      step(specialOrderWorkflow, draft({ contractNo: null, depositAmount: 1500 }), 'submit', ctx('assistant')),
    ).toEqual(['ok', 'repConfirmation']);
    expect(step(specialOrderWorkflow, draft({ contractNo: 'HT-1' }), 'submit', ctx('assistant'))).toEqual([
      'ok',
      'repConfirmation',
    ]);
    expect(
      step(
        specialOrderWorkflow,
        { ...order(4999.99, 1, { contractNo: null }), status: 'draft' },
        'submit',
        ctx('assistant'),
      ),
    ).toEqual(['ok', 'repConfirmation']);
  });

  it('is never returnable; SMB customers and catalog goods are refused (6.5.2, 6.5.4)', () => {
    expect(order(10).nonReturnable).toBe(true);
    const smb = ctxOf(actor('assistant', 8), {
      refs: { customerId: SMB, inquiryId: { id: 41, customerId: 11, status: 'answered' } },
      lineRefs: { productId: PRODUCTS },
    });
    expect(
      specialOrderRules(
        computeSpecialOrder({ customerId: 11, inquiryId: 41, lines: [{ name: 'x', qty: 1, unitPrice: 10 }] }, smb),
        smb,
      ).map((r) => r.rule),
    ).toEqual(['6.5.2']);
    const key = ctx('assistant', 7, { inquiryId: { id: 40, customerId: 10, status: 'answered' } });
    expect(
      specialOrderRules(
        computeSpecialOrder(
          {
            customerId: 10,
            inquiryId: 40,
            lines: [
              { productId: 1, name: 'x', qty: 1, unitPrice: 10 },
              { productId: 3, name: 'y', qty: 1, unitPrice: 10 },
            ],
          },
          key,
        ),
        key,
      ).map((r) => r.rule),
    ).toEqual(['6.5.4']);
  });

  it('6.5.4 starts from its special-goods inquiry: refused without one, on the inquiry field', () => {
    const key = ctx('assistant', 7, { inquiryId: { id: 40, customerId: 10, status: 'answered' } });
    const rules = (doc: DocRecord) =>
      specialOrderRules(computeSpecialOrder(doc, key), key).map((r) => [r.rule, Object.keys(r.errors ?? {})]);
    expect(rules({ customerId: 10, lines: [{ name: 'x', qty: 1, unitPrice: 10 }] })).toEqual([
      ['6.5.4', ['inquiryId']],
    ]);
    expect(rules({ customerId: 10, inquiryId: 40, lines: [{ name: 'x', qty: 1, unitPrice: 10 }] })).toEqual([]);
    // the picker offers this customer's answered inquiries only
    expect(specialOrders.fields.inquiryId.pick?.filter({ customerId: 10 })).toEqual({
      customerId: 10,
      status: ['answered', 'depositPaid', 'ordered'],
    });
  });

  it('5.10.3 custom goods from an inquiry carry its 30 % deposit', () => {
    const inquiry = { id: 40, customerId: 10, status: 'depositPaid', depositRequired: 300, depositPaid: true };
    const c = ctx('salesRep', 5, { inquiryId: inquiry });
    const so = (deposit: number, inq: DocRecord = inquiry) => {
      const cc = ctx('salesRep', 5, { inquiryId: inq });
      return specialOrderRules(
        computeSpecialOrder(
          { customerId: 10, inquiryId: 40, lines: [{ name: 'x', qty: 100, unitPrice: 10 }], depositAmount: deposit },
          cc,
        ),
        cc,
      ).map((r) => r.rule);
    };
    expect(c.refs.inquiryId).toBe(inquiry);
    expect(so(300)).toEqual([]);
    expect(so(299.99)).toEqual(['5.10.3']);
    expect(so(300, { ...inquiry, depositPaid: false, status: 'answered' })).toEqual(['5.10.3']);
    expect(so(300, { ...inquiry, customerId: 11 })).toEqual(['5.10.2']);
    expect(so(300, { ...inquiry, status: 'pricing' })).toEqual(['5.10.2']);
  });

  it('purchasing enters the supplier PO with its step; nobody edits an approved order', () => {
    expect(paramsOf(specialOrderWorkflow, { status: 'approved' }, 'order', 'purchasing')).toEqual([
      'supplierPo',
      'expectedAt',
    ]);
    expect(paramsOf(specialOrderWorkflow, { status: 'approved' }, 'order', 'assistant')).toEqual([]);
    expect(specialOrderWorkflow.states.approved).not.toHaveProperty('editable');
    expect(specialOrders.access.edit).not.toContain('purchasing');
  });
});

describe('5.10 inquiries', () => {
  const ctx = (role: Parameters<typeof actor>[0], customer = KEY) =>
    ctxOf(actor(role, role === 'salesRep' ? 5 : 7), { refs: { customerId: customer } });
  const inquiry = (extra: DocRecord = {}) =>
    computeInquiry(
      { customerId: 10, itemName: '定制LOGO笔记本', qty: 100, customMade: true, ...extra },
      ctx('salesRep'),
    );

  it('5.10.1 only for key accounts', () => {
    expect(inquiryRules(inquiry(), ctx('salesRep'))).toEqual([]);
    expect(
      inquiryRules(
        computeInquiry({ customerId: 11, itemName: 'x', qty: 1 }, ctx('salesRep', SMB)),
        ctx('salesRep', SMB),
      ).map((r) => r.rule),
    ).toEqual(['5.10.1']);
  });

  it('5.10.3 deposit = 30 % of answered price × max(qty, minimum qty), to the fen; none for non-custom goods', () => {
    expect(inquiry().depositRequired).toBe(0);
    expect(inquiry({ answerPrice: 12.5, minQty: 50 })).toMatchObject({
      orderQty: 100,
      estimatedTotal: 1250,
      depositRequired: 375,
    });
    expect(inquiry({ answerPrice: 12.5, minQty: 500 })).toMatchObject({
      orderQty: 500,
      estimatedTotal: 6250,
      depositRequired: 1875,
    });
    expect(inquiry({ answerPrice: 0.33, qty: 1, minQty: 1 }).depositRequired).toBe(0.1);
    expect(inquiry({ answerPrice: 12.5, minQty: 50, customMade: false }).depositRequired).toBe(0);
    expect(depositFen(5)).toBe(2); // 1.5 fen → 2
  });

  it('walks: rep submits → csManager or officeSupervisor reviews → merch answers → deposit → special order', () => {
    const doc = { ...inquiry(), id: 2, status: 'draft', createdBy: 5 };
    expect(step(inquiryWorkflow, doc, 'submit', ctx('assistant'))[0]).toBe('forbidden');
    expect(step(inquiryWorkflow, doc, 'submit', ctx('salesRep'))).toEqual(['ok', 'review']);
    for (const role of ['csManager', 'officeSupervisor'] as const)
      expect(step(inquiryWorkflow, { ...doc, status: 'review' }, 'approve', ctx(role))).toEqual(['ok', 'pricing']);
    expect(step(inquiryWorkflow, { ...doc, status: 'review' }, 'approve', ctx('merchPlanning'))[0]).toBe('forbidden');
    expect(step(inquiryWorkflow, { ...doc, status: 'pricing' }, 'answer', ctx('merchPlanning'))).toEqual([
      'rule',
      '5.10.2',
    ]);
    const answered = { ...inquiry({ answerPrice: 12.5, minQty: 50, leadTimeDays: 15 }), id: 2, status: 'pricing' };
    expect(step(inquiryWorkflow, answered, 'answer', ctx('merchPlanning'))).toEqual(['ok', 'answered']);
    expect(step(inquiryWorkflow, { ...answered, status: 'answered' }, 'order', ctx('salesRep'))).toEqual([
      'rule',
      '5.10.3',
    ]);
    expect(step(inquiryWorkflow, { ...answered, status: 'answered' }, 'recordDeposit', ctx('finance'))).toEqual([
      'ok',
      'depositPaid',
    ]);
    const paid = { ...answered, status: 'depositPaid', depositPaid: true };
    const r = decide(inquiryWorkflow, paid, 'order', ctx('salesRep'));
    expect(r.ok && r.decision.to).toBe('ordered');
    expect(r.ok && r.decision.effects[0]).toMatchObject({
      kind: 'create',
      resource: 'specialOrders',
      link: 'specialOrderId',
      record: {
        customerId: 10,
        inquiryId: 2,
        depositAmount: 375,
        lines: [{ name: '定制LOGO笔记本', qty: 100, unitPrice: 12.5 }],
      },
    });
    // goods that are not custom-made: no deposit step needed
    const plain = {
      ...inquiry({ answerPrice: 12.5, minQty: 50, leadTimeDays: 15, customMade: false }),
      id: 3,
      status: 'answered',
    };
    expect(step(inquiryWorkflow, plain, 'recordDeposit', ctx('salesRep'))).toEqual(['rule', '5.10.3']);
    expect(step(inquiryWorkflow, plain, 'order', ctx('salesRep'))).toEqual(['ok', 'ordered']);
  });

  it('merch’s answer is entered with the step and sets the estimate and the deposit due', () => {
    expect(paramsOf(inquiryWorkflow, { status: 'pricing' }, 'answer', 'merchPlanning')).toEqual([
      'answerPrice',
      'minQty',
      'leadTimeDays',
      'answerNote',
    ]);
    const pricing = { ...inquiry(), id: 2, status: 'pricing', answerPrice: 12.5, minQty: 500, leadTimeDays: 10 };
    const r = decide(
      inquiryWorkflow,
      pricing,
      'answer',
      ctxOf(actor('merchPlanning', 6), { now: at('2026-11-27', '11:00') }),
    );
    expect(r.ok && r.decision.patch).toEqual({
      answeredAt: iso('2026-11-27', '11:00'),
      answeredBy: 6,
      orderQty: 500,
      estimatedTotal: 6250,
      depositRequired: 1875,
    });
  });
});

describe('6.5.2 requisitions', () => {
  const order = {
    id: 50,
    code: 'SO-1',
    status: 'approved',
    customerId: 11,
    customerName: '甲商行',
    keyAccount: false,
    lines: [{ productId: 1 }, { productId: 2 }, { productId: 3 }, { productId: 5 }],
  };
  const ctx = (o: DocRecord = order, role: Parameters<typeof actor>[0] = 'assistant') =>
    ctxOf(actor(role, 8), { refs: { orderId: o }, lineRefs: { productId: PRODUCTS } });
  const rules = (lineIds: number[], o: DocRecord = order) => {
    const c = ctx(o);
    return requisitionRules(
      computeRequisition({ orderId: 50, lines: lineIds.map((productId) => ({ productId, qty: 3 })) }, c),
      c,
    ).map((r) => [r.rule, Object.keys(r.errors ?? {})[0]]);
  };

  it('one requisition per product project department', () => {
    expect(rules([1, 5])).toEqual([]);
    expect(rules([1, 2])).toEqual([['6.5.2', 'lines.1.productId']]);
    expect(rules([1, 5, 2])).toEqual([['6.5.2', 'lines.2.productId']]);
    const c = ctx();
    expect(
      computeRequisition(
        {
          orderId: 50,
          lines: [
            { productId: 1, qty: 3 },
            { productId: 5, qty: 2 },
          ],
        },
        c,
      ),
    ).toMatchObject({ projectDept: '文具项目部', totalQty: 5, customerId: 11, orderCode: 'SO-1' });
  });

  it('SMB customers: catalog goods only; key accounts may requisition non-catalog goods', () => {
    expect(rules([3])).toEqual([['6.5.2', 'lines.0.productId']]);
    expect(rules([3], { ...order, keyAccount: true })).toEqual([]);
  });

  it('the lines come from the order, which must still be going on (6.5.1)', () => {
    expect(rules([4])).toEqual([['6.5.1', 'lines.0.productId']]);
    expect(rules([1], { ...order, status: 'cancelled' })).toEqual([['6.5.1', 'orderId']]);
  });

  it('purchasing records the PO number to order it; receiving puts the goods into stock', () => {
    const doc = {
      id: 1,
      status: 'submitted',
      orderId: 50,
      lines: [
        { productId: 1, qty: 3 },
        { productId: 5, qty: 2 },
      ],
    };
    expect(step(requisitionWorkflow, doc, 'order', ctx(order, 'purchasing'))).toEqual(['rule', '6.5.6']);
    expect(step(requisitionWorkflow, { ...doc, supplierPo: 'PO-1' }, 'order', ctx(order, 'purchasing'))).toEqual([
      'ok',
      'ordered',
    ]);
    expect(step(requisitionWorkflow, { ...doc, supplierPo: 'PO-1' }, 'order', ctx(order, 'assistant'))[0]).toBe(
      'forbidden',
    );
    const r = decide(requisitionWorkflow, { ...doc, status: 'ordered' }, 'receive', ctx(order, 'warehouse'));
    expect(r.ok && r.decision.effects).toEqual([
      { kind: 'adjustStock', productId: 1, delta: 3, rule: '6.5.6' },
      { kind: 'adjustStock', productId: 5, delta: 2, rule: '6.5.6' },
    ]);
  });
});
