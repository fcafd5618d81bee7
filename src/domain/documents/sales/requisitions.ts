import { rejectedState, submitStep } from '../../approvalSteps';
import {
  bool,
  column,
  date,
  datetime,
  defineDocument,
  int,
  lines,
  longText,
  ref,
  text,
  type DocRecord,
  type RuleContext,
} from '../../definition';
import { ruleRefusal, type Refusal } from '../../refusal';
import { linesOf, nowIso, ownDocument } from '../../rules/sales/common';
import { t } from '../../text';
import type { Effect, Workflow } from '../../workflow';

/**
 * Requisition 请购单 (6.5.1, 6.5.2, 6.5.6). When stock cannot serve an order, the assistant enters
 * a requisition for the short lines; SMB customers can only be sold catalog goods (and goods the
 * branch trades); the group's product centre has one project department per product category, so
 * one requisition goes to one project department (6.5.2). Purchasing turns it into a supplier PO
 * (6.5.6, the PO number is entered with the step); received goods go into stock.
 */

export const REQUISITION_STATUSES = {
  draft: { label: t('草稿', 'Draft'), color: 'default', editable: true, waitingOn: ['assistant'] },
  rejected: rejectedState(['assistant']),
  submitted: { label: t('待采购下单', 'Awaiting purchasing'), color: 'info', waitingOn: ['purchasing'] },
  ordered: {
    label: t('已向供应商下单', 'Ordered from supplier'),
    color: 'primary',
    waitingOn: ['warehouse', 'purchasing'],
  },
  received: { label: t('已到货入库', 'Received into stock'), color: 'success', final: true },
  cancelled: { label: t('已取消', 'Cancelled'), color: 'default', final: true },
} as const;

const DRAFTERS = ['assistant', 'teamLead'] as const;
const PURCHASING = ['purchasing'] as const;
/** an order that is still going on (not cancelled, not closed) may lead to a requisition */
const OPEN_ORDER = [
  'pendingConfirmation',
  'draft',
  'rejected',
  'submitted',
  'gmApproval',
  'approved',
  'picked',
  'invoiced',
];

export function computeRequisition(doc: DocRecord, ctx: RuleContext): DocRecord {
  const order = ctx.refs.orderId;
  const products = ctx.lineRefs.productId ?? {};
  const depts = [
    ...new Set(
      linesOf(doc)
        .map((l) => products[Number(l.productId)]?.projectDept)
        .filter((d): d is string => typeof d === 'string' && !!d),
    ),
  ];
  return {
    ...doc,
    customerId: order?.customerId ?? doc.customerId ?? null,
    customerName: order?.customerName ?? doc.customerName ?? '',
    orderCode: order?.code ?? doc.orderCode ?? '',
    keyAccount: order ? order.keyAccount === true : doc.keyAccount === true,
    projectDept: depts.length === 1 ? depts[0] : (doc.projectDept ?? null),
    totalQty: linesOf(doc).reduce((s, l) => s + (Number(l.qty) || 0), 0),
  };
}

export function requisitionRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const order = ctx.refs.orderId;
  if (!order) return [ruleRefusal('6.5.1', '销售订单不存在', 'No such sales order', 'orderId')];
  const out: Refusal[] = [];
  if (!OPEN_ORDER.includes(String(order.status)))
    out.push(
      ruleRefusal(
        '6.5.1',
        `订单 ${order.code} 已${order.status === 'cancelled' ? '取消' : '完成'}，不能请购`,
        `Order ${order.code} is ${order.status}: no requisition`,
        'orderId',
      ),
    );
  const onOrder = new Set(linesOf(order).map((l) => Number(l.productId)));
  const lineList = linesOf(doc);
  if (lineList.length === 0)
    out.push(ruleRefusal('6.5.2', '请购单至少要有一行商品', 'A requisition needs at least one line', 'lines'));
  const depts = new Map<string, number>();
  const smb = order.keyAccount !== true;
  lineList.forEach((l, i) => {
    const p = ctx.lineRefs.productId?.[Number(l.productId)];
    if (!p) {
      out.push(
        ruleRefusal('6.5.2', `第${i + 1}行：商品不存在`, `Line ${i + 1}: no such product`, `lines.${i}.productId`),
      );
      return;
    }
    // 6.5.1 the requisition is for the order's short lines
    if (!onOrder.has(Number(l.productId)))
      out.push(
        ruleRefusal(
          '6.5.1',
          `第${i + 1}行：${p.name} 不在订单 ${order.code} 中`,
          `Line ${i + 1}: ${p.name} is not on order ${order.code}`,
          `lines.${i}.productId`,
        ),
      );
    // 6.5.2 SMB customers: catalog goods only
    if (smb && p.catalog === false)
      out.push(
        ruleRefusal(
          '6.5.2',
          `第${i + 1}行：中小客户只能订购目录商品，${p.name} 不是目录商品`,
          `Line ${i + 1}: SMB customers get catalog goods only; ${p.name} is not in the catalog`,
          `lines.${i}.productId`,
        ),
      );
    const dept = typeof p.projectDept === 'string' && p.projectDept ? p.projectDept : '—';
    if (!depts.has(dept)) depts.set(dept, i);
  });
  // 6.5.2 one requisition per product project department
  if (depts.size > 1) {
    const [first, ...others] = [...depts.entries()];
    for (const [dept, i] of others) {
      out.push(
        ruleRefusal(
          '6.5.2',
          `请购单须分项目部下单：第${i + 1}行属${dept}，第${first[1] + 1}行属${first[0]}`,
          `One requisition per project department: line ${i + 1} is ${dept}, line ${first[1] + 1} is ${first[0]}`,
          `lines.${i}.productId`,
        ),
      );
    }
  }
  return out;
}

/** 6.5.6 purchasing enters the supplier PO number when it orders. */
const poGuard = (doc: DocRecord): Refusal | null =>
  typeof doc.supplierPo === 'string' && doc.supplierPo.trim()
    ? null
    : ruleRefusal('6.5.6', '请先填写供应商采购订单号', 'Record the supplier PO number first', 'supplierPo');

/** Received goods go into stock (then the order goes on). */
const receiveEffects = (doc: DocRecord): Effect[] =>
  linesOf(doc).map((l) => ({
    kind: 'adjustStock',
    productId: Number(l.productId),
    delta: Number(l.qty),
    rule: '6.5.6',
  }));

const stamp = (field: string) => (_d: DocRecord, ctx: RuleContext) => ({ [field]: nowIso(ctx) });
const own = ownDocument('assistantId');

export const requisitionWorkflow: Workflow = {
  initial: () => 'draft',
  states: REQUISITION_STATUSES,
  transitions: [
    submitStep({ roles: DRAFTERS, to: 'submitted', actor: own, label: t('提交采购', 'Submit to purchasing') }),
    {
      action: 'order',
      label: t('已下采购订单', 'Ordered from supplier'),
      from: ['submitted'],
      roles: PURCHASING,
      to: 'ordered',
      params: ['supplierPo', 'expectedAt'],
      guard: poGuard,
      effect: stamp('orderedAt'),
      tone: 'primary',
      list: true,
    },
    {
      action: 'reject',
      label: t('退回', 'Reject'),
      from: ['submitted'],
      roles: PURCHASING,
      to: 'rejected',
      decision: 'reject',
      commentRequired: true,
      tone: 'danger',
    },
    {
      action: 'receive',
      label: t('到货入库', 'Received into stock'),
      from: ['ordered'],
      roles: ['warehouse', 'purchasing'],
      to: 'received',
      effects: receiveEffects,
      effect: stamp('receivedAt'),
      bulk: true,
    },
    {
      action: 'cancel',
      label: t('取消', 'Cancel'),
      from: ['draft', 'rejected', 'submitted'],
      roles: DRAFTERS,
      to: 'cancelled',
      actor: own,
      commentRequired: true,
      tone: 'danger',
    },
  ],
};

export const requisitions = defineDocument({
  resource: 'requisitions',
  clause: '6.5.2',
  label: t('请购单', 'Requisition'),
  menuLabel: t('请购单', 'Requisitions'),
  codePrefix: 'PR',
  fields: {
    code: text(t('请购单号', 'Requisition no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    orderId: ref(t('销售订单', 'Sales order'), 'orders', { required: true }),
    lines: lines(
      t('请购明细', 'Lines'),
      {
        productId: ref(t('商品', 'Product'), 'products', { required: true }),
        qty: int(t('数量', 'Qty'), { required: true, min: 1, max: 1_000_000 }),
        remark: text(t('特殊要求', 'Special requirement'), { maxLength: 200 }),
      },
      { required: true, maxLines: 100 },
    ),
    note: longText(t('备注', 'Note'), { maxLength: 2000 }),
    // entered by purchasing with the `order` step (6.5.6)
    supplierPo: text(t('供应商采购订单号', 'Supplier PO no.'), { maxLength: 40, search: true, readOnly: true }),
    expectedAt: date(t('预计到货日期', 'Expected on'), { readOnly: true }),
    customerId: ref(t('客户', 'Customer'), 'customers', { computed: true }),
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    orderCode: text(t('订单号', 'Order no.'), { computed: true, search: true }),
    keyAccount: bool(t('大客户', 'Key account'), { computed: true }),
    projectDept: text(t('项目部门', 'Project department'), {
      computed: true,
      help: t('须分项目部下请购单 (6.5.2)', 'One requisition per project department (6.5.2)'),
    }),
    totalQty: int(t('总数量', 'Total qty'), { computed: true }),
    assistantId: ref(t('客户助理', 'Assistant'), 'users', { readOnly: true }),
    submittedAt: datetime(t('提交时间', 'Submitted at'), { readOnly: true }),
    orderedAt: datetime(t('下单时间', 'Ordered at'), { readOnly: true }),
    receivedAt: datetime(t('到货时间', 'Received at'), { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('totalQty', 'number'),
    column('status', 'status'),
    column('submittedAt', 'datetime'),
    column('orderCode', 'code', 2),
    column('supplierPo', 'text', 3),
    column('projectDept', 'text', 3),
  ],
  filters: ['status', 'projectDept', 'customerId', 'orderId', 'assistantId', 'submittedAt'],
  defaultSort: { field: 'id', order: 'DESC' },
  columns: [
    'code',
    'status',
    'orderId',
    'customerId',
    'customerName',
    'projectDept',
    'supplierPo',
    'assistantId',
    'createdBy',
    'submittedAt',
    'orderedAt',
    'expectedAt',
  ],
  access: {
    read: ['assistant', 'teamLead', 'csManager', 'purchasing', 'merchPlanning', 'warehouse', 'orderDesk', 'admin'],
    create: ['assistant', 'teamLead'],
    edit: ['assistant', 'teamLead'],
  },
  editableIn: ['draft', 'rejected'],
  ownerField: 'assistantId',
  menuGroup: 'sales',
  compute: computeRequisition,
  rules: requisitionRules,
  workflow: requisitionWorkflow,
});
