import { approvalSteps, rejectedState, submitStep } from '../../approvalSteps';
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
  type RuleContext,
} from '../../definition';
import { fenToYuan, lineTotalFen, sumFen, yuanToFen } from '../../money';
import { ruleRefusal, type Refusal } from '../../refusal';
import { linesOf, lineAmountFen, nowIso, ownerOnly } from '../../rules/approvals/common';
import {
  discountAnswerDeadline,
  discountRateBp,
  isPayoutRequestDay,
  marginAfterDiscountBp,
  marginSufficient,
  minMarginBp,
  percentText,
} from '../../rules/approvals/discount';
import { t } from '../../text';
import type { Workflow } from '../../workflow';
import { calendarOfSettings } from '../../settings';

/**
 * Special discount 特殊折扣 (6.14): discouraged, allowed only with a sufficient gross margin
 * (6.14.1); csManager reviews, the branchGM (the authorised approver) approves, answered within 3
 * working days (6.14.2); paid only after the customer has paid in full, payout requested on days
 * 7–10 / 25–27 (6.14.3) and approved by the CS Center; finance pays by bank transfer only (6.14.4).
 */

export const DISCOUNT_STATUSES = {
  draft: { label: t('草稿', 'Draft'), color: 'default', editable: true, waitingOn: ['assistant'] },
  rejected: rejectedState(['assistant']),
  csReview: { label: t('待客服中心经理审核', 'Awaiting CS manager'), color: 'info', waitingOn: ['csManager'] },
  gmApproval: { label: t('待总经理审批', 'Awaiting branch GM'), color: 'secondary', waitingOn: ['branchGM'] },
  approved: {
    label: t('已批准，待货款全部收回', 'Awaiting full payment'),
    color: 'primary',
    waitingOn: ['finance'],
  },
  paidInFull: {
    label: t('货款已全部收回，待申请支付', 'Paid in full, payout to request'),
    color: 'primary',
    waitingOn: ['assistant'],
  },
  payoutRequested: { label: t('已申请支付，待审批', 'Payout requested'), color: 'info', waitingOn: ['csManager'] },
  payoutApproved: {
    label: t('支付已批准，待财务转账', 'Payout approved, to transfer'),
    color: 'secondary',
    waitingOn: ['finance'],
  },
  paid: { label: t('已银行转账支付', 'Paid by bank transfer'), color: 'success', final: true },
  cancelled: { label: t('已取消', 'Cancelled'), color: 'default', final: true },
} as const;

const owner = ownerOnly('assistantId');

/** The margin facts of a discount from its lines (price) and the products' cost. */
export function discountMargin(doc: DocRecord, ctx: RuleContext) {
  const products = ctx.lineRefs.productId ?? {};
  const ls = linesOf(doc, 'lines');
  const salesFen = sumFen(ls.map((l) => lineAmountFen(l)));
  const costFen = sumFen(
    ls.map((l) => {
      const c = products[Number(l.productId)]?.cost;
      return typeof c === 'number' && Number.isInteger(Number(l.qty)) ? lineTotalFen(yuanToFen(c), Number(l.qty)) : 0;
    }),
  );
  const discountFen = typeof doc.discountAmount === 'number' ? yuanToFen(doc.discountAmount) : 0;
  return { salesFen, costFen, discountFen };
}

/** 6.14.1 the gross margin after the discount must stay ≥ the floor (10 % by default). */
export function marginRefusal(doc: DocRecord, ctx: RuleContext): Refusal | null {
  const m = discountMargin(doc, ctx);
  const floor = minMarginBp(ctx.settings);
  if (marginSufficient(m, floor)) return null;
  const now = percentText(marginAfterDiscountBp(m));
  return ruleRefusal(
    '6.14.1',
    `折扣后毛利率${now ? `为 ${now}，` : ''}低于 ${percentText(floor)}，毛利不足，不能给予特殊折扣`,
    `The gross margin after the discount${now ? ` is ${now},` : ''} below ${percentText(floor)}: not enough margin for a special discount`,
    'discountAmount',
  );
}

/** 6.14.3 货款全部收回后方可支付. */
const paidInFullGuard = (doc: DocRecord): Refusal | null =>
  doc.customerPaidInFull === true
    ? null
    : ruleRefusal(
        '6.14.3',
        '客户货款尚未全部收回，折扣不能申请支付',
        'The customer has not paid in full yet: the discount cannot be paid out',
      );

/** 6.14.3 payout requests on days 7–10 and 25–27 of the month only. */
const payoutDayGuard = (_doc: DocRecord, ctx: RuleContext): Refusal | null =>
  isPayoutRequestDay(ctx.now)
    ? null
    : ruleRefusal(
        '6.14.3',
        '特殊折扣只能在每月7日–10日、25日–27日申请支付',
        'Discount payouts are requested only on days 7–10 and 25–27 of a month',
      );

/** 6.14.4 一律采用银行转账方式支付: the payout is a bank transfer, recorded by its reference. */
const transferRefGuard = (doc: DocRecord): Refusal | null =>
  typeof doc.transferRef === 'string' && doc.transferRef.trim()
    ? null
    : ruleRefusal(
        '6.14.4',
        '特殊折扣一律银行转账支付，请填写银行转账凭证号',
        'Discounts are paid by bank transfer only: enter the transfer reference',
        'transferRef',
      );

const answered = (d: DocRecord, ctx: RuleContext) => ({
  answeredAt: nowIso(ctx),
  answeredOnTime: typeof d.answerDeadline === 'string' ? ctx.now.getTime() <= Date.parse(d.answerDeadline) : null,
});

export const discountWorkflow: Workflow = {
  initial: () => 'draft',
  states: DISCOUNT_STATUSES,
  transitions: [
    // 6.14.2 the answer is due 3 working days after submission
    submitStep({
      roles: ['assistant'],
      to: 'csReview',
      label: t('提交申请', 'Submit'),
      actor: owner,
      guard: marginRefusal,
      effect: (_d, ctx) => ({
        answerDeadline: discountAnswerDeadline(ctx.now, calendarOfSettings(ctx.settings)).toISOString(),
        answeredAt: null,
        answeredOnTime: null,
      }),
    }),
    ...approvalSteps(
      [
        {
          state: 'csReview',
          roles: ['csManager'],
          next: 'gmApproval',
          label: t('审核通过', 'Approve'),
          guard: marginRefusal,
          rejectEffect: answered,
        },
        {
          state: 'gmApproval',
          roles: ['branchGM'],
          next: 'approved',
          guard: marginRefusal,
          effect: answered,
          rejectEffect: answered,
        },
      ],
      { rule: '6.14' },
    ),
    // 6.14.3 finance confirms the customer's payment came in in full
    {
      action: 'confirmPaidInFull',
      label: t('确认货款已全部收回', 'Paid in full'),
      from: ['approved'],
      roles: ['finance'],
      to: 'paidInFull',
      effect: (_d, ctx) => ({ customerPaidInFull: true, paidInFullAt: nowIso(ctx) }),
      tone: 'primary',
      list: true,
    },
    // 6.14.3 the assistant requests the payout (in the payout days, after full payment)
    {
      action: 'requestPayout',
      label: t('申请支付', 'Request payout'),
      from: ['approved', 'paidInFull'],
      roles: ['assistant'],
      to: 'payoutRequested',
      actor: owner,
      tone: 'primary',
      guard: (d, ctx) => paidInFullGuard(d) ?? payoutDayGuard(d, ctx),
      effect: (_d, ctx) => ({ payoutRequestedAt: nowIso(ctx) }),
    },
    {
      action: 'approvePayout',
      label: t('批准支付', 'Approve payout'),
      from: ['payoutRequested'],
      roles: ['csManager'],
      to: 'payoutApproved',
      decision: 'approve',
      guard: paidInFullGuard,
      tone: 'primary',
    },
    {
      action: 'rejectPayout',
      label: t('退回支付申请', 'Return payout request'),
      from: ['payoutRequested'],
      roles: ['csManager'],
      to: 'paidInFull',
      decision: 'reject',
      commentRequired: true,
      tone: 'danger',
    },
    // 6.14.4 finance pays, by bank transfer only, and records the transfer: its reference, entered with
    // the step (`transferRef`), is required — a payout without one is refused
    {
      action: 'pay',
      label: t('已银行转账支付', 'Paid (transfer)'),
      from: ['payoutApproved'],
      roles: ['finance'],
      to: 'paid',
      commentRequired: true,
      params: ['transferRef'],
      guard: (d) => paidInFullGuard(d) ?? transferRefGuard(d),
      tone: 'primary',
      effect: (d, ctx) => ({
        paidAt: nowIso(ctx),
        payoutMethod: 'bankTransfer',
        transferRef: String(d.transferRef).trim(),
      }),
      list: true,
    },
    {
      action: 'cancel',
      label: t('取消申请', 'Cancel'),
      from: ['draft', 'rejected'],
      roles: ['assistant'],
      to: 'cancelled',
      actor: owner,
      commentRequired: true,
      tone: 'danger',
    },
    {
      action: 'cancel',
      label: t('取消申请', 'Cancel'),
      from: ['approved', 'paidInFull'],
      roles: ['csManager'],
      to: 'cancelled',
      commentRequired: true,
      tone: 'danger',
    },
  ],
};

export const discounts = defineDocument({
  resource: 'discounts',
  clause: '6.14',
  label: t('特殊折扣申请', 'Special discount'),
  menuLabel: t('特殊折扣', 'Special discounts'),
  codePrefix: 'DSC',
  fields: {
    code: text(t('申请单号', 'Application no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    customerId: ref(t('客户', 'Customer'), 'customers', { required: true }),
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    customerCode: text(t('客户编号', 'Customer code'), { computed: true, search: true }),
    orderId: ref(t('关联销售订单', 'Sales order'), 'orders', {
      pick: {
        filter: (d) => (typeof d.customerId === 'number' ? { customerId: d.customerId } : null),
        after: 'customerId',
        rule: '6.14.2',
        why: t('须为该客户的订单', "must be this customer's order"),
        inRules: true,
      },
    }),
    lines: lines(
      t('折扣涉及商品', 'Goods of the discount'),
      {
        productId: ref(t('商品', 'Product'), 'products', { required: true }),
        qty: int(t('数量', 'Qty'), { required: true, min: 1, max: 100000 }),
        unitPrice: money(t('成交单价', 'Unit price'), { required: true, max: 1_000_000 }),
        name: text(t('品名', 'Name'), { computed: true }),
        amount: money(t('金额', 'Amount'), { computed: true }),
      },
      { required: true, maxLines: 100 },
    ),
    discountAmount: money(t('折扣金额', 'Discount amount'), { required: true, max: 10_000_000 }),
    reason: longText(t('申请理由', 'Reason'), {
      required: true,
      maxLength: 2000,
      help: t(
        '公司不鼓励特殊折扣，须保证足够毛利 (6.14.1)',
        'Discounts are discouraged; the margin must stay sufficient (6.14.1)',
      ),
    }),
    tradeSummary: longText(t('客户交易状况', 'Customer trade summary'), {
      maxLength: 2000,
      help: t('填写特殊折扣审批表用 (6.14.3)', 'For the discount approval form (6.14.3)'),
    }),
    salesTotal: money(t('销售金额', 'Sales amount'), { computed: true }),
    costTotal: money(t('成本金额', 'Cost amount'), { computed: true }),
    total: money(t('折扣金额合计', 'Discount total'), { computed: true }),
    discountRate: text(t('折扣比例', 'Discount rate'), { computed: true }),
    marginAfterDiscount: text(t('折后毛利率', 'Margin after discount'), {
      computed: true,
      help: t('不低于10%（参照6.4.3毛利区间下限）(6.14.1)', 'At least 10 % (the lower edge of 6.4.3) (6.14.1)'),
    }),
    marginOk: bool(t('毛利充足', 'Margin sufficient'), { computed: true }),
    payoutMethod: enumOf(
      t('支付方式', 'Payout method'),
      { bankTransfer: t('银行转账', 'Bank transfer') },
      { computed: true, help: t('一律银行转账 (6.14.4)', 'Bank transfer only (6.14.4)') },
    ),
    assistantId: ref(t('客户助理', 'Assistant'), 'users', { readOnly: true }),
    submittedAt: datetime(t('提交时间', 'Submitted at'), { readOnly: true }),
    answerDeadline: datetime(t('答复期限', 'Answer due'), {
      readOnly: true,
      clock: 'working',
      help: t('三个工作日内答复 (6.14.2)', 'Answered within 3 working days (6.14.2)'),
    }),
    answeredAt: datetime(t('答复时间', 'Answered at'), { readOnly: true }),
    answeredOnTime: bool(t('按时答复', 'Answered on time'), { readOnly: true }),
    customerPaidInFull: bool(t('货款已全部收回', 'Customer paid in full'), { readOnly: true }),
    paidInFullAt: datetime(t('收款确认时间', 'Payment confirmed at'), { readOnly: true }),
    payoutRequestedAt: datetime(t('申请支付时间', 'Payout requested at'), { readOnly: true }),
    paidAt: datetime(t('支付时间', 'Paid at'), { readOnly: true }),
    transferRef: text(t('银行转账凭证号', 'Bank transfer reference'), {
      readOnly: true,
      maxLength: 100,
      search: true,
      help: t('财务支付时填写 (6.14.4)', 'Entered by finance when paying (6.14.4)'),
    }),
    note: longText(t('备注', 'Note'), { maxLength: 2000 }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('total', 'money'),
    column('discountRate', 'number'),
    column('status', 'status'),
    column('salesTotal', 'money', 3),
    column('marginAfterDiscount', 'number', 2),
    column('answerDeadline', 'datetime', 3),
  ],
  filters: ['status', 'customerId', 'assistantId', 'customerPaidInFull', 'answerDeadline', 'submittedAt', 'paidAt'],
  defaultSort: { field: 'id', order: 'DESC' },
  columns: [
    'code',
    'status',
    'customerId',
    'customerName',
    'orderId',
    'assistantId',
    'salesTotal',
    'total',
    'customerPaidInFull',
    'submittedAt',
    'answerDeadline',
    'answeredAt',
    'paidAt',
    'createdBy',
  ],
  access: {
    read: ['assistant', 'teamLead', 'csManager', 'branchGM', 'finance', 'admin'],
    create: ['assistant'],
    edit: ['assistant'],
  },
  ownerField: 'assistantId',
  deadlineField: 'answerDeadline',
  // the 3-working-day answer (6.14.2) runs while the application is under review only
  stateDeadlines: {
    draft: 'createdAt',
    rejected: 'createdAt',
    approved: 'createdAt',
    paidInFull: 'createdAt',
    payoutRequested: 'createdAt',
    payoutApproved: 'createdAt',
  },
  prints: {
    // 6.14.2 the approved application (6.14.3 / 6.14.4 payout by bank transfer)
    discountApproval: {
      title: t('特殊折扣审批表', 'Special discount approval form'),
      clause: '6.14.3',
      officialIn: ['approved', 'paidInFull', 'payoutRequested', 'payoutApproved', 'paid'],
      otherwise: 'mark',
      printers: ['csManager', 'branchGM', 'finance', 'assistant', 'admin'],
    },
  },
  menuGroup: 'approvals',
  compute: computeDiscount,
  rules: discountRules,
  workflow: discountWorkflow,
});

export function computeDiscount(doc: DocRecord, ctx: RuleContext): DocRecord {
  const customer = ctx.refs.customerId;
  const products = ctx.lineRefs.productId ?? {};
  const ls = linesOf(doc, 'lines').map((l) => ({
    ...l,
    name: products[Number(l.productId)]?.name ?? '',
    amount: fenToYuan(lineAmountFen(l)),
  }));
  const m = discountMargin({ ...doc, lines: ls }, ctx);
  return {
    ...doc,
    lines: ls,
    customerName: customer?.name ?? '',
    customerCode: customer?.code ?? '',
    salesTotal: fenToYuan(m.salesFen),
    costTotal: fenToYuan(m.costFen),
    total: fenToYuan(m.discountFen),
    discountRate: percentText(discountRateBp(m.discountFen, m.salesFen)),
    marginAfterDiscount: percentText(marginAfterDiscountBp(m)),
    marginOk: marginSufficient(m, minMarginBp(ctx.settings)),
    payoutMethod: 'bankTransfer', // 6.14.4 一律采用银行转账方式支付
  };
}

export function discountRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const out: Refusal[] = [];
  const customer = ctx.refs.customerId;
  if (!customer) return [ruleRefusal('6.14.2', '客户不存在', 'No such customer', 'customerId')];
  const order = ctx.refs.orderId;
  if (doc.orderId != null && (!order || Number(order.customerId) !== Number(doc.customerId))) {
    out.push(ruleRefusal('6.14.2', '关联订单不属于该客户', 'The sales order is not this customer’s', 'orderId'));
  }
  const ls = linesOf(doc, 'lines');
  if (ls.length === 0)
    out.push(ruleRefusal('6.14.1', '请填写折扣涉及的商品', 'List the goods the discount is on', 'lines'));
  ls.forEach((l, i) => {
    if (!ctx.lineRefs.productId?.[Number(l.productId)])
      out.push(
        ruleRefusal('6.14.1', `第${i + 1}行：商品不存在`, `Line ${i + 1}: no such product`, `lines.${i}.productId`),
      );
  });
  if (!(typeof doc.discountAmount === 'number' && doc.discountAmount > 0)) {
    out.push(ruleRefusal('6.14.1', '折扣金额须大于0', 'The discount must be above 0', 'discountAmount'));
  } else if (ls.length > 0) {
    const r = marginRefusal(doc, ctx);
    if (r) out.push(r);
  }
  return out;
}
