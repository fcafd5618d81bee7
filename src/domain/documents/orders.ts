import {
  bool,
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
  type Fact,
  type RuleContext,
} from '../definition';
import { fenToYuan, formatYuan, lineTotalFen, sumFen, yuanToFen, type Fen } from '../money';
import { ruleRefusal, refusal, type Refusal } from '../refusal';
import { creditRefusal, exceedsRemainingCredit, isKeyAccount, remainingCreditFen } from '../rules/customerTerms';
import { deliveryFeeFen, deliveryPromise } from '../rules/delivery';
import {
  deliveryListPrinted,
  invoicedBeforeLeaving,
  cashOrderRefusal,
  invoiceNoRefusal,
  isLargeOrder,
  largeOrderFromFen,
  deliveryListRefusal,
  invoicedFirstRefusal,
} from '../rules/fulfilment';
import { linePriceRefusal, shortBy } from '../rules/pricing';
import { SHORT_OFFER, shortLines, shortLineText, stockCoversRefusal, type ShortLine } from '../rules/stock';
import { stockEffects } from '../rules/approvals/common';
import { TRADED_ORDER_STATUSES } from '../rules/approvals/credit';
import { approvalSteps, submitStep } from '../approvalSteps';
import { fact } from '../explain';
import { webOrderConfirmDeadline } from '../rules/webOrder';
import { t } from '../text';
import { view } from '../where';
import type { StateDef, Workflow } from '../workflow';
import { calendarOfSettings } from '../settings';

/** Sales order 销售订单 (5.2, 5.4, 5.5, 5.6, 6.2). */

export const ORDER_STATUSES = {
  pendingConfirmation: {
    label: t('待确认（网上订单）', 'Awaiting confirmation (web)'),
    color: 'warning',
    editable: true,
    waitingOn: ['assistant'],
    because: {
      text: t(
        '网上订单须在收到后10分钟内由电子商务组确认',
        'a web order is confirmed by the e-commerce group within 10 minutes of arrival',
      ),
      rule: '5.1.1',
    },
  },
  draft: {
    label: t('草稿', 'Draft'),
    color: 'default',
    editable: true,
    waitingOn: ['assistant'],
    because: {
      text: t(
        '逐项确认品牌、规格、型号、颜色及需求时间后提交审核',
        'confirm brand, spec, model, colour and time of every line, then submit',
      ),
      rule: '6.2.1',
    },
  },
  rejected: {
    label: t('已退回', 'Returned'),
    color: 'error',
    editable: true,
    waitingOn: ['assistant'],
    because: {
      text: t(
        '订单已退回，按退回意见修改后重新提交',
        'the order was returned: change it as the reviewer says and submit again',
      ),
      rule: '6.2.1',
    },
  },
  submitted: {
    label: t('待审核', 'Awaiting review'),
    color: 'info',
    waitingOn: ['csManager'],
    because: (d, ctx) => reviewReason(d, ctx),
  },
  gmApproval: {
    label: t('待总经理审批', 'Awaiting branch GM'),
    color: 'secondary',
    waitingOn: ['branchGM'],
    because: (d, ctx) => ({ text: gmText(d, ctx), rule: '5.10.4' }),
  },
  approved: {
    label: t('已审核', 'Approved'),
    color: 'primary',
    waitingOn: ['orderDesk', 'warehouse'],
    because: (d, ctx) => pickReason(d, ctx),
  },
  // 6.2.4 the order desk prints the delivery list; 5.4.2 a cash order goes to finance for its invoice, a credit order to the van
  picked: {
    label: t('已拣配', 'Picked'),
    color: 'primary',
    waitingOn: ['orderDesk', 'finance', 'driver'],
    waitingWhere: { finance: { paymentMethod: 'cash' }, driver: { paymentMethod: 'credit' } },
    because: (d) => pickedReason(d),
  },
  invoiced: {
    label: t('已开票', 'Invoiced'),
    color: 'primary',
    waitingOn: ['orderDesk', 'driver'],
    because: (d) => pickedReason(d),
  },
  shipped: {
    label: t('配送中', 'Out for delivery'),
    color: 'primary',
    waitingOn: ['driver'],
    because: {
      text: t('送货途中，待客户验收签字', 'on the van: the customer checks the goods and signs'),
      rule: '6.2.6',
    },
  },
  delivered: {
    label: t('已签收', 'Delivered'),
    color: 'success',
    waitingOn: ['finance'],
    because: {
      text: t('客户已签收，待财务收款结案', 'signed for: finance collects payment and closes it'),
      rule: '5.4.2',
    },
  },
  closed: { label: t('已结案', 'Closed'), color: 'success', final: true },
  cancelled: { label: t('已取消', 'Cancelled'), color: 'default', final: true },
} as const satisfies Record<string, StateDef>;

/**
 * 5.6.6 key accounts first — while the order is open: the default list (priority DESC, then the
 * newest, id DESC) puts today's open key-account orders first, not last month's closed ones. Set
 * when the order is computed and cleared by the steps that end it (close, cancel).
 */
export const orderPriority = (keyAccount: boolean, status: unknown): 0 | 1 =>
  keyAccount && !(ORDER_STATUSES as Record<string, { final?: boolean }>)[String(status)]?.final ? 1 : 0;

/**
 * The orders that count as work in reports (the morning meeting, trends): submitted, and every
 * state after — not a draft, a web order not yet confirmed, one returned to its clerk, nor a
 * cancelled one.
 */
export const WORK_ORDER_STATUSES: readonly string[] = [
  'submitted',
  'gmApproval',
  'approved',
  'picked',
  'invoiced',
  'shipped',
  'delivered',
  'closed',
];

const OPEN_CREDIT_STATUSES = ['gmApproval', 'approved', 'picked', 'shipped', 'delivered'] as const;
/**
 * Statuses whose credit orders use up the customer's credit line (5.10.4): approved and not yet
 * closed. Finance closes an order when it is settled (paid), which frees the credit.
 */
export const CREDIT_USING_STATUSES: readonly string[] = OPEN_CREDIT_STATUSES;

const customerOf = (ctx: RuleContext) => ctx.refs.customerId;
const creditUsed = (ctx: RuleContext) => Number(ctx.facts.creditUsed ?? 0);

/** 5.10.4: a credit order beyond the remaining credit waits for the branchGM after the csManager. */
export function overCreditLimit(order: DocRecord, ctx: RuleContext): boolean {
  const customer = customerOf(ctx);
  if (order.paymentMethod !== 'credit' || !customer || typeof order.total !== 'number') return false;
  return exceedsRemainingCredit(yuanToFen(order.total), customer, creditUsed(ctx));
}

/**
 * 5.10.4 the branchGM approves after the csManager: a credit order beyond the remaining credit, and
 * any single order of a large amount (the settings' threshold, whatever the settlement).
 */
export const needsGmApproval = (order: DocRecord, ctx: RuleContext): boolean =>
  overCreditLimit(order, ctx) || isLargeOrder(order, ctx.settings);

const ownsOrder = (doc: DocRecord, ctx: RuleContext): Refusal | null =>
  doc.assistantId === ctx.user.id || doc.createdBy === ctx.user.id || ctx.user.role !== 'assistant'
    ? null
    : refusal('forbidden', '只能处理自己的订单', 'You can only act on your own orders');

/** 5.1.1 web orders are confirmed by the e-commerce group. */
const ecommerceAssistant = (_doc: DocRecord, ctx: RuleContext): Refusal | null =>
  ctx.user.role !== 'assistant' || ctx.user.group === 'ecommerce'
    ? null
    : refusal('forbidden', '网上订单由电子商务组确认', 'Web orders are confirmed by the e-commerce group', '5.1.1');

/** 6.2.1 every line confirmed (brand, spec, model, colour, required time) before submitting. */
const linesConfirmed = (doc: DocRecord): Refusal | null =>
  doc.linesConfirmed === true
    ? null
    : ruleRefusal(
        '6.2.1',
        '提交前须逐项确认品牌、规格、型号、颜色及需求时间',
        'Confirm brand, spec, model, colour and required time of every line before submitting',
        'linesConfirmed',
      );

/** 5.11.3 overdue credit customer: no delivery on credit before payment. */
const overdueBlocksCredit = (doc: DocRecord, ctx: RuleContext): Refusal | null =>
  doc.paymentMethod === 'credit' && customerOf(ctx)?.overdue === true
    ? ruleRefusal(
        '5.11.3',
        '该客户有逾期货款，赊销订单须先付款后送货',
        'Overdue customer: credit orders are paid before delivery',
        'paymentMethod',
      )
    : null;

const now = (ctx: RuleContext) => ctx.now.toISOString();

const linesOfOrder = (doc: DocRecord): DocRecord[] => (Array.isArray(doc.lines) ? (doc.lines as DocRecord[]) : []);
/** the order's products as they are now (the server loads them for every step) */
const productsNow = (ctx: RuleContext) => ctx.lineRefs.productId ?? {};

/** 5.6.4 / 6.2.5 stock must serve every line before the warehouse picks (no stock below zero). */
const stockCovers = (doc: DocRecord, ctx: RuleContext): Refusal | null =>
  stockCoversRefusal(linesOfOrder(doc), productsNow(ctx));

const NOT_YET_PICKED: readonly string[] = [
  'pendingConfirmation',
  'draft',
  'rejected',
  'submitted',
  'gmApproval',
  'approved',
];
/**
 * 5.2.2 / 5.6.4 the order's lines stock cannot serve, against the products as they are now — until
 * the goods leave at picking (afterwards the stock no longer holds them: nothing is short).
 * The approver's facts, the picking list and the delivery note all flag these.
 */
export const shortLinesNow = (order: DocRecord, products: Record<number, DocRecord | undefined>): ShortLine[] =>
  NOT_YET_PICKED.includes(String(order.status ?? 'draft')) ? shortLines(linesOfOrder(order), products) : [];
const orderShortLines = (doc: DocRecord, ctx: RuleContext) => shortLinesNow(doc, productsNow(ctx));

/** 5.10.4 the credit figures: limit, in use by the customer's other open credit orders, remaining, this order, overrun. */
export function creditFigures(
  doc: DocRecord,
  ctx: RuleContext,
): { limitFen: Fen; usedFen: Fen; remainingFen: Fen; orderFen: Fen; overrunFen: Fen } | null {
  const customer = customerOf(ctx);
  if (doc.paymentMethod !== 'credit' || !customer) return null;
  const limitFen = typeof customer.creditLimit === 'number' ? yuanToFen(customer.creditLimit) : 0;
  const usedFen = yuanToFen(creditUsed(ctx));
  const remainingFen = remainingCreditFen(customer, creditUsed(ctx));
  const orderFen = yuanToFen(Number(doc.total ?? 0));
  return { limitFen, usedFen, remainingFen, orderFen, overrunFen: Math.max(0, orderFen - Math.max(0, remainingFen)) };
}

function overLimitText(doc: DocRecord, ctx: RuleContext) {
  const c = creditFigures(doc, ctx);
  if (!c)
    return t(
      '赊销订单超出剩余信用额度，经理审核后还须分公司总经理审批',
      'a credit order beyond the remaining credit: the branch GM approves after the CS manager',
    );
  return {
    zh: `赊销订单合计 ${formatYuan(c.orderFen)}，剩余信用额度 ${formatYuan(c.remainingFen)}（额度 ${formatYuan(c.limitFen)}，已用 ${formatYuan(c.usedFen)}），超出 ${formatYuan(c.overrunFen)}：经理审核后还须分公司总经理审批`,
    en: `credit order of ${formatYuan(c.orderFen)} against ${formatYuan(c.remainingFen)} of credit remaining (limit ${formatYuan(c.limitFen)}, used ${formatYuan(c.usedFen)}), over by ${formatYuan(c.overrunFen)}: the branch GM approves after the CS manager`,
  };
}

/** 5.10.4 a large single order: its total against the settings' threshold */
function largeText(doc: DocRecord, ctx: RuleContext) {
  const from = formatYuan(largeOrderFromFen(ctx.settings));
  const total = formatYuan(yuanToFen(Number(doc.total ?? 0)));
  return {
    zh: `单笔订单合计 ${total}，达到 ${from}：经理审核后还须分公司总经理审批`,
    en: `a single order of ${total}, at or above ${from}: the branch GM approves after the CS manager`,
  };
}

/** why the branch GM decides (5.10.4): over the credit line, or a large single order, or both */
function gmText(doc: DocRecord, ctx: RuleContext) {
  const over = overCreditLimit(doc, ctx);
  if (!isLargeOrder(doc, ctx.settings)) return overLimitText(doc, ctx);
  if (!over) return largeText(doc, ctx);
  const a = overLimitText(doc, ctx);
  const b = largeText(doc, ctx);
  return { zh: `${a.zh}；${b.zh}`, en: `${a.en}; ${b.en}` };
}

/** who the picked / invoiced order waits on, and why (6.2.4, 5.4.2, 6.2.5) */
function pickedReason(doc: DocRecord) {
  if (!deliveryListPrinted(doc))
    return {
      rule: '6.2.4',
      text: t(
        '订单组打印销售送货清单，白联交仓管员，其它联加盖"送货专用章"后交物流组排单',
        'the order desk prints the delivery list: the white copy to the warehouse keeper, the others stamped 送货专用章 for the logistics group',
      ),
    };
  if (invoicedBeforeLeaving(doc) && doc.status === 'picked')
    return {
      rule: '5.4.2',
      text: t(
        '现金付款订单：财务部开票后与单据一并交物流',
        'a cash order: finance invoices it, and the invoice goes with the papers to logistics',
      ),
    };
  return {
    rule: '6.2.5',
    text: t('已拣配出库，待按线路排单出车', 'picked and out of stock: to be loaded by route and driven out'),
  };
}

function reviewReason(doc: DocRecord, ctx: RuleContext) {
  if (isLargeOrder(doc, ctx.settings))
    return {
      rule: '5.10.4',
      text: {
        zh: `客户服务中心经理审核；${largeText(doc, ctx).zh.replace('：经理审核后还须分公司总经理审批', '')}，审核后转分公司总经理`,
        en: `the CS manager reviews; ${largeText(doc, ctx).en.replace(': the branch GM approves after the CS manager', '')}, so the branch GM approves next`,
      },
    };
  if (doc.paymentMethod === 'credit') {
    const gm = overCreditLimit(doc, ctx);
    return {
      rule: gm ? '5.10.4' : '5.5.1',
      text: gm
        ? {
            zh: `赊销订单须经客户服务中心经理审核；${overLimitText(doc, ctx).zh.replace('：经理审核后还须分公司总经理审批', '')}，审核后转分公司总经理`,
            en: `credit orders are reviewed by the CS manager; ${overLimitText(doc, ctx).en.replace(': the branch GM approves after the CS manager', '')}, so the branch GM approves next`,
          }
        : t(
            '赊销（付款帐期）订单须经客户服务中心经理审核后才能传送物流',
            'a credit (on account) order is reviewed by the CS manager before it goes to logistics',
          ),
    };
  }
  return {
    rule: '5.6.5',
    text: t(
      '客户助理输入的销售订单经客户服务中心经理审核后传送物流',
      'the sales order the assistant entered is reviewed by the CS manager before it goes to logistics',
    ),
  };
}

function pickReason(doc: DocRecord, ctx: RuleContext) {
  const short = orderShortLines(doc, ctx);
  if (short.length === 0)
    return {
      rule: '6.2.4',
      text: t(
        '订单组打印销售送货单，仓管员按单配货',
        'the order desk prints the delivery note, the warehouse picks by it',
      ),
    };
  return {
    rule: '5.6.4',
    text: {
      zh: `${short.map((s) => shortLineText(s).zh).join('；')}——${SHORT_OFFER.zh}`,
      en: `${short.map((s) => shortLineText(s).en).join('; ')} — ${SHORT_OFFER.en}`,
    },
  };
}

const CREDIT_DECIDED_IN: readonly string[] = ['pendingConfirmation', 'draft', 'rejected', 'submitted', 'gmApproval'];

/** What the approver sees beside the order (5.10.4 credit, 5.6.4 stock, 5.11.3 overdue). */
export function explainOrder(doc: DocRecord, ctx: RuleContext): Fact[] {
  const out: Fact[] = [];
  // the credit figures while the credit is decided (5.5.1, 5.10.4); once approved they are history
  const c = CREDIT_DECIDED_IN.includes(String(doc.status ?? 'draft')) ? creditFigures(doc, ctx) : null;
  if (c) {
    const y = (fen: Fen) => ({ zh: formatYuan(fen), en: formatYuan(fen) });
    out.push(
      fact('creditLimit', t('信用额度', 'Credit limit'), y(c.limitFen), {
        rule: '5.10.4',
        amount: fenToYuan(c.limitFen),
      }),
      fact('creditUsed', t('已用额度（其他未结赊销订单）', 'Used (other open credit orders)'), y(c.usedFen), {
        rule: '5.10.4',
        amount: fenToYuan(c.usedFen),
      }),
      fact('creditRemaining', t('剩余额度', 'Remaining'), y(c.remainingFen), {
        rule: '5.10.4',
        amount: fenToYuan(c.remainingFen),
        tone: c.remainingFen > 0 ? 'ok' : 'warning',
      }),
      fact('orderTotal', t('本单合计', 'This order'), y(c.orderFen), { rule: '5.10.4', amount: fenToYuan(c.orderFen) }),
      fact('creditOverrun', t('超出额度', 'Over the limit by'), y(c.overrunFen), {
        rule: '5.10.4',
        amount: fenToYuan(c.overrunFen),
        tone: c.overrunFen > 0 ? 'error' : 'ok',
      }),
    );
  }
  if (CREDIT_DECIDED_IN.includes(String(doc.status ?? 'draft')) && isLargeOrder(doc, ctx.settings)) {
    const from = largeOrderFromFen(ctx.settings);
    out.push(
      fact(
        'largeOrder',
        t('单笔大额订单', 'Large single order'),
        {
          zh: `合计达到 ${formatYuan(from)}：须分公司总经理审批`,
          en: `total at or above ${formatYuan(from)}: the branch GM approves`,
        },
        { rule: '5.10.4', amount: fenToYuan(from), tone: 'info' },
      ),
    );
  }
  if (customerOf(ctx)?.overdue === true && doc.paymentMethod === 'credit') {
    out.push(
      fact(
        'overdue',
        t('逾期货款', 'Overdue payments'),
        t('该客户有逾期货款：先付款后送货', 'this customer is overdue: payment before delivery'),
        { rule: '5.11.3', tone: 'error' },
      ),
    );
  }
  for (const s of orderShortLines(doc, ctx)) {
    out.push(
      fact(
        `short.${s.index}`,
        { zh: `第${s.index + 1}行缺货`, en: `Line ${s.index + 1} short of stock` },
        { zh: `${shortLineText(s).zh}——${SHORT_OFFER.zh}`, en: `${shortLineText(s).en} — ${SHORT_OFFER.en}` },
        { rule: '5.6.4', tone: 'warning', amount: s.short },
      ),
    );
  }
  return out;
}

export const orderWorkflow: Workflow = {
  initial: (doc) => (doc.channel === 'web' ? 'pendingConfirmation' : 'draft'),
  states: ORDER_STATUSES,
  transitions: [
    {
      action: 'confirm',
      label: t('确认网上订单', 'Confirm web order'),
      from: ['pendingConfirmation'],
      roles: ['assistant'],
      to: 'submitted',
      actor: ecommerceAssistant,
      guard: linesConfirmed,
      effect: (_d, ctx) => ({ confirmedAt: now(ctx), submittedAt: now(ctx), assistantId: ctx.user.id }),
      bulk: false,
      tone: 'primary',
      list: true,
    },
    submitStep({ roles: ['assistant', 'teamLead'], to: 'submitted', actor: ownsOrder, guard: linesConfirmed }),
    // 5.5.1 csManager reviews; 5.10.4 over the remaining credit, or a large single order → branchGM too.
    ...approvalSteps(
      [
        {
          state: 'submitted',
          roles: ['csManager'],
          next: (d, ctx) => (needsGmApproval(d, ctx) ? 'gmApproval' : 'approved'),
          label: t('审核通过', 'Approve'),
          guard: overdueBlocksCredit,
        },
        {
          state: 'gmApproval',
          roles: ['branchGM'],
          next: 'approved',
          label: t('审核通过', 'Approve'),
          guard: overdueBlocksCredit,
        },
      ],
      { rule: '5.5.1' },
    ),
    // 6.2.5 the warehouse picks by the delivery note: the goods leave stock; 5.6.4 a short line is not picked
    {
      action: 'pick',
      label: t('拣配完成', 'Picked'),
      from: ['approved'],
      roles: ['orderDesk', 'warehouse'],
      to: 'picked',
      guard: stockCovers,
      effect: (_d, ctx) => ({ pickedAt: now(ctx) }),
      effects: (d) => stockEffects(linesOfOrder(d), -1, '6.2.5'),
      bulk: true,
    },
    // 5.4.2 finance invoices a picked cash order (the invoice number), and the invoice goes with it to logistics
    {
      action: 'invoice',
      label: t('开票', 'Invoice'),
      from: ['picked'],
      roles: ['finance'],
      to: 'invoiced',
      params: ['invoiceNo'],
      precondition: cashOrderRefusal,
      guard: invoiceNoRefusal,
      effect: (_d, ctx) => ({ invoicedAt: now(ctx), invoicedBy: ctx.user.id }),
      tone: 'primary',
      list: true,
    },
    // 6.2.4 the van takes the printed delivery list; 5.4.2 a cash order only once invoiced
    {
      action: 'ship',
      label: t('出车配送', 'Out for delivery'),
      from: ['picked', 'invoiced'],
      roles: ['orderDesk', 'driver'],
      to: 'shipped',
      precondition: invoicedFirstRefusal,
      guard: (d, ctx) => overdueBlocksCredit(d, ctx) ?? deliveryListRefusal(d),
      effect: (_d, ctx) => ({ shippedAt: now(ctx) }),
      bulk: true,
    },
    {
      action: 'deliver',
      label: t('客户签收', 'Delivered (signed)'),
      from: ['shipped'],
      roles: ['driver'],
      to: 'delivered',
      effect: (_d, ctx) => ({ deliveredAt: now(ctx) }),
      bulk: true,
    },
    {
      action: 'close',
      label: t('结案', 'Close'),
      from: ['delivered'],
      roles: ['finance'],
      to: 'closed',
      effect: (_d, ctx) => ({ closedAt: now(ctx), priority: 0 }),
      bulk: true,
    },
    // Cancel is allowed before picking (flow of 5.2 / 6.2).
    {
      action: 'cancel',
      label: t('取消订单', 'Cancel order'),
      from: ['pendingConfirmation', 'draft', 'rejected', 'submitted', 'gmApproval', 'approved'],
      roles: ['assistant', 'teamLead', 'csManager'],
      to: 'cancelled',
      actor: ownsOrder,
      commentRequired: true,
      effect: () => ({ priority: 0 }),
      tone: 'danger',
    },
  ],
};

const PAYMENT = { cash: t('现金付款', 'Cash'), credit: t('付款帐期', 'On account') };

export const orders = defineDocument({
  resource: 'orders',
  clause: '6.2',
  label: t('销售订单', 'Sales order'),
  menuLabel: t('销售订单', 'Sales orders'),
  codePrefix: 'SO',
  fields: {
    code: text(t('订单号', 'Order no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    customerId: ref(t('客户', 'Customer'), 'customers', { required: true }),
    channel: enumOf(
      t('渠道', 'Channel'),
      { phone: t('电话', 'Phone'), web: t('网上', 'Web') },
      { required: true, default: 'phone', immutable: true },
    ),
    paymentMethod: enumOf(t('结算方式', 'Settlement'), PAYMENT, { required: true, default: 'cash' }),
    quoteId: ref(t('报价单', 'Quote'), 'quotes'),
    lines: lines(
      t('订单明细', 'Lines'),
      {
        productId: ref(t('商品', 'Product'), 'products', { required: true }),
        qty: int(t('数量', 'Qty'), { required: true, min: 1, max: 100000 }),
        unitPrice: money(t('单价', 'Unit price'), { required: true, max: 1_000_000 }),
        productName: text(t('品名', 'Name'), { computed: true }),
        sku: text(t('货号', 'SKU'), { computed: true }),
        amount: money(t('金额', 'Amount'), { computed: true }),
        shortBy: int(t('缺货数', 'Short'), { computed: true }),
      },
      { required: true },
    ),
    linesConfirmed: bool(
      t('已逐项确认品牌/规格/型号/颜色/需求时间', 'Lines confirmed (brand/spec/model/colour/time)'),
      { default: false, help: t('提交前必须确认 (6.2.1)', 'Required before submitting (6.2.1)') },
    ),
    requiredBy: datetime(t('客户需求时间', 'Required by')),
    receiver: text(t('收货人', 'Receiver'), { maxLength: 50, search: true }),
    receiverPhone: text(t('收货电话', 'Receiver phone'), { maxLength: 30, search: true }),
    deliveryAddress: text(t('送货地址', 'Delivery address'), { maxLength: 200 }),
    note: longText(t('备注', 'Note'), { maxLength: 2000 }),
    receivedAt: datetime(t('接单时间', 'Received at'), { readOnly: true }),
    // computed by the server from the lines, the customer and the clock
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    customerCode: text(t('客户编号', 'Customer code'), { computed: true, search: true }),
    keyAccount: bool(t('大客户', 'Key account'), { computed: true }),
    priority: int(t('优先级', 'Priority'), { computed: true, internal: true }),
    subtotal: money(t('货款小计', 'Goods total'), { computed: true }),
    deliveryFee: money(t('运费', 'Delivery fee'), { computed: true }),
    total: money(t('合计', 'Total'), { computed: true }),
    shortLines: int(t('缺货行数', 'Lines short of stock'), { computed: true }),
    promisedDeliveryAt: datetime(t('承诺送达', 'Promised delivery'), { computed: true }),
    promiseKind: text(t('送达承诺', 'Promise'), { computed: true }),
    confirmDeadline: datetime(t('确认时限', 'Confirm by'), { computed: true, clock: 'working' }),
    needsGmApproval: bool(t('需总经理审批', 'Needs branch GM'), { computed: true }),
    assistantId: ref(t('客户助理', 'Assistant'), 'users', { readOnly: true }),
    confirmedAt: datetime(t('确认时间', 'Confirmed at'), { readOnly: true }),
    submittedAt: datetime(t('提交时间', 'Submitted at'), { readOnly: true }),
    pickedAt: datetime(t('拣配时间', 'Picked at'), { readOnly: true }),
    // 5.4.2 entered by finance with the `invoice` step (cash orders)
    invoiceNo: text(t('发票号码', 'Invoice no.'), {
      readOnly: true,
      maxLength: 40,
      search: true,
      help: t(
        '现金付款订单由财务部开票后交物流 (5.4.2)',
        'Cash orders are invoiced by finance before they go to logistics (5.4.2)',
      ),
    }),
    invoicedAt: datetime(t('开票时间', 'Invoiced at'), { readOnly: true }),
    invoicedBy: ref(t('开票人', 'Invoiced by'), 'users', { readOnly: true }),
    shippedAt: datetime(t('出车时间', 'Shipped at'), { readOnly: true }),
    deliveredAt: datetime(t('签收时间', 'Delivered at'), { readOnly: true }),
    closedAt: datetime(t('结案时间', 'Closed at'), { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('total', 'money'),
    column('status', 'status'),
    column('needsGmApproval', 'flag'),
    column('paymentMethod', 'choice', 2),
    column('receivedAt', 'datetime', 3),
    column('promisedDeliveryAt', 'datetime', 3),
    column('channel', 'choice', 3),
    column('invoiceNo', 'text', 3),
  ],
  filters: ['status', 'channel', 'customerId', 'paymentMethod', 'assistantId', 'receivedAt'],
  // open key-account orders first, then the newest (ties are broken by id, newest first)
  defaultSort: { field: 'priority', order: 'DESC' },
  columns: [
    'code',
    'status',
    'customerId',
    'channel',
    'paymentMethod',
    'assistantId',
    'receivedAt',
    'total',
    'priority',
    'promisedDeliveryAt',
    'confirmDeadline',
    'confirmedAt',
    'customerName',
    'createdBy',
  ],
  access: {
    read: 'all',
    create: ['assistant', 'teamLead'],
    edit: ['assistant', 'teamLead'],
  },
  ownerField: 'assistantId',
  deadlineField: 'promisedDeliveryAt',
  // a web order's 10 minutes (5.1.1); a delivered order has met its promise
  stateDeadlines: { pendingConfirmation: 'confirmDeadline', delivered: null },
  menuGroup: 'sales',
  inbox: {
    columns: ['customerName', 'total', 'promisedDeliveryAt'],
    // the driver's day: where to, and on which route
    byRole: {
      driver: ['customerName', 'deliveryAddress', 'customerId.route'],
      finance: ['customerName', 'total', 'paymentMethod'],
    },
  },
  facts: ['creditUsed'],
  prints: {
    // 6.2.4 the order desk (物流部订单组) prints the delivery list of an approved order — the white copy
    // to the warehouse keeper, who picks by it (6.2.5), the others stamped for the logistics group; the
    // van takes no order without it (the ship step). Only the order desk records that print.
    deliveryNote: {
      title: t('销售送货单', 'Delivery note'),
      clause: '6.2.4',
      officialIn: ['approved', 'picked', 'invoiced', 'shipped', 'delivered', 'closed'],
      otherwise: 'never',
      printers: ['orderDesk'],
      stepPrinters: ['orderDesk'],
    },
    // 6.2.5 the warehouse's picking list: every line with its stock, a short line flagged (5.6.4)
    pickingList: {
      title: t('拣货单', 'Picking list'),
      clause: '6.2.5',
      officialIn: ['approved'],
      otherwise: 'never',
      printers: ['warehouse', 'orderDesk', 'admin'],
      stepPrinters: ['warehouse'],
    },
  },
  explain: explainOrder,
  compute: computeOrder,
  rules: orderRules,
  workflow: orderWorkflow,
  views: {
    /** 5.1.1 web orders waiting for the e-commerce group's confirmation */
    awaitingConfirmation: view('orders', { status: 'pendingConfirmation' }),
    /** 5.1.1 … and those past their 10 minutes at `now` (overdue strictly after the deadline, as isOverdue) */
    confirmationOverdue: (now: Date) =>
      view('orders', { status: 'pendingConfirmation', confirmDeadline_lt: now.toISOString() }),
    /** the orders that are work in reports (WORK_ORDER_STATUSES) */
    work: view('orders', { status: [...WORK_ORDER_STATUSES] }),
    /** received but not work yet: drafts, unconfirmed web orders, returned ones (not cancelled) */
    notYetWork: view('orders', {
      status: Object.keys(ORDER_STATUSES).filter((s) => s !== 'cancelled' && !WORK_ORDER_STATUSES.includes(s)),
    }),
    /** 5.11.1 / 6.12.1 orders that count as trade: delivered (customer signed) or closed (settled) */
    traded: view('orders', { status: [...TRADED_ORDER_STATUSES] }),
    /** 5.10.4 the credit orders that use up their customer's credit line */
    usingCredit: view('orders', { paymentMethod: 'credit', status: [...CREDIT_USING_STATUSES] }),
  },
});

/** Server-computed fields of an order; the order entry form calls the same function live. */
export function computeOrder(doc: DocRecord, ctx: RuleContext): DocRecord {
  const products = ctx.lineRefs.productId ?? {};
  const customer = customerOf(ctx);
  const rawLines = Array.isArray(doc.lines) ? (doc.lines as DocRecord[]) : [];
  const lineOut = rawLines.map((l) => {
    const p = products[Number(l.productId)];
    const qty = Number(l.qty) || 0;
    const amountFen = lineTotalFen(yuanToFen(Number(l.unitPrice) || 0), qty);
    return {
      ...l,
      productName: p?.name ?? '',
      sku: p?.sku ?? '',
      amount: fenToYuan(amountFen),
      shortBy: shortBy(qty, p),
    };
  });
  const subtotalFen = sumFen(lineOut.map((l) => yuanToFen(l.amount)));
  const feeFen = deliveryFeeFen(subtotalFen);
  const receivedAt = typeof doc.receivedAt === 'string' ? new Date(doc.receivedAt) : ctx.now;
  const key = isKeyAccount(customer);
  const cal = calendarOfSettings(ctx.settings);
  const promise = deliveryPromise(receivedAt, key, cal);
  const out: DocRecord = {
    ...doc,
    lines: lineOut,
    customerName: customer?.name ?? '',
    customerCode: customer?.code ?? '',
    keyAccount: key,
    priority: orderPriority(key, doc.status), // 5.6.6 open key-account orders first
    subtotal: fenToYuan(subtotalFen),
    deliveryFee: fenToYuan(feeFen),
    total: fenToYuan(subtotalFen + feeFen),
    shortLines: lineOut.filter((l) => l.shortBy > 0).length,
    receivedAt: receivedAt.toISOString(),
    promisedDeliveryAt: promise.at.toISOString(),
    promiseKind: promise.kind,
    confirmDeadline: doc.channel === 'web' ? webOrderConfirmDeadline(receivedAt, cal).toISOString() : null,
    deliveryAddress: doc.deliveryAddress || customer?.address || '',
    receiver: doc.receiver || customer?.contact || '',
    receiverPhone: doc.receiverPhone || customer?.phone || '',
  };
  out.needsGmApproval = needsGmApproval(out, ctx);
  return out;
}

/** Business rules checked on every create and update (422 with the clause). */
export function orderRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const out: Refusal[] = [];
  const customer = customerOf(ctx);
  if (!customer) return [ruleRefusal('6.3', '客户不存在', 'No such customer', 'customerId')];
  if (customer.active === false)
    out.push(ruleRefusal('6.3', '该客户已停用', 'This customer is inactive', 'customerId'));
  if (doc.paymentMethod === 'credit') {
    const r = creditRefusal(customer, ctx.now);
    if (r) out.push(r);
  }
  const rawLines = Array.isArray(doc.lines) ? (doc.lines as DocRecord[]) : [];
  if (rawLines.length === 0)
    out.push(ruleRefusal('6.2.1', '订单至少要有一行商品', 'An order needs at least one line', 'lines'));
  rawLines.forEach((l, i) => {
    const product = ctx.lineRefs.productId?.[Number(l.productId)];
    if (!product) {
      out.push(
        ruleRefusal('6.2.1', `第${i + 1}行：商品不存在`, `Line ${i + 1}: no such product`, `lines.${i}.productId`),
      );
      return;
    }
    if (product.active === false)
      out.push(
        ruleRefusal('6.2.1', `第${i + 1}行：商品已停售`, `Line ${i + 1}: product discontinued`, `lines.${i}.productId`),
      );
    const r = linePriceRefusal(l, i, product, customer, doc, ctx.now, ctx.refs.quoteId);
    if (r) out.push(r);
  });
  return out;
}

export const settlementLabel = (paymentMethod: unknown) => (paymentMethod === 'credit' ? PAYMENT.credit : PAYMENT.cash);
