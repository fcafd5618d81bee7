import { approvalSteps, rejectedState } from '../../approvalSteps';
import {
  bool,
  column,
  date,
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
import { fenToYuan, lineTotalFen, sumFen, yuanToFen } from '../../money';
import { ruleRefusal, type Refusal } from '../../refusal';
import { dayOf, linesOf, nowIso, num, ownDocument } from '../../rules/service/common';
import {
  DELIVERED_ORDER_STATUSES,
  deliveredQty,
  isSpecialGoods,
  parseReturnedQty,
  qualityRefusal,
  returnWindowRefusal,
  RETURN_RELEASED_STATUSES,
  sameDayRefusal,
} from '../../rules/service/returns';
import { t } from '../../text';
import { view } from '../../where';
import type { Effect, Workflow } from '../../workflow';
import { CATEGORIES } from '../products';

/**
 * Returns and exchanges 退换货 (6.9, 5.3.2, 5.7.2).
 *
 * draft return (草稿退货单: the assistant, with the delivery note = the order, and the reason;
 * eligibility checked, 6.9.1) → merchPlanning approves (6.9.2) → orderDesk prints it → the driver's
 * first inspection with the customer's signature (6.9.3) → the warehouse's second inspection →
 * orderDesk makes the formal sales return note (销售退货单) and the goods go back into stock → closed.
 *
 * 6.9.4 same-day return at delivery: marked on the delivery note and signed by the customer and the
 * driver, the goods ride back with the driver. The assistant records it as a same-day return
 * (`sameDay`); the driver confirms it on the spot — no draft approval, no printing, no separate
 * first inspection — and the warehouse inspection and the formal note follow as usual.
 *
 * 6.9.5 (6.5.4) special goods are not returnable in principle: every such return goes to loss
 * prevention instead of merchandise planning, same-day or not; goods found damaged at the driver's
 * or the warehouse's inspection go to loss prevention too (flow chart of 6.9).
 */

export const RETURN_STATUSES = {
  draft: { label: t('草稿退货单', 'Draft return'), color: 'default', editable: true, waitingOn: ['assistant'] },
  atDelivery: {
    label: t('当场退货（待送货员确认）', 'Same-day return (driver to confirm)'),
    color: 'warning',
    editable: true,
    waitingOn: ['driver'],
  },
  rejected: rejectedState(['assistant'], t('已退回', 'Returned for changes')),
  submitted: {
    label: t('待商品计划部审核', 'Awaiting merchandise planning'),
    color: 'info',
    waitingOn: ['merchPlanning'],
  },
  lossReview: { label: t('待防损处理', 'With loss prevention'), color: 'secondary', waitingOn: ['lossPrevention'] },
  approved: { label: t('已同意（待打印）', 'Approved (to print)'), color: 'primary', waitingOn: ['orderDesk'] },
  printed: {
    label: t('已打印（待送货员初检）', 'Printed (driver to inspect)'),
    color: 'primary',
    waitingOn: ['driver'],
  },
  collected: {
    label: t('已取回（待仓库验收）', 'Collected (warehouse to inspect)'),
    color: 'primary',
    waitingOn: ['warehouse'],
  },
  inspected: {
    label: t('验收合格（待制正式退货单）', 'Inspected (formal note to make)'),
    color: 'primary',
    waitingOn: ['orderDesk'],
  },
  closed: { label: t('已制销售退货单', 'Sales return note made'), color: 'success', final: true },
  refused: { label: t('不予退货', 'Refused'), color: 'error', final: true },
  cancelled: { label: t('已取消', 'Cancelled'), color: 'default', final: true },
} as const;

const KINDS = { return: t('退货', 'Return'), exchange: t('换货', 'Exchange') };
const REASONS = {
  qualityDefect: t('质量问题', 'Quality defect'),
  wrongGoods: t('错发/错订', 'Wrong goods'),
  notNeeded: t('客户不再需要', 'No longer needed'),
  other: t('其他', 'Other'),
};

const orderOf = (ctx: RuleContext) => ctx.refs.orderId;
const productOf = (ctx: RuleContext, id: unknown) => ctx.lineRefs.productId?.[Number(id)];
const owner = ownDocument();
const hasSpecial = (doc: DocRecord) => doc.special === true;

/** 6.9.1 eligibility, also checked again when the draft is submitted (a draft may wait for days). */
function eligibility(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const out: Refusal[] = [];
  const order = orderOf(ctx);
  if (!order)
    return [ruleRefusal('6.9.1', '请填写有效的销售送货单（订单）号', 'Give a valid delivery note (order)', 'orderId')];
  const deliveredAt = typeof order.deliveredAt === 'string' ? order.deliveredAt : null;
  if (
    !DELIVERED_ORDER_STATUSES.includes(String(order.status)) ||
    !deliveredAt ||
    Date.parse(deliveredAt) > ctx.now.getTime()
  ) {
    out.push(
      ruleRefusal(
        '6.9.1',
        `订单 ${String(order.code ?? '')} 尚未送达签收，不能退换货`,
        `Order ${String(order.code ?? '')} has not been delivered: nothing to return`,
        'orderId',
      ),
    );
    return out;
  }
  const rows = linesOf(doc);
  if (rows.length === 0)
    out.push(ruleRefusal('6.9.1', '退货单至少要有一行商品', 'A return needs at least one line', 'lines'));
  const delivered = deliveredQty(order);
  const already = parseReturnedQty(ctx.facts.returnedQty);
  const asked = new Map<number, number>();
  let equipmentDefect = false;
  rows.forEach((l, i) => {
    const pid = Number(l.productId);
    const product = productOf(ctx, pid);
    if (!delivered.has(pid)) {
      out.push(
        ruleRefusal(
          '6.9.1',
          `第${i + 1}行：该商品不在销售送货单 ${String(order.code ?? '')} 上`,
          `Line ${i + 1}: this product is not on delivery note ${String(order.code ?? '')}`,
          `lines.${i}.productId`,
        ),
      );
      return;
    }
    asked.set(pid, (asked.get(pid) ?? 0) + num(l.qty));
    const left = (delivered.get(pid) ?? 0) - (already.get(pid) ?? 0);
    if ((asked.get(pid) ?? 0) > left) {
      out.push(
        ruleRefusal(
          '6.9.1',
          `第${i + 1}行：退货数量超过送货数量（可退 ${Math.max(0, left)}）`,
          `Line ${i + 1}: more than was delivered (at most ${Math.max(0, left)} left to return)`,
          `lines.${i}.qty`,
        ),
      );
    }
    if (doc.reasonType === 'qualityDefect') {
      if (product?.category === 'oaEquipment') equipmentDefect = true;
      const q = qualityRefusal(l, i, product);
      if (q) out.push(q);
    }
  });
  if (typeof doc.invoiceDate === 'string') {
    const w = returnWindowRefusal(doc.invoiceDate, ctx.now, equipmentDefect);
    if (w) out.push(w);
    const orderDay = dayOf(order.receivedAt);
    if (orderDay && doc.invoiceDate < orderDay)
      out.push(
        ruleRefusal('5.7.2', '发票日期不能早于订单日期', 'The invoice date cannot be before the order', 'invoiceDate'),
      );
  } else {
    out.push(
      ruleRefusal(
        '5.7.2',
        '请填写发票日期（退换货期限由此起算）',
        'The invoice date is required (the window counts from it)',
        'invoiceDate',
      ),
    );
  }
  if (doc.sameDay === true) {
    const s = sameDayRefusal(order, ctx.now);
    if (s) out.push(s);
  }
  return out;
}

export function computeReturn(doc: DocRecord, ctx: RuleContext): DocRecord {
  const order = orderOf(ctx);
  const orderLines = linesOf(order ?? {});
  const lineOut = linesOf(doc).map((l) => {
    const p = productOf(ctx, l.productId);
    const onOrder = orderLines.find((o) => Number(o.productId) === Number(l.productId));
    const unitPrice =
      typeof onOrder?.unitPrice === 'number'
        ? onOrder.unitPrice
        : typeof p?.catalogPrice === 'number'
          ? p.catalogPrice
          : 0;
    const amount = fenToYuan(lineTotalFen(yuanToFen(unitPrice), num(l.qty)));
    return {
      ...l,
      productName: p?.name ?? '',
      sku: p?.sku ?? '',
      category: p?.category ?? null,
      unitPrice,
      amount,
      specialGoods: isSpecialGoods(l, p),
    };
  });
  return {
    ...doc,
    lines: lineOut,
    customerId: typeof doc.customerId === 'number' ? doc.customerId : (order?.customerId ?? null),
    customerName: order?.customerName ?? doc.customerName ?? '',
    orderCode: order?.code ?? doc.orderCode ?? '',
    invoiceDate: doc.invoiceDate || dayOf(order?.deliveredAt) || null,
    total: fenToYuan(sumFen(lineOut.map((l) => yuanToFen(l.amount)))),
    special: lineOut.some((l) => l.specialGoods),
  };
}

export function returnRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  return eligibility(doc, ctx);
}

/** Re-check eligibility when the draft goes out (guard → 422 with the first clause). */
const stillEligible = (doc: DocRecord, ctx: RuleContext): Refusal | null =>
  ctx.refs.orderId ? (eligibility(doc, ctx)[0] ?? null) : null;

/** 6.9.3 / 6.9.4 the warehouse takes goods only with the customer's signature on the note. */
const signed = (doc: DocRecord): Refusal | null =>
  doc.customerSigned === true
    ? null
    : ruleRefusal(
        '6.9.3',
        '退货单上须有客户签名，仓库才能验收',
        'The customer must have signed the return note before the warehouse inspects',
        'customerSigned',
      );

/** 6.9.4 the same-day shortcut: delivered today, not special goods (6.9.5 → loss prevention). */
const sameDayGuard = (doc: DocRecord, ctx: RuleContext): Refusal | null => {
  if (hasSpecial(doc))
    return ruleRefusal(
      '6.9.5',
      '特殊订购商品的退货须提交防损员处理，不能当场退货',
      'Special goods returns go to loss prevention, not the same-day shortcut',
      'sameDay',
    );
  return ctx.refs.orderId ? sameDayRefusal(ctx.refs.orderId, ctx.now) : null;
};

/** The formal sales return note puts returned goods back into stock; an exchange swaps like for like. */
const backIntoStock = (doc: DocRecord): Effect[] =>
  doc.kind === 'exchange'
    ? []
    : linesOf(doc).map(
        (l) => ({ kind: 'adjustStock', productId: Number(l.productId), delta: num(l.qty), rule: '6.9.3' }) as Effect,
      );

export const returnWorkflow: Workflow = {
  initial: (doc) => (doc.sameDay === true ? 'atDelivery' : 'draft'),
  states: RETURN_STATUSES,
  transitions: [
    // 6.9.1 → 6.9.2 merchandise planning; 6.9.5 special goods → loss prevention
    {
      action: 'submit',
      label: t('提交审核', 'Submit'),
      from: ['draft', 'rejected', 'atDelivery'],
      roles: ['assistant', 'teamLead'],
      to: (d) => (hasSpecial(d) ? 'lossReview' : 'submitted'),
      actor: owner,
      guard: stillEligible,
      effect: (_d, ctx) => ({ submittedAt: nowIso(ctx) }),
      tone: 'primary',
    },
    ...approvalSteps(
      [
        {
          state: 'submitted',
          roles: ['merchPlanning'],
          next: 'approved',
          label: t('同意退货', 'Approve'),
          effect: (_d, ctx) => ({ approvedAt: nowIso(ctx) }),
        },
        // 6.9.5 loss prevention decides on special goods and on goods found damaged
        {
          state: 'lossReview',
          roles: ['lossPrevention'],
          label: t('同意退货', 'Approve'),
          bulk: false,
          commentRequired: true,
          next: (d) => (d.collectedAt ? 'inspected' : 'approved'),
          effect: (_d, ctx) => ({ approvedAt: nowIso(ctx) }),
          rejectLabel: t('不予退货', 'Refuse'),
          rejectTo: 'refused',
          rejectEffect: (_d, ctx) => ({ refusedAt: nowIso(ctx) }),
        },
      ],
      { rule: '6.9' },
    ),
    // 6.9.2 the order desk prints the approved draft for logistics
    {
      action: 'print',
      label: t('打印草稿退货单', 'Print draft return'),
      from: ['approved'],
      roles: ['orderDesk'],
      to: 'printed',
      effect: (_d, ctx) => ({ printedAt: nowIso(ctx) }),
      bulk: true,
    },
    // 6.9.3 the driver's first inspection; the customer signs the draft return note
    {
      action: 'collect',
      label: t('初检合格，客户已签名', 'Inspected, customer signed'),
      from: ['printed'],
      roles: ['driver'],
      to: 'collected',
      effect: (_d, ctx) => ({ customerSigned: true, collectedAt: nowIso(ctx) }),
      tone: 'primary',
      list: true,
    },
    {
      action: 'reportDamage',
      label: t('商品损坏，提交防损', 'Damaged: to loss prevention'),
      from: ['printed'],
      roles: ['driver'],
      to: 'lossReview',
      commentRequired: true,
      tone: 'danger',
    },
    // 6.9.4 same-day return at delivery: customer and driver sign the delivery note
    {
      action: 'sameDayReturn',
      label: t('当场退货，客户与送货员已签名', 'Taken back at delivery, both signed'),
      from: ['atDelivery'],
      roles: ['driver'],
      to: 'collected',
      guard: sameDayGuard,
      effect: (_d, ctx) => ({ customerSigned: true, driverSigned: true, collectedAt: nowIso(ctx) }),
      tone: 'primary',
    },
    // 6.9.3 second inspection at the warehouse
    {
      action: 'inspect',
      label: t('仓库验收合格', 'Warehouse inspection passed'),
      from: ['collected'],
      roles: ['warehouse'],
      to: 'inspected',
      guard: signed,
      effect: (_d, ctx) => ({ inspectedAt: nowIso(ctx) }),
      tone: 'primary',
      list: true,
    },
    {
      action: 'reportDamage',
      label: t('商品损坏，提交防损', 'Damaged: to loss prevention'),
      from: ['collected'],
      roles: ['warehouse'],
      to: 'lossReview',
      commentRequired: true,
      tone: 'danger',
    },
    // 6.9.3 the formal sales return note (销售退货单): goods back into stock
    {
      action: 'finalize',
      label: t('制正式销售退货单', 'Make the sales return note'),
      from: ['inspected'],
      roles: ['orderDesk'],
      to: 'closed',
      effect: (_d, ctx) => ({ closedAt: nowIso(ctx) }),
      effects: backIntoStock,
      tone: 'primary',
      list: true,
    },
    {
      action: 'cancel',
      label: t('取消', 'Cancel'),
      from: ['draft', 'rejected', 'atDelivery'],
      roles: ['assistant', 'teamLead'],
      to: 'cancelled',
      actor: owner,
      commentRequired: true,
      tone: 'danger',
    },
  ],
};

export const returns = defineDocument({
  resource: 'returns',
  clause: '6.9',
  label: t('退换货单', 'Return / exchange'),
  menuLabel: t('退换货', 'Returns'),
  codePrefix: 'RT',
  fields: {
    code: text(t('退货单号', 'Return no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    // 6.9.1 the customer first, then one of their delivered orders (the delivery note the goods came on)
    customerId: ref(t('客户', 'Customer'), 'customers', {
      immutable: true,
      help: t('先选客户，再选其已签收的送货单', 'Pick the customer, then one of their delivered orders'),
    }),
    orderId: ref(t('销售送货单（订单）', 'Delivery note (order)'), 'orders', {
      required: true,
      immutable: true,
      pick: {
        filter: (d) => ({
          status: [...DELIVERED_ORDER_STATUSES],
          ...(typeof d.customerId === 'number' ? { customerId: d.customerId } : {}),
        }),
        after: 'customerId',
        rule: '6.9.1',
        why: t('须为所选客户已送达签收的订单', 'must be a delivered order of the chosen customer'),
      },
    }),
    orderCode: text(t('送货单号', 'Delivery note no.'), { computed: true, search: true }),
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    kind: enumOf(t('类型', 'Kind'), KINDS, { required: true, default: 'return' }),
    reasonType: enumOf(t('退换货原因', 'Reason'), REASONS, { required: true }),
    reason: longText(t('原因说明', 'Reason in detail'), { required: true, maxLength: 1000 }),
    invoiceDate: date(t('发票日期', 'Invoice date'), {
      help: t(
        '默认为送货签收日；退换货期限自发票开具之日起算15天 (5.3.2, 5.7.2)',
        'Defaults to the delivery day; the 15-day window counts from the invoice date (5.3.2, 5.7.2)',
      ),
    }),
    sameDay: bool(t('送货当天当场退货', 'Same-day return at delivery'), {
      default: false,
      immutable: true,
      help: t(
        '在销售送货单上注明退货，客户与送货员签名 (6.9.4)',
        'Marked on the delivery note, signed by customer and driver (6.9.4)',
      ),
    }),
    lines: lines(
      t('退货明细', 'Lines'),
      {
        productId: ref(t('商品', 'Product'), 'products', { required: true }),
        qty: int(t('数量', 'Qty'), { required: true, min: 1, max: 100000 }),
        makerConfirmed: bool(t('厂家检测确认质量问题', 'Defect confirmed by the maker'), {
          default: false,
          help: t(
            'OA耗材/设备的质量问题须经厂家售后检测确认 (5.3.2, 5.7.2)',
            'OA consumables/equipment: the maker confirms the defect (5.3.2, 5.7.2)',
          ),
        }),
        special: bool(t('特殊订购商品', 'Special goods'), {
          default: false,
          help: t(
            '特殊订购商品原则上不退货，由防损员处理 (6.5.4, 6.9.5)',
            'Special goods: not returnable in principle; loss prevention handles them (6.5.4, 6.9.5)',
          ),
        }),
        productName: text(t('品名', 'Name'), { computed: true }),
        sku: text(t('货号', 'SKU'), { computed: true }),
        category: enumOf(t('类别', 'Category'), CATEGORIES, { computed: true }),
        unitPrice: money(t('单价', 'Unit price'), { computed: true }),
        amount: money(t('金额', 'Amount'), { computed: true }),
        specialGoods: bool(t('特殊商品', 'Special goods'), { computed: true }),
      },
      { required: true, maxLines: 100 },
    ),
    total: money(t('退货金额', 'Return value'), { computed: true }),
    special: bool(t('含特殊商品（防损处理）', 'Special goods (loss prevention)'), { computed: true }),
    note: longText(t('备注', 'Note'), { maxLength: 2000 }),
    assistantId: ref(t('客户助理', 'Assistant'), 'users', { readOnly: true }),
    customerSigned: bool(t('客户已签名', 'Customer signed'), { readOnly: true }),
    driverSigned: bool(t('送货员已签名（当场退货）', 'Driver signed (same day)'), { readOnly: true }),
    submittedAt: datetime(t('提交时间', 'Submitted at'), { readOnly: true }),
    approvedAt: datetime(t('同意时间', 'Approved at'), { readOnly: true }),
    printedAt: datetime(t('打印时间', 'Printed at'), { readOnly: true }),
    collectedAt: datetime(t('取回时间', 'Collected at'), { readOnly: true }),
    inspectedAt: datetime(t('验收时间', 'Inspected at'), { readOnly: true }),
    closedAt: datetime(t('制单时间', 'Return note made at'), { readOnly: true }),
    refusedAt: datetime(t('拒绝时间', 'Refused at'), { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('kind', 'choice'),
    column('total', 'money'),
    column('status', 'status'),
    column('createdAt', 'datetime', 2),
    column('orderCode', 'code', 3),
    column('reasonType', 'choice', 3),
    column('invoiceDate', 'date', 3),
  ],
  filters: [
    'status',
    'customerId',
    'orderId',
    'kind',
    'reasonType',
    'special',
    'sameDay',
    'assistantId',
    'invoiceDate',
    'closedAt',
  ],
  defaultSort: { field: 'id', order: 'DESC' },
  columns: [
    'code',
    'status',
    'createdBy',
    'assistantId',
    'orderId',
    'orderCode',
    'customerId',
    'customerName',
    'kind',
    'reasonType',
    'invoiceDate',
    'total',
    'special',
    'sameDay',
    'closedAt',
  ],
  access: {
    read: [
      'assistant',
      'teamLead',
      'csManager',
      'merchPlanning',
      'orderDesk',
      'warehouse',
      'driver',
      'lossPrevention',
      'finance',
      'branchGM',
      'admin',
    ],
    create: ['assistant', 'teamLead'],
    edit: ['assistant', 'teamLead'],
  },
  ownerField: 'assistantId',
  prints: {
    // 6.9.2 the draft return note the order desk prints for logistics once merchandise planning approved it
    draftReturnNote: {
      title: t('草稿退货单', 'Draft return note'),
      clause: '6.9.2',
      officialIn: ['approved', 'printed', 'collected', 'inspected', 'closed'],
      otherwise: 'mark',
      printers: ['orderDesk', 'merchPlanning', 'driver', 'warehouse', 'admin'],
    },
    // 6.9.3 the formal sales return note: the goods come back into stock on it — no such paper before the warehouse's inspection
    salesReturnNote: {
      title: t('销售退货单', 'Sales return note'),
      clause: '6.9.3',
      officialIn: ['inspected', 'closed'],
      otherwise: 'never',
      printers: ['orderDesk', 'warehouse', 'finance', 'admin'],
      stepPrinters: ['orderDesk'],
    },
  },
  menuGroup: 'service',
  facts: ['returnedQty'],
  compute: computeReturn,
  rules: returnRules,
  workflow: returnWorkflow,
  views: {
    /** 6.9.1 returns that still hold quantities of their order (all but cancelled and refused) */
    holding: view('returns', {
      status: Object.keys(RETURN_STATUSES).filter((s) => !RETURN_RELEASED_STATUSES.includes(s)),
    }),
  },
});
