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
  type Fact,
  type RuleContext,
} from '../../definition';
import { fact } from '../../explain';
import { lineTotalFen, sumFen } from '../../money';
import { refusal, ruleRefusal, type Refusal } from '../../refusal';
import { creditRefusal, isKeyAccount, isNewCustomer } from '../../rules/customerTerms';
import { fen, fenToYuan, linesOf, nowIso } from '../../rules/sales/common';
import { classMargins, MARGIN_CLASS_LABEL, marginClass, marginPct } from '../../rules/sales/margin';
import {
  QUOTE_EXPIRY_WARNING_DAYS,
  isQuoteExpired,
  quoteReplyDeadline,
  quoteReplyLatest,
  replySla,
} from '../../rules/sales/quoteTime';

export { QUOTE_USABLE_STATUSES } from '../../rules/sales/quoteTime';
import { salesSettings } from '../../rules/sales/settings';
import { t } from '../../text';
import { addDays } from '../../calendar';
import { view } from '../../where';
import type { Effect, Workflow } from '../../workflow';
import { calendarOfSettings } from '../../settings';

/**
 * Sales quote 销售报价单 (6.4, 5.10). An assistant (for customers in their first 3 months the sales
 * rep, 6.4.6) prices the lines; a key-account quote whose overall margin is outside the band goes
 * to the csManager before it is sent (6.4.3); SMB customers are quoted catalog prices only (6.4.3).
 * The reply is due 4 working hours after the inquiry, at most one working day (6.4.5). Every quote
 * has a validity date; an expired one can be neither accepted nor turned into an order (6.4.4).
 * An accepted, unexpired quote becomes a sales order with its prices in one step (`convert`).
 */

export const QUOTE_STATUSES = {
  draft: { label: t('草稿', 'Draft'), color: 'default', editable: true, waitingOn: ['assistant', 'salesRep'] },
  review: {
    label: t('待经理审批（毛利超出区间）', 'Awaiting manager (margin outside band)'),
    color: 'info',
    waitingOn: ['csManager'],
    because: (d: DocRecord) => ({
      text: {
        zh: `大客户报价毛利超出规定区间，须经理审批后发出：${String(d.reviewReason ?? '')}`,
        en: `the key-account quote's margin is outside the band; the manager approves before it is sent: ${String(d.reviewReason ?? '')}`,
      },
      rule: '6.4.3',
    }),
  },
  rejected: rejectedState(['assistant', 'salesRep']),
  approved: {
    label: t('已批准待发出', 'Approved, to be sent'),
    color: 'secondary',
    waitingOn: ['assistant', 'salesRep'],
  },
  sent: { label: t('已报价待答复', 'Sent, awaiting answer'), color: 'primary', waitingOn: ['assistant', 'salesRep'] },
  accepted: { label: t('客户已接受', 'Accepted'), color: 'success', waitingOn: ['assistant', 'salesRep'] },
  converted: { label: t('已转销售订单', 'Converted to order'), color: 'success', final: true },
  declined: { label: t('客户未接受', 'Declined'), color: 'default', final: true },
  expired: { label: t('已过期', 'Expired'), color: 'warning', final: true },
  cancelled: { label: t('已作废', 'Cancelled'), color: 'default', final: true },
} as const;

const customerOf = (ctx: RuleContext) => ctx.refs.customerId;

/** Server-computed fields: line margins, totals, the margin check, reply deadlines, who quotes. */
export function computeQuote(doc: DocRecord, ctx: RuleContext): DocRecord {
  const s = salesSettings(ctx.settings);
  const products = ctx.lineRefs.productId ?? {};
  const customer = customerOf(ctx);
  const key = isKeyAccount(customer);
  const costed = linesOf(doc).map((l) => {
    const p = products[Number(l.productId)];
    const qty = Number(l.qty) || 0;
    const amountFen = lineTotalFen(fen(l.unitPrice), qty);
    const costFen = lineTotalFen(fen(p?.cost), qty);
    const cls = marginClass(p);
    return {
      line: {
        ...l,
        productName: p?.name ?? '',
        sku: p?.sku ?? '',
        marginClass: cls,
        cost: typeof p?.cost === 'number' ? p.cost : 0,
        catalogPrice: typeof p?.catalogPrice === 'number' ? p.catalogPrice : 0,
        amount: fenToYuan(amountFen),
        margin: marginPct(amountFen, costFen),
      },
      cls,
      amountFen,
      costFen,
    };
  });
  const totalFen = sumFen(costed.map((c) => c.amountFen));
  const costTotalFen = sumFen(costed.map((c) => c.costFen));
  // 6.4.3 the band is for key-account quotes; SMB customers are quoted catalog prices (no band)
  const classes = classMargins(costed, s);
  const outside = key ? classes.filter((c) => !c.inBand) : [];
  const inquiryAt = typeof doc.inquiryAt === 'string' && doc.inquiryAt ? doc.inquiryAt : nowIso(ctx);
  return {
    ...doc,
    lines: costed.map((c) => c.line),
    inquiryAt,
    replyDeadline: quoteReplyDeadline(new Date(inquiryAt), calendarOfSettings(ctx.settings)).toISOString(),
    replyLatest: quoteReplyLatest(new Date(inquiryAt), calendarOfSettings(ctx.settings)).toISOString(),
    customerName: customer?.name ?? doc.customerName ?? '',
    customerCode: customer?.code ?? doc.customerCode ?? '',
    keyAccount: key,
    repQuote: customer ? isNewCustomer(customer, ctx.now) : doc.repQuote === true,
    quotedBy: doc.quotedBy ?? ctx.user.id,
    total: fenToYuan(totalFen),
    costTotal: fenToYuan(costTotalFen),
    margin: marginPct(totalFen, costTotalFen),
    needsReview: outside.length > 0,
    reviewReason: outside
      .map(
        (c) =>
          `${MARGIN_CLASS_LABEL[c.cls].zh}毛利 ${c.margin ?? '—'}%，不在 ${c.band?.[0]}%–${c.band?.[1]}% 之间 / ${MARGIN_CLASS_LABEL[c.cls].en} margin ${c.margin ?? '—'}% outside ${c.band?.[0]}–${c.band?.[1]} %`,
      )
      .join('；'),
  };
}

const NEW_CUSTOMER_REP = refusal(
  'forbidden',
  '新客户（交易未满3个月）由销售代表报价',
  'Customers in their first 3 months are quoted by the sales rep',
  '6.4.6',
);

/** Business rules on create and update (6.4.3, 6.4.4, 6.4.5, 6.4.6, 5.10.1). */
export function quoteRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const customer = customerOf(ctx);
  if (!customer) return [ruleRefusal('6.3', '客户不存在', 'No such customer', 'customerId')];
  // 6.4.6 customers in their first 3 months: the sales rep quotes
  if (isNewCustomer(customer, ctx.now) && ctx.user.role !== 'salesRep') return [NEW_CUSTOMER_REP];
  const out: Refusal[] = [];
  if (customer.active === false)
    out.push(ruleRefusal('6.3', '该客户已停用', 'This customer is inactive', 'customerId'));
  if (isQuoteExpired(doc.validUntil, ctx.now))
    out.push(
      ruleRefusal('6.4.4', '报价单的有效日期不能早于今天', 'The validity date cannot be before today', 'validUntil'),
    );
  if (typeof doc.inquiryAt === 'string' && Date.parse(doc.inquiryAt) > ctx.now.getTime()) {
    out.push(ruleRefusal('6.4.5', '询价时间不能晚于现在', 'The inquiry time cannot be in the future', 'inquiryAt'));
  }
  const smb = !isKeyAccount(customer);
  const lineList = linesOf(doc);
  if (lineList.length === 0)
    out.push(ruleRefusal('6.4.3', '报价单至少要有一行商品', 'A quote needs at least one line', 'lines'));
  const seen = new Set<number>();
  lineList.forEach((l, i) => {
    const product = ctx.lineRefs.productId?.[Number(l.productId)];
    if (!product) {
      out.push(
        ruleRefusal('6.4.3', `第${i + 1}行：商品不存在`, `Line ${i + 1}: no such product`, `lines.${i}.productId`),
      );
      return;
    }
    if (product.active === false)
      out.push(
        ruleRefusal('6.4.3', `第${i + 1}行：商品已停售`, `Line ${i + 1}: product discontinued`, `lines.${i}.productId`),
      );
    if (seen.has(Number(l.productId)))
      out.push(
        ruleRefusal(
          '6.4.4',
          `第${i + 1}行：同一商品只能报一个价`,
          `Line ${i + 1}: one price per product`,
          `lines.${i}.productId`,
        ),
      );
    seen.add(Number(l.productId));
    if (smb && product.catalog === false) {
      out.push(
        ruleRefusal(
          '5.10.1',
          `第${i + 1}行：非目录/定制商品只对大客户提供`,
          `Line ${i + 1}: non-catalog / custom goods are for key accounts only`,
          `lines.${i}.productId`,
        ),
      );
    } else if (smb && typeof l.unitPrice === 'number' && fen(l.unitPrice) !== fen(product.catalogPrice)) {
      out.push(
        ruleRefusal(
          '6.4.3',
          `第${i + 1}行：中小客户按导购手册价格报价，${product.name} 为 ${product.catalogPrice} 元`,
          `Line ${i + 1}: SMB customers are quoted the catalog price, ${product.name} is ${product.catalogPrice} yuan`,
          `lines.${i}.unitPrice`,
        ),
      );
    }
  });
  return out;
}

// ---- what the quoter and the approver see (6.4.3) ----

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`);

/**
 * 6.4.3 the margin of each class of lines against its band, the overall margin, and what follows
 * (the csManager approves a key-account quote outside the band; SMB customers are quoted catalog
 * prices). Shown live on the quote form (the server's preview) and beside the quote to the approver.
 */
export function explainQuote(doc: DocRecord, ctx: RuleContext): Fact[] {
  const s = salesSettings(ctx.settings);
  const products = ctx.lineRefs.productId ?? {};
  const customer = customerOf(ctx);
  const key = isKeyAccount(customer);
  const lines = linesOf(doc).map((l) => {
    const p = products[Number(l.productId)];
    const qty = Number(l.qty) || 0;
    return {
      cls: marginClass(p),
      amountFen: lineTotalFen(fen(l.unitPrice), qty),
      costFen: lineTotalFen(fen(p?.cost), qty),
    };
  });
  const out: Fact[] = [];
  if (customer && !key)
    out.push(
      fact(
        'smbCatalog',
        t('中小客户', 'SMB customer'),
        t('按导购手册价格报价，不议价', 'quoted the catalog prices, no bargaining'),
        { rule: '6.4.3', tone: 'info' },
      ),
    );
  for (const c of classMargins(lines, s)) {
    const label = { zh: `${MARGIN_CLASS_LABEL[c.cls].zh}毛利`, en: `Margin, ${MARGIN_CLASS_LABEL[c.cls].en}` };
    const value = c.band
      ? {
          zh: `${pct(c.margin)}（区间 ${c.band[0]}%–${c.band[1]}%）`,
          en: `${pct(c.margin)} (band ${c.band[0]}–${c.band[1]} %)`,
        }
      : { zh: `${pct(c.margin)}（设备类按市场价灵活定价）`, en: `${pct(c.margin)} (equipment: priced flexibly)` };
    out.push(
      fact(`margin.${c.cls}`, label, value, {
        rule: '6.4.3',
        amount: c.margin ?? undefined,
        ...(c.band ? { range: c.band } : {}),
        tone: !key || c.inBand ? 'ok' : 'error',
      }),
    );
  }
  const totalF = sumFen(lines.map((l) => l.amountFen));
  const costF = sumFen(lines.map((l) => l.costFen));
  if (lines.length > 0)
    out.push(
      fact(
        'margin',
        t('总体毛利', 'Overall margin'),
        { zh: pct(marginPct(totalF, costF)), en: pct(marginPct(totalF, costF)) },
        { rule: '6.4.3', amount: marginPct(totalF, costF) ?? undefined },
      ),
    );
  const outside = key && classMargins(lines, s).some((c) => !c.inBand);
  if (outside)
    out.push(
      fact(
        'needsReview',
        t('审批', 'Approval'),
        t(
          '毛利超出区间：须客户服务中心经理审批后才能发出',
          'outside the band: the CS Center manager approves before it is sent',
        ),
        { rule: '6.4.3', tone: 'warning' },
      ),
    );
  return out;
}

// ---- workflow ----

/** Quoting steps (submit, send): 6.4.6 a new customer's quote only by the sales rep. */
function quoter(doc: DocRecord, ctx: RuleContext): Refusal | null {
  if (doc.repQuote === true && ctx.user.role !== 'salesRep') return NEW_CUSTOMER_REP;
  return follower(doc, ctx);
}

/**
 * Following up (accept, decline, convert): assistants their own quotes, and assist the rep on a new
 * customer's (6.4.6 "客户助理协助处理"); the rep follows up with the assistant on any quote (6.4.6).
 */
function follower(doc: DocRecord, ctx: RuleContext): Refusal | null {
  if (ctx.user.role !== 'assistant' || doc.repQuote === true) return null;
  const mine = doc.quotedBy === ctx.user.id || doc.createdBy === ctx.user.id;
  return mine ? null : refusal('forbidden', '只能处理自己的报价单', 'You can only act on your own quotes');
}

function notExpired(doc: DocRecord, ctx: RuleContext): Refusal | null {
  return isQuoteExpired(doc.validUntil, ctx.now)
    ? ruleRefusal(
        '6.4.4',
        `报价单已过有效期（至 ${doc.validUntil}），不能再使用`,
        `The quote expired (valid until ${doc.validUntil}) and cannot be used`,
        'validUntil',
      )
    : null;
}

/** 6.4.3 outside the margin band: the csManager approves before it is sent. Recomputed from the current products. */
const needsReview = (doc: DocRecord, ctx: RuleContext) =>
  Object.keys(ctx.lineRefs.productId ?? {}).length
    ? computeQuote(doc, ctx).needsReview === true
    : doc.needsReview === true;

function sendGuard(doc: DocRecord, ctx: RuleContext): Refusal | null {
  const expired = notExpired(doc, ctx);
  if (expired) return expired;
  if (doc.status !== 'approved' && needsReview(doc, ctx)) {
    return ruleRefusal(
      '6.4.3',
      `毛利超出规定区间，须先经客户服务中心经理审批：${String(doc.reviewReason ?? '')}`,
      'The margin is outside the band: the CS Center manager approves before sending',
      'lines',
    );
  }
  return null;
}

function submitGuard(doc: DocRecord, ctx: RuleContext): Refusal | null {
  return needsReview(doc, ctx)
    ? notExpired(doc, ctx)
    : ruleRefusal(
        '6.4.3',
        '毛利在规定区间内，无需审批，可直接发出',
        'The margin is within the band: no approval needed, send it directly',
        'lines',
      );
}

/** 6.4.4 → the order: the quote's customer and lines with the quote's prices, lines to be confirmed (6.2.1). */
function convertEffects(doc: DocRecord, ctx: RuleContext): Effect[] {
  const customer = customerOf(ctx);
  const credit = !!customer && creditRefusal(customer, ctx.now) === null;
  const record: DocRecord = {
    customerId: doc.customerId,
    channel: 'phone',
    paymentMethod: credit ? 'credit' : 'cash',
    quoteId: doc.id,
    lines: linesOf(doc).map((l) => ({ productId: l.productId, qty: l.qty, unitPrice: l.unitPrice })),
    linesConfirmed: false,
    assistantId: ctx.user.role === 'assistant' ? ctx.user.id : (customer?.assistantId ?? null),
    note: `由报价单 ${String(doc.code ?? '')} 转入（有效期至 ${String(doc.validUntil)}）`,
  };
  return [{ kind: 'create', resource: 'orders', record, rule: '6.4.4', link: 'orderId' }];
}

const QUOTERS = ['assistant', 'salesRep'] as const;
const stamp = (field: string) => (_d: DocRecord, ctx: RuleContext) => ({ [field]: nowIso(ctx) });

export const quoteWorkflow: Workflow = {
  initial: () => 'draft',
  states: QUOTE_STATUSES,
  transitions: [
    // 6.4.3 outside the band → the csManager first
    {
      action: 'submit',
      label: t('提交经理审批', 'Submit for approval'),
      from: ['draft', 'rejected'],
      roles: QUOTERS,
      to: 'review',
      actor: quoter,
      guard: submitGuard,
      effect: stamp('submittedAt'),
    },
    ...approvalSteps(
      [{ state: 'review', roles: ['csManager'], next: 'approved', label: t('批准报价', 'Approve'), guard: notExpired }],
      { rule: '6.4' },
    ),
    // 6.4.5 the reply to the customer
    {
      action: 'send',
      label: t('发出报价', 'Send to customer'),
      from: ['draft', 'rejected', 'approved'],
      roles: QUOTERS,
      to: 'sent',
      actor: quoter,
      guard: sendGuard,
      effect: (d, ctx) => ({
        repliedAt: nowIso(ctx),
        replySla: replySla(new Date(String(d.inquiryAt ?? d.createdAt)), ctx.now, calendarOfSettings(ctx.settings)),
      }),
      tone: 'primary',
      list: true,
    },
    {
      action: 'accept',
      label: t('客户接受', 'Customer accepted'),
      from: ['sent'],
      roles: QUOTERS,
      to: 'accepted',
      actor: follower,
      guard: notExpired,
      effect: stamp('acceptedAt'),
      tone: 'primary',
    },
    {
      action: 'decline',
      label: t('客户未接受', 'Customer declined'),
      from: ['sent', 'accepted'],
      roles: QUOTERS,
      to: 'declined',
      actor: follower,
      commentRequired: true,
      effect: stamp('declinedAt'),
    },
    // 6.4.4 one click: an accepted, unexpired quote becomes a sales order with its prices
    {
      action: 'convert',
      label: t('转为销售订单', 'Convert to order'),
      from: ['accepted'],
      roles: QUOTERS,
      to: 'converted',
      actor: follower,
      guard: notExpired,
      effects: convertEffects,
      effect: stamp('convertedAt'),
      tone: 'primary',
    },
    {
      action: 'expire',
      label: t('标记过期', 'Mark expired'),
      from: ['approved', 'sent', 'accepted'],
      roles: ['assistant', 'salesRep', 'csManager'],
      to: 'expired',
      guard: (d, ctx) =>
        isQuoteExpired(d.validUntil, ctx.now)
          ? null
          : ruleRefusal(
              '6.4.4',
              `报价单仍在有效期内（至 ${d.validUntil}）`,
              `The quote is still valid (until ${d.validUntil})`,
              'validUntil',
            ),
      effect: stamp('expiredAt'),
      bulk: true,
    },
    {
      action: 'cancel',
      label: t('作废', 'Cancel'),
      from: ['draft', 'rejected', 'review', 'approved'],
      roles: ['assistant', 'salesRep', 'csManager'],
      to: 'cancelled',
      actor: (d, ctx) => (ctx.user.role === 'csManager' ? null : follower(d, ctx)),
      commentRequired: true,
      tone: 'danger',
    },
  ],
};

const REPLY_SLA = {
  onTime: t('4小时内回复', 'Within 4 working hours'),
  withinDay: t('超过4小时，一个工作日内', 'Late, within one working day'),
  overdue: t('超过一个工作日', 'Over one working day'),
};

export const quotes = defineDocument({
  resource: 'quotes',
  clause: '6.4',
  label: t('销售报价单', 'Sales quote'),
  menuLabel: t('销售报价单', 'Sales quotes'),
  codePrefix: 'QT',
  fields: {
    code: text(t('报价单号', 'Quote no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    customerId: ref(t('客户', 'Customer'), 'customers', { required: true }),
    inquiryAt: datetime(t('收到询价时间', 'Inquiry received at'), {
      help: t(
        '回复时限从此起算：4个工作小时，最长一个工作日 (6.4.5)',
        'The reply is due 4 working hours from here, at most one working day (6.4.5)',
      ),
    }),
    validUntil: date(t('有效期至', 'Valid until'), {
      required: true,
      help: t('每张报价单都须注明有效日期 (6.4.4)', 'Every quote states its validity date (6.4.4)'),
    }),
    lines: lines(
      t('报价明细', 'Lines'),
      {
        productId: ref(t('商品', 'Product'), 'products', { required: true }),
        qty: int(t('数量', 'Qty'), { required: true, min: 1, max: 100000 }),
        unitPrice: money(t('报价单价', 'Quoted unit price'), { required: true, max: 1_000_000 }),
        productName: text(t('品名', 'Name'), { computed: true }),
        sku: text(t('货号', 'SKU'), { computed: true }),
        marginClass: enumOf(
          t('毛利类别', 'Margin class'),
          {
            normal: t('常销商品', 'Normal goods'),
            special: t('特殊商品', 'Special goods'),
            equipment: t('设备类', 'Equipment'),
          },
          { computed: true },
        ),
        catalogPrice: money(t('目录价', 'Catalog price'), { computed: true }),
        cost: money(t('成本价', 'Cost'), { computed: true }),
        amount: money(t('金额', 'Amount'), { computed: true }),
        // percent with 2 decimals (the definition format has no decimal type; not a column)
        margin: int(t('毛利率(%)', 'Margin (%)'), { computed: true, unit: 'percent' }),
      },
      { required: true, maxLines: 200 },
    ),
    note: longText(t('备注', 'Note'), { maxLength: 2000 }),
    // computed by the server
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    customerCode: text(t('客户编号', 'Customer code'), { computed: true, search: true }),
    keyAccount: bool(t('大客户', 'Key account'), { computed: true }),
    repQuote: bool(t('新客户由销售代表报价', 'New customer: quoted by the sales rep'), {
      computed: true,
      help: t(
        '交易未满3个月的客户由销售代表报价 (6.4.6)',
        'Customers in their first 3 months are quoted by the sales rep (6.4.6)',
      ),
    }),
    quotedBy: ref(t('报价人', 'Quoted by'), 'users', { readOnly: true }),
    total: money(t('报价合计', 'Quote total'), { computed: true }),
    costTotal: money(t('成本合计', 'Cost total'), { computed: true }),
    margin: int(t('总体毛利率(%)', 'Overall margin (%)'), { computed: true, unit: 'percent' }),
    needsReview: bool(t('毛利超出区间须经理审批', 'Margin outside band: manager approval'), {
      computed: true,
      help: t(
        '常销商品10%–20%，特殊商品约30%，设备类灵活 (6.4.3)',
        'Normal goods 10–20 %, special goods about 30 %, equipment flexible (6.4.3)',
      ),
    }),
    reviewReason: text(t('审批原因', 'Why approval is needed'), { computed: true }),
    replyDeadline: datetime(t('回复时限（4小时）', 'Reply due (4 h)'), { computed: true, clock: 'working' }),
    replyLatest: datetime(t('最迟回复（一个工作日）', 'Reply at the latest (1 working day)'), { computed: true }),
    submittedAt: datetime(t('送审时间', 'Submitted at'), { readOnly: true }),
    repliedAt: datetime(t('回复（发出）时间', 'Replied (sent) at'), { readOnly: true }),
    replySla: enumOf(t('回复时效', 'Reply timeliness'), REPLY_SLA, { readOnly: true }),
    acceptedAt: datetime(t('接受时间', 'Accepted at'), { readOnly: true }),
    declinedAt: datetime(t('未接受时间', 'Declined at'), { readOnly: true }),
    expiredAt: datetime(t('标记过期时间', 'Marked expired at'), { readOnly: true }),
    convertedAt: datetime(t('转单时间', 'Converted at'), { readOnly: true }),
    orderId: ref(t('销售订单', 'Sales order'), 'orders', { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('total', 'money'),
    column('margin', 'number'),
    column('status', 'status'),
    column('needsReview', 'flag', 2),
    column('validUntil', 'date', 3),
    column('replyDeadline', 'datetime', 3),
  ],
  filters: ['status', 'customerId', 'quotedBy', 'needsReview', 'repQuote', 'validUntil', 'inquiryAt'],
  defaultSort: { field: 'inquiryAt', order: 'DESC' },
  columns: [
    'code',
    'status',
    'customerId',
    'customerName',
    'quotedBy',
    'createdBy',
    'total',
    'validUntil',
    'inquiryAt',
    'replyDeadline',
    'repliedAt',
    'needsReview',
    'repQuote',
    'orderId',
  ],
  access: {
    read: [
      'assistant',
      'teamLead',
      'csManager',
      'salesRep',
      'officeSupervisor',
      'salesManager',
      'branchGM',
      'finance',
      'admin',
    ],
    create: ['assistant', 'salesRep'],
    edit: ['assistant', 'salesRep'],
  },
  editableIn: ['draft', 'rejected'],
  ownerField: 'quotedBy',
  deadlineField: 'replyDeadline',
  stateDeadlines: { sent: 'validUntil', accepted: 'validUntil' },
  prints: {
    // 6.4.1–6.4.4 the customer's quote: the company's paper once it may be sent (in band, or approved 6.4.3)
    quote: {
      title: t('销售报价单', 'Sales quote'),
      clause: '6.4.1',
      officialIn: ['approved', 'sent', 'accepted', 'converted'],
      otherwise: 'mark',
      printers: ['assistant', 'salesRep', 'csManager', 'admin'],
    },
  },
  menuGroup: 'sales',
  explain: explainQuote,
  compute: computeQuote,
  rules: quoteRules,
  workflow: quoteWorkflow,
  views: {
    /** 6.4.4 quotes with the customer whose validity ends within QUOTE_EXPIRY_WARNING_DAYS of `today` */
    expiringSoon: (today: string) =>
      view('quotes', {
        status: ['sent', 'accepted'],
        validUntil_gte: today,
        validUntil_lte: addDays(today, QUOTE_EXPIRY_WARNING_DAYS),
      }),
  },
});
