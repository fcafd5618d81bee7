import { shanghaiDate } from '../../calendar';
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
import { fenToYuan, lineTotalFen, yuanToFen } from '../../money';
import { refusal, ruleRefusal, type Refusal } from '../../refusal';
import { dayOf, linesOf, nowIso, num, ownDocument } from '../../rules/service/common';
import {
  chargeRefusals,
  chargesOf,
  completionRefusal,
  onsiteDay,
  requestedDayRefusal,
  warrantyOf,
  type WarrantyStatus,
} from '../../rules/service/warranty';
import { t } from '../../text';
import type { Workflow } from '../../workflow';
import { CATEGORIES } from '../products';
import { calendarOfSettings } from '../../settings';

/**
 * After-sales service tickets 售后报修 (5.7, 5.3.2).
 *
 * received (any assistant takes the call: customer, product, invoice date, fault) → scheduled (the
 * sales support group 销售支持组 takes it and goes onsite on the next working day or the customer's
 * chosen day, holidays excluded, 5.7.3 / 5.7.8) → done (parts and fee recorded; 5.7.3 under warranty
 * free except parts outside the warranty's scope at cost; 5.7.6 out of warranty parts + labour) →
 * closed (free: sales support closes; with a charge: finance, once paid).
 */

export const TICKET_STATUSES = {
  received: {
    label: t('已受理（待安排）', 'Received (to schedule)'),
    color: 'warning',
    editable: true,
    waitingOn: ['assistant'],
  },
  scheduled: {
    label: t('已安排上门', 'Onsite visit scheduled'),
    color: 'info',
    editable: true,
    waitingOn: ['assistant'],
  },
  done: { label: t('已完成（待结案）', 'Done (to close)'), color: 'primary', waitingOn: ['assistant', 'finance'] },
  closed: { label: t('已结案', 'Closed'), color: 'success', final: true },
  cancelled: { label: t('已取消', 'Cancelled'), color: 'default', final: true },
} as const;

export const WARRANTY = {
  inWarranty: t('保修期内（一年免费保修）', 'Under warranty (one year)'),
  makerService: t('厂家售后服务站检测', "Maker's service station"),
  exchangeWindow: t('15天内质量问题免费更换', 'Free exchange (15 days)'),
  outOfWarranty: t('保修期外', 'Out of warranty'),
};

const KINDS = { repair: t('报修', 'Repair'), install: t('安装调试', 'Installation') };

const owner = ownDocument();

/** 5.7.3 the sales support group (销售支持组) does the onsite service. */
const salesSupport = (_doc: DocRecord, ctx: RuleContext): Refusal | null =>
  ctx.user.role !== 'assistant' || ctx.user.group === 'salesSupport'
    ? null
    : refusal('forbidden', '售后上门服务由销售支持组安排', 'Onsite service is for the sales support group', '5.7.3');

export function computeTicket(doc: DocRecord, ctx: RuleContext): DocRecord {
  const product = ctx.refs.productId;
  const order = ctx.refs.orderId;
  const receivedAt = typeof doc.receivedAt === 'string' && doc.receivedAt ? doc.receivedAt : ctx.now.toISOString();
  const receivedDay = shanghaiDate(new Date(receivedAt));
  const invoiceDate = (typeof doc.invoiceDate === 'string' && doc.invoiceDate) || dayOf(order?.deliveredAt) || null;
  const w = invoiceDate
    ? warrantyOf(product?.category, invoiceDate, receivedDay)
    : { status: 'outOfWarranty' as WarrantyStatus, until: null };
  const parts = linesOf(doc, 'parts').map((l) => ({
    ...l,
    amount: fenToYuan(lineTotalFen(yuanToFen(num(l.unitCost)), num(l.qty))),
  }));
  return {
    ...doc,
    parts,
    receivedAt,
    invoiceDate,
    customerName: ctx.refs.customerId?.name ?? doc.customerName ?? '',
    productName: product?.name ?? doc.productName ?? '',
    category: product?.category ?? doc.category ?? null,
    warrantyStatus: w.status,
    warrantyUntil: w.until,
    onsiteDate: onsiteDay(receivedDay, doc.requestedDate, calendarOfSettings(ctx.settings)),
    ...chargesOf(w.status, parts, num(doc.labourFee)),
  };
}

export function ticketRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const out: Refusal[] = [];
  const customer = ctx.refs.customerId;
  const product = ctx.refs.productId;
  const order = ctx.refs.orderId;
  if (!customer) out.push(ruleRefusal('5.7.1', '客户不存在', 'No such customer', 'customerId'));
  if (!product) out.push(ruleRefusal('5.7.1', '商品不存在', 'No such product', 'productId'));
  if (doc.orderId != null) {
    if (!order) out.push(ruleRefusal('5.7.1', '订单不存在', 'No such order', 'orderId'));
    else {
      if (Number(order.customerId) !== Number(doc.customerId))
        out.push(ruleRefusal('5.7.1', '该订单不是这个客户的', "The order is not this customer's", 'orderId'));
      if (!linesOf(order).some((l) => Number(l.productId) === Number(doc.productId)))
        out.push(ruleRefusal('5.7.1', '该商品不在这张订单上', 'The product is not on this order', 'productId'));
    }
  }
  const receivedDay = shanghaiDate(new Date(String(doc.receivedAt ?? ctx.now.toISOString())));
  if (typeof doc.invoiceDate !== 'string' || !doc.invoiceDate)
    out.push(
      ruleRefusal(
        '5.7.2',
        '请填写发票日期（保修期由此起算）',
        'The invoice date is required (the warranty counts from it)',
        'invoiceDate',
      ),
    );
  else if (doc.invoiceDate > receivedDay)
    out.push(
      ruleRefusal('5.7.2', '发票日期不能晚于报修日期', 'The invoice date cannot be after the call', 'invoiceDate'),
    );
  const r = requestedDayRefusal(receivedDay, doc.requestedDate, calendarOfSettings(ctx.settings));
  if (r) out.push(r);
  out.push(...chargeRefusals(doc.warrantyStatus as WarrantyStatus, doc, ctx.lineRefs.productId ?? {}));
  return out;
}

/** Closing a paid repair is finance's (5.7.6 the customer pays); a free one the sales support's. */
const freeTicket = (doc: DocRecord): Refusal | null =>
  num(doc.totalCharge) > 0
    ? ruleRefusal(
        '5.7.6',
        `本单收费 ${num(doc.totalCharge)} 元，须由财务确认收款后结案`,
        `This ticket charges ${num(doc.totalCharge)} yuan: finance closes it once paid`,
        'totalCharge',
      )
    : null;

export const ticketWorkflow: Workflow = {
  initial: () => 'received',
  states: TICKET_STATUSES,
  transitions: [
    // 5.7.3 / 5.7.8 the sales support group takes the ticket (it becomes theirs) and books the visit
    {
      action: 'schedule',
      label: t('安排上门', 'Schedule the visit'),
      from: ['received'],
      roles: ['assistant'],
      to: 'scheduled',
      actor: salesSupport,
      effect: (_d, ctx) => ({ scheduledAt: nowIso(ctx), assistantId: ctx.user.id }),
      tone: 'primary',
    },
    {
      action: 'complete',
      label: t('维修完成', 'Done'),
      from: ['scheduled'],
      roles: ['assistant'],
      to: 'done',
      actor: salesSupport,
      guard: completionRefusal,
      effect: (_d, ctx) => ({ doneAt: nowIso(ctx) }),
      tone: 'primary',
      list: true,
    },
    {
      action: 'close',
      label: t('收款结案', 'Paid, close'),
      from: ['done'],
      roles: ['finance'],
      to: 'closed',
      effect: (d, ctx) => ({ closedAt: nowIso(ctx), paid: num(d.totalCharge) > 0 }),
      bulk: true,
      tone: 'primary',
    },
    {
      action: 'close',
      label: t('结案', 'Close'),
      from: ['done'],
      roles: ['assistant'],
      to: 'closed',
      actor: salesSupport,
      guard: freeTicket,
      effect: (_d, ctx) => ({ closedAt: nowIso(ctx), paid: false }),
      tone: 'primary',
    },
    {
      action: 'cancel',
      label: t('取消', 'Cancel'),
      from: ['received', 'scheduled'],
      roles: ['assistant', 'teamLead'],
      to: 'cancelled',
      actor: owner,
      commentRequired: true,
      tone: 'danger',
    },
  ],
};

export const serviceTickets = defineDocument({
  resource: 'serviceTickets',
  clause: '5.7',
  label: t('售后报修单', 'Service ticket'),
  menuLabel: t('售后报修', 'After-sales service'),
  codePrefix: 'ST',
  fields: {
    code: text(t('报修单号', 'Ticket no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    kind: enumOf(t('类型', 'Kind'), KINDS, { required: true, default: 'repair' }),
    customerId: ref(t('客户', 'Customer'), 'customers', { required: true, immutable: true }),
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    productId: ref(t('商品', 'Product'), 'products', { required: true }),
    productName: text(t('品名', 'Product name'), { computed: true, search: true }),
    category: enumOf(t('类别', 'Category'), CATEGORIES, { computed: true }),
    orderId: ref(t('销售订单', 'Sales order'), 'orders', {
      pick: {
        filter: (d) => (typeof d.customerId === 'number' ? { customerId: d.customerId } : null),
        after: 'customerId',
        rule: '5.7.1',
        why: t('须为该客户的订单', "must be this customer's order"),
        inRules: true,
      },
    }),
    serialNo: text(t('机身编号', 'Serial no.'), { maxLength: 60, search: true }),
    invoiceDate: date(t('发票日期', 'Invoice date'), {
      help: t(
        '保修期自发票开具之日起算；有订单时默认为送货签收日 (5.7.2)',
        'The warranty counts from the invoice date; defaults to the delivery day of the order (5.7.2)',
      ),
    }),
    fault: longText(t('故障描述', 'Fault'), { required: true, maxLength: 2000 }),
    address: text(t('上门地址', 'Onsite address'), { maxLength: 200 }),
    requestedDate: date(t('客户指定上门日期', 'Day chosen by the customer'), {
      help: t(
        '不填则为下一工作日；法定节假日除外 (5.7.3, 5.7.8)',
        'Empty: the next working day; never a holiday (5.7.3, 5.7.8)',
      ),
    }),
    receivedAt: datetime(t('报修时间', 'Received at'), { computed: true }),
    onsiteDate: date(t('上门日期', 'Onsite day'), { computed: true }),
    warrantyStatus: enumOf(t('保修状态', 'Warranty'), WARRANTY, { computed: true }),
    warrantyUntil: date(t('保修截止', 'Warranty until'), { computed: true }),
    parts: lines(
      t('更换零件', 'Parts replaced'),
      {
        name: text(t('零件名称', 'Part'), { required: true, maxLength: 100 }),
        productId: ref(t('零件商品', 'Part product'), 'products'),
        qty: int(t('数量', 'Qty'), { required: true, min: 1, max: 1000 }),
        unitCost: money(t('成本价', 'Cost'), { required: true, max: 1_000_000 }),
        inScope: bool(t('属保修范围', 'Covered by the warranty'), { default: true }),
        amount: money(t('金额', 'Amount'), { computed: true }),
      },
      { maxLines: 50 },
    ),
    labourFee: money(t('维修费', 'Repair (labour) fee'), {
      default: 0,
      max: 100_000,
      help: t('仅保修期外收取 (5.7.6)', 'Out of warranty only (5.7.6)'),
    }),
    partsCharge: money(t('零件费（成本）', 'Parts (at cost)'), { computed: true }),
    labourCharge: money(t('应收维修费', 'Labour charged'), { computed: true }),
    totalCharge: money(t('应收合计', 'Total charged'), { computed: true }),
    assistantId: ref(t('负责人', 'Handled by'), 'users', { readOnly: true }),
    scheduledAt: datetime(t('安排时间', 'Scheduled at'), { readOnly: true }),
    doneAt: datetime(t('完成时间', 'Done at'), { readOnly: true }),
    closedAt: datetime(t('结案时间', 'Closed at'), { readOnly: true }),
    paid: bool(t('已收款', 'Paid'), { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('onsiteDate', 'date'),
    column('totalCharge', 'money'),
    column('status', 'status'),
    column('kind', 'choice', 2),
    column('warrantyStatus', 'choice', 3),
    column('productName', 'text', 3),
  ],
  filters: ['status', 'kind', 'customerId', 'productId', 'warrantyStatus', 'assistantId', 'onsiteDate', 'receivedAt'],
  // the newest visits first (ascending put last year's finished tickets above today's)
  defaultSort: { field: 'onsiteDate', order: 'DESC' },
  columns: [
    'code',
    'status',
    'createdBy',
    'assistantId',
    'customerId',
    'customerName',
    'productId',
    'orderId',
    'kind',
    'invoiceDate',
    'receivedAt',
    'warrantyStatus',
    'onsiteDate',
    'totalCharge',
    'doneAt',
    'closedAt',
  ],
  access: {
    read: ['assistant', 'teamLead', 'csManager', 'merchPlanning', 'finance', 'admin'],
    create: ['assistant', 'teamLead'],
    edit: ['assistant', 'teamLead'],
  },
  ownerField: 'assistantId',
  deadlineField: 'onsiteDate',
  // repaired, waiting for finance to close: the visit's day is behind it
  stateDeadlines: { done: null },
  menuGroup: 'service',
  compute: computeTicket,
  rules: ticketRules,
  workflow: ticketWorkflow,
});
