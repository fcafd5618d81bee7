import {
  column,
  datetime,
  defineDocument,
  enumOf,
  int,
  lines,
  longText,
  money,
  ref,
  text,
  type DocRecord,
  type RuleContext,
} from '../../definition';
import { fenToYuan, lineTotalFen, yuanToFen } from '../../money';
import { ruleRefusal, type Refusal } from '../../refusal';
import { linesOf, nowIso, num, ownDocument } from '../../rules/service/common';
import {
  LOAN_DEFAULT_DAYS,
  loanDaysRefusal,
  loanDueAt,
  samplesValue,
  isLoanOverdue,
  overdueLoans,
} from '../../rules/service/loans';
import { t } from '../../text';
import type { Effect, Workflow } from '../../workflow';

/**
 * Sample loans 借样 (6.11).
 *
 * application (借样申请单, the assistant) → the order desk makes the loan transfer note (借样转储单,
 * 6.11.1) and the samples go out (stock −qty) → back within 3 days, never over 7 (6.11.2) →
 *   returned: the warehouse inspects them (unused) and takes them back into stock (+qty);
 *   bought (6.11.4): an "other return" offsets the loan and it turns into a sale — a sales order with
 *     the samples at catalog price is created (linked as `orderId`) and follows the normal order flow;
 *     the stock stays out (the offset and the sale cancel each other);
 *   damaged (6.11.3): not taken back; the warehouse reports it, the compensation (the samples'
 *     catalog value) is recorded and the CS Center manager decides who pays, customer or handler.
 *
 * Overdue loans: `dueAt` is a column; the view `overdue(now)` is the set (status out, due before now)
 * and the inbox puts them first (deadline = dueAt).
 */

export const LOAN_STATUSES = {
  draft: {
    label: t('借样申请（草稿）', 'Application (draft)'),
    color: 'default',
    editable: true,
    waitingOn: ['assistant'],
  },
  applied: { label: t('待制借样转储单', 'Transfer note to make'), color: 'info', waitingOn: ['orderDesk'] },
  out: { label: t('借出中', 'Out on loan'), color: 'warning', waitingOn: ['assistant'] },
  returned: { label: t('已归还入库', 'Returned'), color: 'success', final: true },
  bought: { label: t('已转销售', 'Bought (sale)'), color: 'success', final: true },
  damaged: { label: t('损坏（待定赔偿）', 'Damaged (compensation)'), color: 'error', waitingOn: ['csManager'] },
  compensated: { label: t('已定赔偿', 'Compensation settled'), color: 'default', final: true },
  cancelled: { label: t('已取消', 'Cancelled'), color: 'default', final: true },
} as const;

const PAYERS = { customer: t('客户', 'Customer'), handler: t('经手人', 'Handler') };

const owner = ownDocument();
const products = (ctx: RuleContext) => ctx.lineRefs.productId ?? {};

export function computeLoan(doc: DocRecord, ctx: RuleContext): DocRecord {
  const p = products(ctx);
  const lineOut = linesOf(doc).map((l) => {
    const product = p[Number(l.productId)];
    const unitPrice = typeof product?.catalogPrice === 'number' ? product.catalogPrice : 0;
    return {
      ...l,
      productName: product?.name ?? '',
      sku: product?.sku ?? '',
      unitPrice,
      amount: fenToYuan(lineTotalFen(yuanToFen(unitPrice), num(l.qty))),
    };
  });
  return {
    ...doc,
    lines: lineOut,
    loanDays: typeof doc.loanDays === 'number' ? doc.loanDays : LOAN_DEFAULT_DAYS,
    customerName: ctx.refs.customerId?.name ?? doc.customerName ?? '',
    value: samplesValue({ lines: lineOut }, p),
  };
}

export function loanRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const out: Refusal[] = [];
  const customer = ctx.refs.customerId;
  if (!customer) out.push(ruleRefusal('6.11.1', '客户不存在', 'No such customer', 'customerId'));
  else if (customer.active === false)
    out.push(ruleRefusal('6.11.1', '该客户已停用', 'This customer is inactive', 'customerId'));
  const rows = linesOf(doc);
  if (rows.length === 0)
    out.push(ruleRefusal('6.11.1', '借样申请至少要有一行商品', 'A loan needs at least one line', 'lines'));
  rows.forEach((l, i) => {
    const p = products(ctx)[Number(l.productId)];
    if (!p)
      out.push(
        ruleRefusal('6.11.1', `第${i + 1}行：商品不存在`, `Line ${i + 1}: no such product`, `lines.${i}.productId`),
      );
    else if (p.active === false)
      out.push(
        ruleRefusal(
          '6.11.1',
          `第${i + 1}行：商品已停售`,
          `Line ${i + 1}: product discontinued`,
          `lines.${i}.productId`,
        ),
      );
  });
  const d = loanDaysRefusal(num(doc.loanDays), doc.extensionReason);
  if (d) out.push(d);
  return out;
}

/** 6.11.1 the loan transfer note moves the samples out of stock. */
const samplesOut = (doc: DocRecord): Effect[] =>
  linesOf(doc).map(
    (l) => ({ kind: 'adjustStock', productId: Number(l.productId), delta: -num(l.qty), rule: '6.11.1' }) as Effect,
  );
/** 6.11.2 returned unused: back into stock after the warehouse's inspection. */
const samplesBack = (doc: DocRecord): Effect[] =>
  linesOf(doc).map(
    (l) => ({ kind: 'adjustStock', productId: Number(l.productId), delta: num(l.qty), rule: '6.11.2' }) as Effect,
  );

/**
 * 6.11.4 the sample becomes a sale: an "other return" offsets the loan (the samples are booked back
 * into stock) and a sales order at catalog price goes the normal order flow — its picking takes
 * them out again (6.2.5), so the goods leave stock once.
 */
const saleOrder = (doc: DocRecord, ctx: RuleContext): Effect[] => [
  {
    kind: 'create',
    resource: 'orders',
    rule: '6.11.4',
    link: 'orderId',
    record: {
      customerId: doc.customerId,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: false,
      lines: linesOf(doc).map((l) => ({
        productId: Number(l.productId),
        qty: num(l.qty),
        unitPrice: num(products(ctx)[Number(l.productId)]?.catalogPrice ?? l.unitPrice),
      })),
      note: `借样转销售（其它退货单冲抵核销）${String(doc.code ?? '')} (6.11.4)`,
    },
  },
  ...linesOf(doc).map(
    (l) => ({ kind: 'adjustStock', productId: Number(l.productId), delta: num(l.qty), rule: '6.11.4' }) as Effect,
  ),
];

export const loanWorkflow: Workflow = {
  initial: () => 'draft',
  states: LOAN_STATUSES,
  transitions: [
    {
      action: 'submit',
      label: t('提交借样申请', 'Submit application'),
      from: ['draft'],
      roles: ['assistant'],
      to: 'applied',
      actor: owner,
      effect: (_d, ctx) => ({ appliedAt: nowIso(ctx) }),
      tone: 'primary',
    },
    // 6.11.1 the order desk makes the loan transfer note; the samples leave; due per 6.11.2
    {
      action: 'lend',
      label: t('制借样转储单并出货', 'Make transfer note, samples out'),
      from: ['applied'],
      roles: ['orderDesk'],
      to: 'out',
      effect: (d, ctx) => ({
        lentAt: nowIso(ctx),
        dueAt: loanDueAt(ctx.now, num(d.loanDays) || LOAN_DEFAULT_DAYS).toISOString(),
      }),
      effects: samplesOut,
      tone: 'primary',
      list: true,
    },
    {
      action: 'return',
      label: t('验收归还入库', 'Returned, inspected'),
      from: ['out'],
      roles: ['warehouse'],
      to: 'returned',
      effect: (_d, ctx) => ({ returnedAt: nowIso(ctx) }),
      effects: samplesBack,
      tone: 'primary',
      list: true,
    },
    {
      action: 'buy',
      label: t('客户购买，转销售单', 'Customer buys: to a sale'),
      from: ['out'],
      roles: ['assistant', 'teamLead'],
      to: 'bought',
      actor: owner,
      effect: (_d, ctx) => ({ boughtAt: nowIso(ctx) }),
      effects: saleOrder,
      tone: 'primary',
    },
    // 6.11.3 damaged samples are not taken back
    {
      action: 'reportDamage',
      label: t('样品损坏，不予退还', 'Damaged: not taken back'),
      from: ['out'],
      roles: ['warehouse'],
      to: 'damaged',
      commentRequired: true,
      effect: (d, ctx) => ({
        damagedAt: nowIso(ctx),
        compensationAmount: samplesValue(d, products(ctx)) || num(d.value),
      }),
      tone: 'danger',
    },
    {
      action: 'chargeCustomer',
      label: t('由客户赔偿', 'Customer pays'),
      from: ['damaged'],
      roles: ['csManager'],
      to: 'compensated',
      decision: 'approve',
      effect: (_d, ctx) => ({ compensationBy: 'customer', compensatedAt: nowIso(ctx) }),
    },
    {
      action: 'chargeHandler',
      label: t('由经手人赔偿', 'Handler pays'),
      from: ['damaged'],
      roles: ['csManager'],
      to: 'compensated',
      decision: 'approve',
      commentRequired: true,
      effect: (_d, ctx) => ({ compensationBy: 'handler', compensatedAt: nowIso(ctx) }),
    },
    {
      action: 'cancel',
      label: t('取消', 'Cancel'),
      from: ['draft', 'applied'],
      roles: ['assistant', 'teamLead'],
      to: 'cancelled',
      actor: owner,
      commentRequired: true,
      tone: 'danger',
    },
  ],
};

export const sampleLoans = defineDocument({
  resource: 'sampleLoans',
  clause: '6.11',
  label: t('借样单', 'Sample loan'),
  menuLabel: t('借样', 'Sample loans'),
  codePrefix: 'SL',
  fields: {
    code: text(t('借样单号', 'Loan no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    customerId: ref(t('客户', 'Customer'), 'customers', { required: true, immutable: true }),
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    lines: lines(
      t('借样明细', 'Samples'),
      {
        productId: ref(t('商品', 'Product'), 'products', { required: true }),
        qty: int(t('数量', 'Qty'), { required: true, min: 1, max: 1000 }),
        productName: text(t('品名', 'Name'), { computed: true }),
        sku: text(t('货号', 'SKU'), { computed: true }),
        unitPrice: money(t('目录价', 'Catalog price'), { computed: true }),
        amount: money(t('金额', 'Amount'), { computed: true }),
      },
      { required: true, maxLines: 50 },
    ),
    purpose: longText(t('借样用途', 'Purpose'), { maxLength: 1000 }),
    loanDays: int(t('借用天数', 'Loan days'), {
      default: LOAN_DEFAULT_DAYS,
      min: 1,
      max: 365,
      help: t(
        '三日内归还；超过3天须说明理由，最长不超过7天 (6.11.2)',
        'Back within 3 days; longer needs a reason; never more than 7 (6.11.2)',
      ),
    }),
    extensionReason: text(t('超过3天的理由', 'Reason for more than 3 days'), { maxLength: 200 }),
    value: money(t('样品金额（目录价）', 'Samples value (catalog)'), { computed: true }),
    assistantId: ref(t('客户助理（经手人）', 'Assistant (handler)'), 'users', { readOnly: true }),
    appliedAt: datetime(t('申请时间', 'Applied at'), { readOnly: true }),
    lentAt: datetime(t('借出时间', 'Lent at'), { readOnly: true }),
    dueAt: datetime(t('应还时间', 'Due back'), { readOnly: true }),
    returnedAt: datetime(t('归还时间', 'Returned at'), { readOnly: true }),
    boughtAt: datetime(t('转销售时间', 'Bought at'), { readOnly: true }),
    orderId: ref(t('销售订单', 'Sales order'), 'orders', { readOnly: true }),
    damagedAt: datetime(t('损坏登记时间', 'Damage reported at'), { readOnly: true }),
    compensationAmount: money(t('赔偿金额', 'Compensation'), { readOnly: true }),
    compensationBy: enumOf(t('赔偿人', 'Paid by'), PAYERS, { readOnly: true }),
    compensatedAt: datetime(t('赔偿确定时间', 'Compensation settled at'), { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('value', 'money'),
    column('status', 'status'),
    column('dueAt', 'datetime', 2),
    column('lentAt', 'datetime', 3),
    column('returnedAt', 'datetime', 3),
  ],
  filters: ['status', 'customerId', 'assistantId', 'lentAt', 'dueAt', 'returnedAt', 'compensationBy'],
  amountField: 'value',
  defaultSort: { field: 'id', order: 'DESC' },
  columns: [
    'code',
    'status',
    'createdBy',
    'assistantId',
    'customerId',
    'customerName',
    'value',
    'lentAt',
    'dueAt',
    'returnedAt',
    'orderId',
    'compensationAmount',
    'compensationBy',
  ],
  access: {
    read: [
      'assistant',
      'teamLead',
      'csManager',
      'orderDesk',
      'warehouse',
      'finance',
      'lossPrevention',
      'salesRep',
      'admin',
    ],
    create: ['assistant', 'teamLead'],
    edit: ['assistant', 'teamLead'],
  },
  ownerField: 'assistantId',
  deadlineField: 'dueAt',
  // damaged: the manager decides who pays; the loan's due time no longer runs
  stateDeadlines: { damaged: null },
  overdue: isLoanOverdue,
  views: { overdue: overdueLoans },
  prints: {
    // 6.11.1 the samples leave on the loan transfer note the order desk makes: none for a draft
    loanTransferNote: {
      title: t('借样转储单', 'Loan transfer note'),
      clause: '6.11.1',
      officialIn: ['applied', 'out', 'returned', 'bought', 'damaged', 'compensated'],
      otherwise: 'never',
      printers: ['orderDesk', 'warehouse', 'admin'],
      stepPrinters: ['orderDesk'],
    },
  },
  menuGroup: 'service',
  compute: computeLoan,
  rules: loanRules,
  workflow: loanWorkflow,
});
