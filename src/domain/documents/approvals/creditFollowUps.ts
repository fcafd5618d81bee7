import {
  column,
  date,
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
import { nowIso } from '../../rules/approvals/common';
import { t } from '../../text';
import type { Workflow } from '../../workflow';

/**
 * Credit follow-ups 赊销跟进 — the sales rep's work on a customer's credit that no form starts:
 * - 5.5.2 首次订货但要求使用赊销方式付款的客户 … 转交给销售人员进行进一步跟踪、洽谈: a first order asking
 *   for credit is refused as credit and handed to the rep — the server records the hand-off
 *   (customer, the order asked for, the rep) when it refuses the order (server/core/handoff.ts);
 * - 5.11.4 按半年一次的原则定期对客户信用进行评估: a credit line whose review date has come is put in
 *   the rep's queue by the server's daily job (server/jobs/customerJobs.ts).
 * The rep marks it handled with the outcome; a review is handled once a credit application
 * (renewal, reduction or revocation) moved the customer's review date on or took the line away.
 */

export const CREDIT_FOLLOW_UP_KINDS = {
  firstCreditOrder: t('首次订货要求赊销 (5.5.2)', 'First order asking for credit (5.5.2)'),
  creditReview: t('半年信用复评 (5.11.4)', 'Half-yearly credit review (5.11.4)'),
};

export const CREDIT_FOLLOW_UP_STATUSES = {
  open: {
    label: t('待跟进', 'To follow up'),
    color: 'warning',
    waitingOn: ['salesRep'],
    because: (d: DocRecord) =>
      d.kind === 'creditReview'
        ? {
            text: t(
              '信用额度到期复评：提交复评（或核减、撤销）申请',
              'the credit line is due for review: file a renewal (or reduction, revocation)',
            ),
            rule: '5.11.4',
          }
        : {
            text: t('首次订货要求赊销，由销售代表跟踪洽谈', 'a first order asking for credit: the rep follows it up'),
            rule: '5.5.2',
          },
  },
  handled: { label: t('已跟进', 'Handled'), color: 'success', final: true },
} as const;

/** 5.11.4 a review is done when the line's review date moved past this one, or the line is gone */
function reviewDone(doc: DocRecord, ctx: RuleContext): Refusal | null {
  if (doc.kind !== 'creditReview') return null;
  const customer = ctx.refs.customerId;
  const due = customer?.creditReviewDue;
  if (
    customer?.settlement !== 'credit' ||
    (typeof due === 'string' && typeof doc.dueOn === 'string' && due > doc.dueOn)
  )
    return null;
  return ruleRefusal(
    '5.11.4',
    '该客户的信用复评尚未完成：须经赊销信用申请（复评、核减或撤销）批准',
    'The credit review is not done yet: a credit application (renewal, reduction or revocation) must be approved first',
    'status',
  );
}

const outcomeGiven = (doc: DocRecord): Refusal | null =>
  typeof doc.outcome === 'string' && doc.outcome.trim()
    ? null
    : ruleRefusal(
        doc.kind === 'creditReview' ? '5.11.4' : '5.5.2',
        '请填写跟进结果',
        'Enter the outcome of the follow-up',
        'outcome',
      );

export const creditFollowUpWorkflow: Workflow = {
  initial: () => 'open',
  states: CREDIT_FOLLOW_UP_STATUSES,
  transitions: [
    {
      action: 'handle',
      label: t('跟进完成', 'Mark handled'),
      from: ['open'],
      roles: ['salesRep'],
      to: 'handled',
      list: true,
      tone: 'primary',
      params: ['outcome'],
      guard: (d, ctx) => outcomeGiven(d) ?? reviewDone(d, ctx),
      effect: (_d, ctx) => ({ handledAt: nowIso(ctx), handledBy: ctx.user.id }),
    },
  ],
};

export const creditFollowUps = defineDocument({
  resource: 'creditFollowUps',
  clause: '5.5.2',
  label: t('赊销跟进', 'Credit follow-up'),
  menuLabel: t('赊销跟进', 'Credit follow-ups'),
  codePrefix: 'CFU',
  fields: {
    code: text(t('跟进单号', 'Follow-up no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    kind: enumOf(t('跟进事项', 'Subject'), CREDIT_FOLLOW_UP_KINDS, { readOnly: true }),
    customerId: ref(t('客户', 'Customer'), 'customers', { required: true, immutable: true }),
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    customerCode: text(t('客户编号', 'Customer code'), { computed: true, search: true }),
    salesRepId: ref(t('销售代表', 'Sales rep'), 'users', { readOnly: true }),
    orderId: ref(t('订单', 'Order'), 'orders', { readOnly: true }),
    orderTotal: money(t('要求赊销的订单金额', 'Amount asked on credit'), { readOnly: true }),
    handedBy: ref(t('转交人', 'Handed over by'), 'users', { readOnly: true }),
    dueOn: date(t('复评到期日', 'Review due'), { readOnly: true }),
    outcome: longText(t('跟进结果', 'Outcome'), { maxLength: 2000 }),
    handledAt: datetime(t('跟进完成时间', 'Handled at'), { readOnly: true }),
    handledBy: ref(t('跟进人', 'Handled by'), 'users', { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('kind', 'choice'),
    column('status', 'status'),
    column('orderTotal', 'money'),
    column('dueOn', 'date'),
    column('salesRepId', 'name', 2),
    column('createdAt', 'datetime', 2),
  ],
  filters: ['status', 'kind', 'customerId', 'salesRepId', 'dueOn'],
  defaultSort: { field: 'id', order: 'DESC' },
  columns: ['code', 'status', 'kind', 'customerId', 'customerName', 'salesRepId', 'orderId', 'dueOn', 'createdBy'],
  access: {
    read: [
      'salesRep',
      'assistant',
      'teamLead',
      'csManager',
      'officeSupervisor',
      'salesManager',
      'finance',
      'branchGM',
      'admin',
    ],
    // recorded by the server (a refused first credit order, a review that has come due), never typed in
    create: [],
    edit: [],
  },
  inbox: { columns: ['customerName', 'kind', 'orderTotal', 'dueOn'] },
  amountField: 'orderTotal',
  menuGroup: 'approvals',
  compute: (doc, ctx) => ({
    ...doc,
    customerName: ctx.refs.customerId?.name ?? '',
    customerCode: ctx.refs.customerId?.code ?? '',
  }),
  workflow: creditFollowUpWorkflow,
});
