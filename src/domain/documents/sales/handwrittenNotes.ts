import {
  column,
  datetime,
  defineDocument,
  enumOf,
  longText,
  money,
  ref,
  text,
  type DocRecord,
  type RuleContext,
} from '../../definition';
import { ruleRefusal, type Refusal } from '../../refusal';
import { nowIso, ORDER_APPROVED_OR_LATER, ownDocument } from '../../rules/sales/common';
import { t } from '../../text';
import { view } from '../../where';
import type { Workflow } from '../../workflow';

/**
 * Handwritten delivery note 手写销售送货单 (6.7). Only for an order already in the system (6.7.2:
 * the order is entered first, with the reason and requirements), because the computer cannot print
 * (6.7.3) or the customer asks for it (6.7.4). The order desk writes it from the order; the driver
 * gets the customer's signature; the order desk prints the delivery note and both go to finance,
 * which binds them together and reconciles with the printed note's number (6.7.5).
 */

export const HANDWRITTEN_REASONS = {
  systemDown: t('电脑故障，无法打印送货单', 'Computer down: cannot print'),
  customerRequest: t('客户特殊要求', 'Customer’s special request'),
};

export const HANDWRITTEN_STATUSES = {
  requested: {
    label: t('待订单组填写', 'Awaiting the order desk'),
    color: 'info',
    editable: true,
    waitingOn: ['orderDesk'],
  },
  written: { label: t('已填写待送货', 'Written, to deliver'), color: 'primary', waitingOn: ['driver'] },
  signed: { label: t('客户已签收待对账', 'Signed, to reconcile'), color: 'secondary', waitingOn: ['finance'] },
  reconciled: { label: t('已与送货单核对装订', 'Reconciled with the printed note'), color: 'success', final: true },
  cancelled: { label: t('已取消', 'Cancelled'), color: 'default', final: true },
} as const;

export function computeHandwrittenNote(doc: DocRecord, ctx: RuleContext): DocRecord {
  const order = ctx.refs.orderId;
  return {
    ...doc,
    customerId: order?.customerId ?? doc.customerId ?? null,
    customerName: order?.customerName ?? doc.customerName ?? '',
    orderCode: order?.code ?? doc.orderCode ?? '',
    orderTotal: typeof order?.total === 'number' ? order.total : (doc.orderTotal ?? null),
  };
}

export function handwrittenNoteRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const order = ctx.refs.orderId;
  if (!order)
    return [
      ruleRefusal(
        '6.7.2',
        '销售订单不存在：手写送货单只能针对系统中已有的订单',
        'No such sales order: a handwritten note is only for an order in the system',
        'orderId',
      ),
    ];
  const out: Refusal[] = [];
  // 6.7.2 the order is in the system (and approved) before a handwritten note is written
  if (doc.status === 'requested' && !ORDER_APPROVED_OR_LATER.includes(String(order.status))) {
    out.push(
      ruleRefusal(
        '6.7.2',
        `订单 ${order.code} 尚未审核（或已取消），不能开手写送货单`,
        `Order ${order.code} is not approved (or is cancelled): no handwritten note`,
        'orderId',
      ),
    );
  }
  if (!(typeof doc.reasonText === 'string' && doc.reasonText.trim()))
    out.push(
      ruleRefusal('6.7.2', '请注明开手写送货单的原因及要求', 'State the reason and the requirements', 'reasonText'),
    );
  if (Number(ctx.facts.openHandwrittenNotes ?? 0) > 0)
    out.push(
      ruleRefusal(
        '6.7.2',
        `订单 ${order.code} 已有一张手写送货单`,
        `Order ${order.code} already has a handwritten note`,
        'orderId',
      ),
    );
  return out;
}

/** 6.7.5 finance binds the handwritten note to the printed one: its number is needed (entered by the order desk or with the step). */
const printedGuard = (doc: DocRecord): Refusal | null =>
  typeof doc.printedNoteNo === 'string' && doc.printedNoteNo.trim()
    ? null
    : ruleRefusal(
        '6.7.5',
        '请先填写对应的销售送货单号',
        'Record the printed delivery note number first',
        'printedNoteNo',
      );

const stamp = (field: string) => (_d: DocRecord, ctx: RuleContext) => ({ [field]: nowIso(ctx) });
const own = ownDocument('assistantId');

export const handwrittenNoteWorkflow: Workflow = {
  initial: () => 'requested',
  states: HANDWRITTEN_STATUSES,
  transitions: [
    // 6.7.3 / 6.7.4 the order desk writes the note from the order
    // (6.7.4: for a customer's request the printed note exists already and its number is noted on the handwritten one)
    {
      action: 'write',
      label: t('已填写手写送货单', 'Note written'),
      from: ['requested'],
      roles: ['orderDesk'],
      to: 'written',
      params: ['noteNo', 'printedNoteNo'],
      effect: (_d, ctx) => ({ writtenAt: nowIso(ctx), writtenBy: ctx.user.id }),
      tone: 'primary',
      list: true,
    },
    {
      action: 'deliver',
      label: t('客户签收', 'Signed by customer'),
      from: ['written'],
      roles: ['driver'],
      to: 'signed',
      effect: stamp('signedAt'),
      bulk: true,
    },
    // 6.7.5 finance binds it with the printed note and reconciles with the customer
    {
      action: 'reconcile',
      label: t('核对装订', 'Reconcile'),
      from: ['signed'],
      roles: ['finance'],
      to: 'reconciled',
      params: ['printedNoteNo'],
      guard: printedGuard,
      effect: stamp('reconciledAt'),
      tone: 'primary',
      list: true,
    },
    {
      action: 'cancel',
      label: t('取消', 'Cancel'),
      from: ['requested'],
      roles: ['assistant', 'teamLead', 'orderDesk'],
      to: 'cancelled',
      actor: own,
      commentRequired: true,
      tone: 'danger',
    },
  ],
};

export const handwrittenNotes = defineDocument({
  resource: 'handwrittenNotes',
  clause: '6.7',
  label: t('手写销售送货单', 'Handwritten delivery note'),
  menuLabel: t('手写送货单', 'Handwritten notes'),
  codePrefix: 'HN',
  fields: {
    code: text(t('登记号', 'Record no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    orderId: ref(t('销售订单', 'Sales order'), 'orders', {
      required: true,
      immutable: true,
      help: t('只能针对系统中已审核的订单 (6.7.2)', 'Only for an approved order in the system (6.7.2)'),
    }),
    reason: enumOf(t('原因', 'Reason'), HANDWRITTEN_REASONS, { required: true }),
    reasonText: longText(t('原因及要求说明', 'Reason and requirements'), { required: true, maxLength: 1000 }),
    // entered with the steps: the order desk writes the note (6.7.3/6.7.4), finance reconciles (6.7.5)
    noteNo: text(t('手写单编号', 'Handwritten note no.'), { maxLength: 40, search: true, readOnly: true }),
    printedNoteNo: text(t('对应销售送货单号', 'Printed delivery note no.'), {
      maxLength: 40,
      search: true,
      readOnly: true,
      help: t('财务核对装订时必填 (6.7.5)', 'Needed when finance reconciles (6.7.5)'),
    }),
    customerId: ref(t('客户', 'Customer'), 'customers', { computed: true }),
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    orderCode: text(t('订单号', 'Order no.'), { computed: true, search: true }),
    orderTotal: money(t('订单金额', 'Order total'), { computed: true }),
    assistantId: ref(t('客户助理', 'Assistant'), 'users', { readOnly: true }),
    writtenBy: ref(t('填写人', 'Written by'), 'users', { readOnly: true }),
    writtenAt: datetime(t('填写时间', 'Written at'), { readOnly: true }),
    signedAt: datetime(t('签收时间', 'Signed at'), { readOnly: true }),
    reconciledAt: datetime(t('核对时间', 'Reconciled at'), { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('orderCode', 'code'),
    column('customerName', 'name'),
    column('noteNo', 'text'),
    column('status', 'status'),
    column('writtenAt', 'datetime', 2),
    column('reason', 'choice', 3),
    column('printedNoteNo', 'text', 3),
  ],
  filters: ['status', 'reason', 'customerId', 'orderId', 'writtenAt'],
  defaultSort: { field: 'id', order: 'DESC' },
  columns: [
    'code',
    'status',
    'orderId',
    'customerId',
    'customerName',
    'reason',
    'noteNo',
    'printedNoteNo',
    'assistantId',
    'createdBy',
    'writtenAt',
    'signedAt',
  ],
  access: {
    read: ['assistant', 'teamLead', 'csManager', 'orderDesk', 'warehouse', 'driver', 'finance', 'admin'],
    create: ['assistant', 'teamLead'],
    edit: ['assistant', 'teamLead'],
  },
  editableIn: ['requested'],
  ownerField: 'assistantId',
  prints: {
    // 6.7.5 finance binds the signed handwritten note to the printed one
    handwrittenReconciliation: {
      title: t('手写送货单核对表', 'Handwritten-note reconciliation sheet'),
      clause: '6.7.5',
      officialIn: ['signed', 'reconciled'],
      otherwise: 'mark',
      printers: ['finance', 'orderDesk', 'admin'],
      stepPrinters: ['finance'],
    },
  },
  menuGroup: 'sales',
  facts: ['openHandwrittenNotes'],
  compute: computeHandwrittenNote,
  rules: handwrittenNoteRules,
  workflow: handwrittenNoteWorkflow,
  views: {
    /** 6.7.2 the ones that stand (all but cancelled): one per order */
    standing: view('handwrittenNotes', { status_neq: 'cancelled' }),
  },
});
