import {
  bool,
  column,
  datetime,
  defineDocument,
  enumOf,
  longText,
  ref,
  text,
  type DocRecord,
  type RuleContext,
} from '../../definition';
import { ruleRefusal, type Refusal } from '../../refusal';
import { isKeyAccount } from '../../rules/customerTerms';
import { nowIso, ownDocument } from '../../rules/service/common';
import {
  complaintReplyDeadline,
  complaintResolveDeadline,
  complaintRoute,
  onTime,
} from '../../rules/service/complaints';
import { t } from '../../text';
import { openStatuses, view } from '../../where';
import type { Effect, Workflow } from '../../workflow';
import { calendarOfSettings } from '../../settings';

/**
 * Customer complaints 客户投诉 (6.10).
 *
 * received (the assistant apologises and explains, 6.10.1) → first reply within 4 working hours
 * (6.10.5) → routed by category (6.10.2): staff → csManager; product quality → a customer feedback
 * form (客户信息反馈表, created with the step) and the office supervisor's onsite check; usage,
 * delivery, other → the assistant follows up. Anything the department cannot solve is escalated to
 * customer management (客户管理部门). The assistant feeds the result back to the customer (6.10.3)
 * and records it (6.10.4) — resolved within 3 working days (6.10.5). Key-account complaints are
 * filed (备案) with customer management before they close (6.10.5).
 *
 * Customer management (客户管理部门 / 客户管理员) is not a role of its own in the procedure's role
 * list; we give it to the sales manager (销售管理部经理), who manages the key-account reps.
 */

export const COMPLAINT_STATUSES = {
  received: {
    label: t('已受理（待回复）', 'Received (to reply)'),
    color: 'warning',
    editable: true,
    waitingOn: ['assistant'],
  },
  managerReview: {
    label: t('待客服中心经理处理', 'With the CS Center manager'),
    color: 'info',
    waitingOn: ['csManager'],
  },
  onsiteCheck: {
    label: t('待办事处主管现场确认', 'Onsite check by the office supervisor'),
    color: 'info',
    waitingOn: ['officeSupervisor'],
  },
  escalated: {
    label: t('客户管理部门协助处理', 'With customer management'),
    color: 'secondary',
    waitingOn: ['salesManager'],
  },
  followUp: { label: t('跟进处理结果', 'Follow-up with the customer'), color: 'primary', waitingOn: ['assistant'] },
  filing: { label: t('待大客户投诉备案', 'Key account: to file'), color: 'secondary', waitingOn: ['salesManager'] },
  closed: { label: t('已解决', 'Resolved'), color: 'success', final: true },
} as const;

export const COMPLAINT_CATEGORIES = {
  staff: t('对业务人员/员工的投诉', 'About staff'),
  productQuality: t('商品质量', 'Product quality'),
  productUsage: t('商品性能/操作不熟', 'Product usage'),
  delivery: t('送货服务', 'Delivery'),
  other: t('其他', 'Other'),
};

const owner = ownDocument();
const customerOf = (ctx: RuleContext) => ctx.refs.customerId;

export function computeComplaint(doc: DocRecord, ctx: RuleContext): DocRecord {
  const customer = customerOf(ctx);
  const receivedAt = typeof doc.receivedAt === 'string' && doc.receivedAt ? new Date(doc.receivedAt) : ctx.now;
  return {
    ...doc,
    customerName: customer?.name ?? doc.customerName ?? '',
    keyAccount: customer ? isKeyAccount(customer) : doc.keyAccount === true,
    receivedAt: receivedAt.toISOString(),
    replyDeadline: complaintReplyDeadline(receivedAt, calendarOfSettings(ctx.settings)).toISOString(),
    resolveDeadline: complaintResolveDeadline(receivedAt, calendarOfSettings(ctx.settings)).toISOString(),
  };
}

export function complaintRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const out: Refusal[] = [];
  const customer = customerOf(ctx);
  if (!customer) out.push(ruleRefusal('6.10.1', '客户不存在', 'No such customer', 'customerId'));
  if (typeof doc.receivedAt === 'string' && Date.parse(doc.receivedAt) > ctx.now.getTime() + 60_000) {
    out.push(ruleRefusal('6.10.4', '受理时间不能晚于现在', 'The time received cannot be in the future', 'receivedAt'));
  }
  return out;
}

/** 6.10.2 a product-quality complaint: the assistant fills the customer feedback form for the office. */
const feedbackForm = (doc: DocRecord): Effect[] =>
  doc.category === 'productQuality'
    ? [
        {
          kind: 'create',
          resource: 'feedbacks',
          rule: '6.10.2',
          link: 'feedbackId',
          record: {
            customerId: doc.customerId,
            kind: 'productQuality',
            description:
              `客户投诉 ${String(doc.code ?? '')}（商品质量，请办事处派人现场确认）：${String(doc.description ?? '')}`.slice(
                0,
                2000,
              ),
            complaintId: doc.id,
          },
        },
      ]
    : [];

export const complaintWorkflow: Workflow = {
  initial: () => 'received',
  states: COMPLAINT_STATUSES,
  transitions: [
    // 6.10.1 / 6.10.5 first reply within 4 working hours, then routed (6.10.2)
    {
      action: 'reply',
      label: t('已回复客户', 'Replied to the customer'),
      from: ['received'],
      roles: ['assistant', 'teamLead'],
      to: (d) => complaintRoute(d.category),
      actor: owner,
      effect: (d, ctx) => ({ firstReplyAt: nowIso(ctx), repliedOnTime: onTime(ctx.now, d.replyDeadline) }),
      effects: feedbackForm,
      tone: 'primary',
    },
    {
      action: 'handle',
      label: t('处理完毕', 'Handled'),
      from: ['managerReview'],
      roles: ['csManager'],
      to: 'followUp',
      commentRequired: true,
      effect: (_d, ctx) => ({ handledAt: nowIso(ctx) }),
      tone: 'primary',
    },
    {
      action: 'handle',
      label: t('现场确认完毕', 'Onsite check done'),
      from: ['onsiteCheck'],
      roles: ['officeSupervisor'],
      to: 'followUp',
      commentRequired: true,
      effect: (_d, ctx) => ({ handledAt: nowIso(ctx) }),
      tone: 'primary',
    },
    {
      action: 'handle',
      label: t('协助处理完毕', 'Handled'),
      from: ['escalated'],
      roles: ['salesManager'],
      to: 'followUp',
      commentRequired: true,
      effect: (_d, ctx) => ({ handledAt: nowIso(ctx) }),
      tone: 'primary',
    },
    // 6.10.2 beyond the department (large or technically complex goods) → customer management
    {
      action: 'escalate',
      label: t('报客户管理部门', 'Escalate to customer management'),
      from: ['managerReview'],
      roles: ['csManager'],
      to: 'escalated',
      commentRequired: true,
      effect: (_d, ctx) => ({ escalatedAt: nowIso(ctx) }),
    },
    {
      action: 'escalate',
      label: t('报客户管理部门', 'Escalate to customer management'),
      from: ['onsiteCheck'],
      roles: ['officeSupervisor'],
      to: 'escalated',
      commentRequired: true,
      effect: (_d, ctx) => ({ escalatedAt: nowIso(ctx) }),
    },
    {
      action: 'escalate',
      label: t('报客户管理部门', 'Escalate to customer management'),
      from: ['followUp'],
      roles: ['assistant', 'teamLead'],
      to: 'escalated',
      actor: owner,
      commentRequired: true,
      effect: (_d, ctx) => ({ escalatedAt: nowIso(ctx) }),
    },
    // 6.10.3 / 6.10.4 the result fed back to the customer and recorded; 6.10.5 key accounts are filed
    {
      action: 'resolve',
      label: t('结果已反馈客户', 'Result given to the customer'),
      from: ['followUp'],
      roles: ['assistant', 'teamLead'],
      to: (d) => (d.keyAccount === true && d.filed !== true ? 'filing' : 'closed'),
      actor: owner,
      commentRequired: true,
      effect: (d, ctx) => ({
        resolvedAt: nowIso(ctx),
        resolvedOnTime: onTime(ctx.now, d.resolveDeadline),
        ...(d.keyAccount === true ? {} : { closedAt: nowIso(ctx) }),
      }),
      tone: 'primary',
    },
    {
      action: 'file',
      label: t('已备案', 'Filed'),
      from: ['filing'],
      roles: ['salesManager'],
      to: 'closed',
      effect: (_d, ctx) => ({ filed: true, filedAt: nowIso(ctx), closedAt: nowIso(ctx) }),
      tone: 'primary',
    },
  ],
};

export const complaints = defineDocument({
  resource: 'complaints',
  clause: '6.10',
  label: t('客户投诉', 'Complaint'),
  menuLabel: t('客户投诉', 'Complaints'),
  codePrefix: 'CP',
  fields: {
    code: text(t('投诉编号', 'Complaint no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    customerId: ref(t('客户', 'Customer'), 'customers', { required: true, immutable: true }),
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    keyAccount: bool(t('大客户', 'Key account'), { computed: true }),
    category: enumOf(t('投诉类别', 'Category'), COMPLAINT_CATEGORIES, {
      required: true,
      help: t('按类别上报处理 (6.10.2)', 'Routed by category (6.10.2)'),
    }),
    orderId: ref(t('相关订单', 'Related order'), 'orders', {
      pick: {
        filter: (d) => (typeof d.customerId === 'number' ? { customerId: d.customerId } : null),
        after: 'customerId',
        rule: '6.10.1',
        why: t('须为该客户的订单', "must be this customer's order"),
      },
    }),
    contact: text(t('投诉人', 'Complainant'), { maxLength: 50, search: true }),
    phone: text(t('联系电话', 'Phone'), { maxLength: 30 }),
    description: longText(t('投诉内容', 'Complaint'), { required: true, maxLength: 2000 }),
    receivedAt: datetime(t('受理时间', 'Received at'), {
      immutable: true,
      help: t('默认为登记时间', 'Defaults to now'),
    }),
    replyDeadline: datetime(t('回复时限（4工作小时）', 'Reply by (4 working hours)'), {
      computed: true,
      clock: 'working',
    }),
    resolveDeadline: datetime(t('解决时限（3个工作日）', 'Resolve by (3 working days)'), {
      computed: true,
      clock: 'working',
    }),
    firstReplyAt: datetime(t('首次回复时间', 'First reply at'), { readOnly: true }),
    repliedOnTime: bool(t('按时回复', 'Replied on time'), { readOnly: true }),
    resolvedAt: datetime(t('解决时间', 'Resolved at'), { readOnly: true }),
    resolvedOnTime: bool(t('按时解决', 'Resolved on time'), { readOnly: true }),
    handledAt: datetime(t('处理时间', 'Handled at'), { readOnly: true }),
    escalatedAt: datetime(t('上报客户管理部门时间', 'Escalated at'), { readOnly: true }),
    filed: bool(t('已备案（大客户）', 'Filed (key account)'), { readOnly: true }),
    filedAt: datetime(t('备案时间', 'Filed at'), { readOnly: true }),
    closedAt: datetime(t('结案时间', 'Closed at'), { readOnly: true }),
    feedbackId: ref(t('客户信息反馈表', 'Feedback form'), 'feedbacks', { readOnly: true }),
    assistantId: ref(t('客户助理', 'Assistant'), 'users', { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('category', 'choice'),
    column('receivedAt', 'datetime'),
    column('status', 'status'),
    column('resolvedAt', 'datetime', 2),
    column('replyDeadline', 'datetime', 3),
    column('firstReplyAt', 'datetime', 3),
    column('resolveDeadline', 'datetime', 3),
  ],
  filters: [
    'status',
    'category',
    'customerId',
    'keyAccount',
    'assistantId',
    'receivedAt',
    'resolvedAt',
    'repliedOnTime',
    'resolvedOnTime',
  ],
  defaultSort: { field: 'receivedAt', order: 'DESC' },
  columns: [
    'code',
    'status',
    'createdBy',
    'assistantId',
    'customerId',
    'customerName',
    'category',
    'keyAccount',
    'receivedAt',
    'replyDeadline',
    'resolveDeadline',
    'firstReplyAt',
    'resolvedAt',
    'repliedOnTime',
    'resolvedOnTime',
    'filed',
    'feedbackId',
  ],
  access: {
    read: ['assistant', 'teamLead', 'csManager', 'officeSupervisor', 'salesManager', 'salesRep', 'branchGM', 'admin'],
    create: ['assistant', 'teamLead'],
    edit: ['assistant', 'teamLead'],
  },
  ownerField: 'assistantId',
  deadlineField: 'resolveDeadline',
  // resolved and waiting to be filed: nothing more is due
  stateDeadlines: { received: 'replyDeadline', filing: null },
  menuGroup: 'service',
  compute: computeComplaint,
  rules: complaintRules,
  workflow: complaintWorkflow,
  views: {
    /** open = every state of the complaint workflow that is not final (received … filing) */
    open: view('complaints', { status: openStatuses(COMPLAINT_STATUSES) }),
  },
});
