import { approvalSteps, rejectedState, submitStep } from '../../approvalSteps';
import {
  bool,
  column,
  date,
  datetime,
  defineDocument,
  enumOf,
  int,
  longText,
  money,
  ref,
  text,
  type DocRecord,
  type RuleContext,
} from '../../definition';
import { fenToYuan, yuanToFen } from '../../money';
import { ruleRefusal, type Refusal } from '../../refusal';
import { creatorOnly, nowIso } from '../../rules/approvals/common';
import { creditEligibility, creditReviewDue, monthlyAverageFen, monthsTrading } from '../../rules/approvals/credit';
import { t } from '../../text';
import { tierOf } from '../../rules/customerTier';
import { view } from '../../where';
import type { Effect, Workflow } from '../../workflow';

/**
 * Credit application 赊销信用申请 (5.11): the key-account rep investigates the customer and fills
 * the basic information form and the credit evaluation report (5.11.2); only customers trading
 * ≥ 3 months, in good standing, with ≥ 5000 yuan average monthly orders qualify (5.11.1) — the
 * facts are computed from the customer's orders and shown on the application. The office
 * supervisor, the sales manager and finance review it, in that fixed order, and the branchGM
 * approves (5.11.2); the customer then gets the limit on monthly settlement as a key account.
 * Credit lines are re-evaluated every six months (5.11.4): approved applications carry
 * `reviewDueAt`; the customers' `creditReviewsDue(today)` view lists the lines due (customers.ts).
 */

export const CREDIT_APPLICATION_STATUSES = {
  draft: { label: t('草稿', 'Draft'), color: 'default', editable: true, waitingOn: ['salesRep'] },
  rejected: rejectedState(['salesRep']),
  supervisorReview: {
    label: t('待办事处主管审核', 'Awaiting office supervisor'),
    color: 'info',
    waitingOn: ['officeSupervisor'],
  },
  salesManagerReview: {
    label: t('待销售管理部经理审核', 'Awaiting sales manager'),
    color: 'info',
    waitingOn: ['salesManager'],
  },
  financeReview: { label: t('待财务部审核', 'Awaiting finance'), color: 'info', waitingOn: ['finance'] },
  gmApproval: { label: t('待总经理审批', 'Awaiting branch GM'), color: 'secondary', waitingOn: ['branchGM'] },
  approved: { label: t('已批准', 'Approved'), color: 'success', final: true },
  cancelled: { label: t('已取消', 'Cancelled'), color: 'default', final: true },
} as const;

/** Statuses of an application still under way (one at a time per customer). */
export const OPEN_CREDIT_APPLICATION_STATUSES: readonly string[] = [
  'draft',
  'rejected',
  'supervisorReview',
  'salesManagerReview',
  'financeReview',
  'gmApproval',
];

export const CREDIT_APPLICATION_KINDS = {
  new: t('新申请', 'New line'),
  renewal: t('半年复评', 'Half-yearly review'),
  revocation: t('撤销额度', 'Revocation'),
};

/** 5.11.2 / 5.11.4 an application that takes the line away (the review finds the customer no longer qualifies) */
export const isRevocation = (doc: DocRecord): boolean => doc.revoke === true;

const ordersTotal = (ctx: RuleContext) => Number(ctx.facts.customerOrders3FullMonths ?? 0);

/** The eligibility facts of 5.11.1 as shown on the application (refreshed at submission and approval). */
export function eligibilityFields(ctx: RuleContext): DocRecord {
  const customer = ctx.refs.customerId;
  const total = ordersTotal(ctx);
  const e = creditEligibility(customer, total, ctx.now);
  return {
    firstTradeAt: customer?.firstTradeAt ?? null,
    monthsTrading: monthsTrading(customer, ctx.now),
    overdue: customer?.overdue === true,
    ordersLast3Months: fenToYuan(yuanToFen(total)),
    avgMonthlyOrders: fenToYuan(monthlyAverageFen(yuanToFen(total))),
    eligible: e.eligible,
    eligibilityCheckedAt: nowIso(ctx),
  };
}

/** 5.11.1 refusals, one per unmet condition. */
export function eligibilityRefusals(ctx: RuleContext): Refusal[] {
  const e = creditEligibility(ctx.refs.customerId, ordersTotal(ctx), ctx.now);
  const out: Refusal[] = [];
  if (!e.tradingOk)
    out.push(
      ruleRefusal(
        '5.11.1',
        '合作期未满三个月，不能申请赊销信用',
        'The customer has traded for less than 3 months: no credit line',
        'monthsTrading',
      ),
    );
  if (!e.goodRecord)
    out.push(
      ruleRefusal(
        '5.11.1',
        '客户信用不良（有逾期货款），不能申请赊销信用',
        'The customer is not in good standing (overdue payments): no credit line',
        'overdue',
      ),
    );
  if (!e.volumeOk)
    out.push(
      ruleRefusal(
        '5.11.1',
        '近3个整月月平均订货额不足5000元，不能申请赊销信用',
        'Average monthly orders of the last 3 full months are under 5000 yuan: no credit line',
        'avgMonthlyOrders',
      ),
    );
  return out;
}

/** 5.11.1 holds for a line granted or renewed; a revocation needs no eligibility */
const eligibleGuard = (doc: DocRecord, ctx: RuleContext): Refusal | null =>
  isRevocation(doc) ? null : (eligibilityRefusals(ctx)[0] ?? null);

/** The limit granted: what the branchGM entered with the approval, else the requested one. */
export const grantedLimit = (doc: DocRecord): number =>
  typeof doc.approvedLimit === 'number' ? doc.approvedLimit : Number(doc.requestedLimit);

/** 5.11.2 the branchGM may grant less than requested, never more, and never nothing. */
const limitGuard = (doc: DocRecord): Refusal | null => {
  if (isRevocation(doc)) return null;
  const limit = grantedLimit(doc);
  if (!(limit > 0))
    return ruleRefusal('5.11.2', '批准信用额度须大于0', 'The approved limit must be above 0', 'approvedLimit');
  if (yuanToFen(limit) > yuanToFen(Number(doc.requestedLimit)))
    return ruleRefusal(
      '5.11.2',
      '批准信用额度不能超过申请额度',
      'The approved limit cannot exceed the requested one',
      'approvedLimit',
    );
  return null;
};

/** 5.11.2 the branchGM's approval grants the line: monthly settlement, the limit, key account; 5.11.4 review in 6 months. */
function grantLine(doc: DocRecord, ctx: RuleContext): Effect[] {
  const revoke = isRevocation(doc);
  // 5.11.2 the line (or, revoked, cash again); 5.11.4 the next review six months on
  const line: DocRecord = revoke
    ? { settlement: 'cash', creditLimit: 0, creditReviewDue: null }
    : { settlement: 'credit', creditLimit: grantedLimit(doc), creditReviewDue: creditReviewDue(ctx.now) };
  // 5.6.2 a credit customer is a key account; a revoked one follows its volume again
  const tier = tierOf({ ...(ctx.refs.customerId ?? {}), ...line });
  const effects: Effect[] = [
    {
      kind: 'patch',
      resource: 'customers',
      id: Number(doc.customerId),
      // the applying rep keeps the key account (5.11.2 客户代表)
      patch: {
        ...line,
        ...tier,
        ...(typeof doc.salesRepId === 'number' && !revoke ? { salesRepId: doc.salesRepId } : {}),
      },
      rule: '5.11.2',
    },
  ];
  // 5.11.4 a review replaces the line it reviews: the old application leaves the due list
  const previous = ctx.facts.previousCreditApplicationId;
  if (typeof previous === 'number' && previous !== doc.id) {
    effects.push({
      kind: 'patch',
      resource: 'creditApplications',
      id: previous,
      patch: { reviewDueAt: null, renewedById: Number(doc.id) },
      rule: '5.11.4',
    });
  }
  return effects;
}

export const creditApplicationWorkflow: Workflow = {
  initial: () => 'draft',
  states: CREDIT_APPLICATION_STATUSES,
  transitions: [
    submitStep({
      roles: ['salesRep'],
      to: 'supervisorReview',
      actor: creatorOnly,
      guard: eligibleGuard,
      effect: (_d, ctx) => eligibilityFields(ctx),
    }),
    ...approvalSteps(
      [
        // 5.11.2 报办事处主管、销售管理部经理、财务部审核 — in this order
        {
          state: 'supervisorReview',
          roles: ['officeSupervisor'],
          next: 'salesManagerReview',
          label: t('审核通过', 'Approve'),
        },
        {
          state: 'salesManagerReview',
          roles: ['salesManager'],
          next: 'financeReview',
          label: t('审核通过', 'Approve'),
        },
        { state: 'financeReview', roles: ['finance'], next: 'gmApproval', label: t('审核通过', 'Approve') },
        // 5.11.2 由分公司总经理审批 (the GM may enter a lower `approvedLimit`); the conditions of 5.11.1 still hold at that moment
        {
          state: 'gmApproval',
          roles: ['branchGM'],
          next: 'approved',
          bulk: false,
          rejectBulk: true,
          label: t('审批通过', 'Approve'),
          params: ['approvedLimit'],
          guard: (d, ctx) => eligibleGuard(d, ctx) ?? limitGuard(d),
          effect: (d, ctx) => ({
            ...eligibilityFields(ctx),
            approvedAt: nowIso(ctx),
            approvedLimit: isRevocation(d) ? null : grantedLimit(d),
            reviewDueAt: isRevocation(d) ? null : creditReviewDue(ctx.now),
          }),
          effects: grantLine,
        },
      ],
      { rule: '5.11.2' },
    ),
    {
      action: 'cancel',
      label: t('取消申请', 'Cancel'),
      from: ['draft', 'rejected'],
      roles: ['salesRep'],
      to: 'cancelled',
      actor: creatorOnly,
      commentRequired: true,
      tone: 'danger',
    },
  ],
};

/** a fact of 5.11.1, computed by the server */
const fact = {
  computed: true,
  help: t('系统根据客户资料及订单计算 (5.11.1)', 'Computed from the customer and its orders (5.11.1)'),
};

export const creditApplications = defineDocument({
  resource: 'creditApplications',
  clause: '5.11',
  label: t('赊销信用申请', 'Credit application'),
  menuLabel: t('赊销信用申请', 'Credit applications'),
  codePrefix: 'CRA',
  fields: {
    code: text(t('申请单号', 'Application no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    customerId: ref(t('客户', 'Customer'), 'customers', { required: true, immutable: true }),
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    customerCode: text(t('客户编号', 'Customer code'), { computed: true, search: true }),
    kind: enumOf(t('申请类别', 'Kind'), CREDIT_APPLICATION_KINDS, { computed: true }),
    revoke: bool(t('撤销信用额度', 'Revoke the line'), {
      default: false,
      immutable: true,
      help: t(
        '复评认为客户不再符合条件时撤销额度，改为现金结算；同样经主管、销售管理部、财务审核，总经理审批 (5.11.2, 5.11.4)',
        'When the review finds the customer no longer qualifies: the line is withdrawn, cash again; through the same reviews and the branch GM (5.11.2, 5.11.4)',
      ),
    }),
    // 5.11.2 客户基本资料表
    legalRepresentative: text(t('法定代表人', 'Legal representative'), { required: true, maxLength: 50 }),
    businessLicenseNo: text(t('营业执照号', 'Business licence no.'), { required: true, maxLength: 30, search: true }),
    registeredCapital: money(t('注册资本（元）', 'Registered capital (yuan)'), { max: 1e11 }),
    establishedYear: int(t('成立年份', 'Established'), { min: 1900, max: 2100 }),
    employees: int(t('员工人数', 'Employees'), { min: 0, max: 1_000_000 }),
    businessScope: longText(t('经营范围', 'Business scope'), { maxLength: 1000 }),
    bankName: text(t('开户银行', 'Bank'), { required: true, maxLength: 100 }),
    bankAccount: text(t('银行账号', 'Bank account'), { required: true, maxLength: 40 }),
    financeContact: text(t('财务联系人', 'Finance contact'), { maxLength: 50 }),
    financePhone: text(t('财务电话', 'Finance phone'), { maxLength: 30 }),
    // 5.11.2 客户信用评估报告
    businessCondition: longText(t('经营状况', 'Business condition'), { required: true, maxLength: 4000 }),
    paymentHistory: longText(t('付款及信用记录', 'Payment and credit record'), { required: true, maxLength: 4000 }),
    evaluation: longText(t('信用评估结论', 'Evaluation'), { required: true, maxLength: 4000 }),
    requestedLimit: money(t('申请信用额度', 'Requested credit limit'), {
      required: true,
      max: 10_000_000,
      help: t(
        '核减额度时填写新的较低额度；撤销时为0',
        'For a reduction enter the new, lower limit; 0 for a revocation',
      ),
    }),
    paymentTermDays: int(t('结算账期（天）', 'Payment term (days)'), { required: true, default: 30, min: 1, max: 90 }),
    // 5.11.1 facts from the customer's history
    firstTradeAt: datetime(t('首次交易日期', 'First trade'), { computed: true }),
    monthsTrading: int(t('合作月数', 'Months trading'), fact),
    overdue: bool(t('有逾期货款', 'Overdue payments'), { computed: true }),
    ordersLast3Months: money(t('近3个整月订货额', 'Orders, last 3 full months'), fact),
    avgMonthlyOrders: money(t('月平均订货额', 'Average monthly orders'), {
      computed: true,
      help: t('须不低于5000元 (5.11.1)', 'At least 5000 yuan (5.11.1)'),
    }),
    eligible: bool(t('符合赊销条件', 'Eligible'), {
      computed: true,
      help: t(
        '合作满三个月、信用良好、月均订货额≥5000元 (5.11.1)',
        '≥ 3 months trading, good standing, ≥ 5000 yuan a month (5.11.1)',
      ),
    }),
    eligibilityCheckedAt: datetime(t('条件核查时间', 'Eligibility checked at'), { computed: true }),
    salesRepId: ref(t('客户代表', 'Sales rep'), 'users', { computed: true }),
    submittedAt: datetime(t('提交时间', 'Submitted at'), { readOnly: true }),
    approvedAt: datetime(t('批准时间', 'Approved at'), { readOnly: true }),
    approvedLimit: money(t('批准信用额度', 'Approved limit'), {
      readOnly: true,
      max: 10_000_000,
      help: t('总经理审批时可核减，不超过申请额度 (5.11.2)', 'The branch GM may grant less than requested (5.11.2)'),
    }),
    reviewDueAt: date(t('下次信用复评日期', 'Next credit review'), {
      readOnly: true,
      help: t('每半年复评一次 (5.11.4)', 'Reviewed every six months (5.11.4)'),
    }),
    renewedById: ref(t('已由复评申请取代', 'Renewed by'), 'creditApplications', { readOnly: true }),
    note: longText(t('备注', 'Note'), { maxLength: 2000 }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('kind', 'choice'),
    column('requestedLimit', 'money'),
    column('status', 'status'),
    column('reviewDueAt', 'date', 2),
    column('avgMonthlyOrders', 'money', 3),
    column('eligible', 'flag', 3),
  ],
  filters: ['status', 'customerId', 'kind', 'salesRepId', 'eligible', 'reviewDueAt', 'approvedAt'],
  amountField: 'requestedLimit',
  defaultSort: { field: 'id', order: 'DESC' },
  columns: [
    'code',
    'status',
    'customerId',
    'customerName',
    'kind',
    'salesRepId',
    'requestedLimit',
    'approvedLimit',
    'avgMonthlyOrders',
    'eligible',
    'submittedAt',
    'approvedAt',
    'reviewDueAt',
    'renewedById',
    'createdBy',
  ],
  access: {
    read: ['salesRep', 'officeSupervisor', 'salesManager', 'finance', 'branchGM', 'csManager', 'admin'],
    create: ['salesRep'],
    edit: ['salesRep'],
  },
  prints: {
    // 5.11.2 the evaluation the reviewers read; the company's once the branch GM approved the line
    creditEvaluation: {
      title: t('信用评估表', 'Credit evaluation summary'),
      clause: '5.11.2',
      officialIn: ['approved'],
      otherwise: 'mark',
      printers: ['salesRep', 'officeSupervisor', 'salesManager', 'finance', 'branchGM', 'csManager', 'admin'],
    },
  },
  menuGroup: 'approvals',
  facts: ['customerOrders3FullMonths', 'openCreditApplications', 'previousCreditApplicationId'],
  compute: computeCreditApplication,
  rules: creditApplicationRules,
  workflow: creditApplicationWorkflow,
  views: {
    /** 5.11.2 applications still under way */
    open: view('creditApplications', { status: [...OPEN_CREDIT_APPLICATION_STATUSES] }),
  },
});

export function computeCreditApplication(doc: DocRecord, ctx: RuleContext): DocRecord {
  const customer = ctx.refs.customerId;
  return {
    ...doc,
    customerName: customer?.name ?? '',
    customerCode: customer?.code ?? '',
    kind: isRevocation(doc) ? 'revocation' : customer?.settlement === 'credit' ? 'renewal' : 'new',
    ...(isRevocation(doc) ? { requestedLimit: 0 } : {}),
    salesRepId: doc.salesRepId ?? (ctx.user.role === 'salesRep' ? ctx.user.id : null),
    ...eligibilityFields(ctx),
  };
}

/**
 * Checked on every create and update. Eligibility (5.11.1) does not stop a draft — the rep sees
 * the facts on it — but submission and the branchGM's approval are refused while it fails.
 */
export function creditApplicationRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const out: Refusal[] = [];
  const customer = ctx.refs.customerId;
  if (!customer) return [ruleRefusal('5.11.2', '客户不存在', 'No such customer', 'customerId')];
  if (customer.active === false)
    out.push(ruleRefusal('5.11.2', '该客户已停用', 'This customer is inactive', 'customerId'));
  if (isRevocation(doc)) {
    if (customer.settlement !== 'credit')
      out.push(
        ruleRefusal(
          '5.11.2',
          '该客户没有赊销信用额度，无需撤销',
          'This customer has no credit line to revoke',
          'revoke',
        ),
      );
  } else if (!(typeof doc.requestedLimit === 'number' && doc.requestedLimit > 0))
    out.push(ruleRefusal('5.11.2', '申请信用额度须大于0', 'The requested limit must be above 0', 'requestedLimit'));
  if (Number(ctx.facts.openCreditApplications ?? 0) > 0) {
    out.push(
      ruleRefusal(
        '5.11.2',
        '该客户已有一份未完成的赊销信用申请',
        'This customer already has a credit application under way',
        'customerId',
      ),
    );
  }
  return out;
}
