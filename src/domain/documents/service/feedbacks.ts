import {
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
import { nowIso, ownDocument } from '../../rules/service/common';
import { t } from '../../text';
import type { Workflow } from '../../workflow';

/**
 * Customer information feedback form 客户信息反馈表 (6.1.2; also 6.10.2 for quality complaints).
 * An assistant who sees an abnormal customer fills it and sends it to the customer's district office;
 * the office follows up (disputes: the office supervisor or the rep goes onsite) and the assistant
 * tracks the result until it is closed. Team leads read them (6.1.6).
 */

export const FEEDBACK_STATUSES = {
  open: { label: t('待跟进', 'Open'), color: 'warning', editable: true, waitingOn: ['assistant'] },
  followedUp: { label: t('办事处已跟进（待结案）', 'Followed up (to close)'), color: 'info', waitingOn: ['assistant'] },
  closed: { label: t('已结案', 'Closed'), color: 'success', final: true },
} as const;

export const FEEDBACK_KINDS = {
  salesDrop: t('订货量异常', 'Orders dropped'),
  payment: t('回款异常', 'Payment problem'),
  productQuality: t('商品质量问题', 'Product quality'),
  dispute: t('争议/不满', 'Dispute'),
  lost: t('流失风险', 'At risk of leaving'),
  other: t('其他', 'Other'),
};

const owner = ownDocument();

export function computeFeedback(doc: DocRecord, ctx: RuleContext): DocRecord {
  const customer = ctx.refs.customerId;
  return {
    ...doc,
    customerName: customer?.name ?? doc.customerName ?? '',
    districtOffice: customer?.districtOffice ?? doc.districtOffice ?? '',
  };
}

export function feedbackRules(_doc: DocRecord, ctx: RuleContext): Refusal[] {
  return ctx.refs.customerId ? [] : [ruleRefusal('6.1.2', '客户不存在', 'No such customer', 'customerId')];
}

export const feedbackWorkflow: Workflow = {
  initial: () => 'open',
  states: FEEDBACK_STATUSES,
  transitions: [
    // 6.1.2 the office has sent someone; the assistant (or the office supervisor) records what was done
    {
      action: 'followUp',
      label: t('记录跟进情况', 'Record follow-up'),
      from: ['open'],
      roles: ['assistant', 'officeSupervisor'],
      to: 'followedUp',
      actor: owner,
      commentRequired: true,
      effect: (_d, ctx) => ({ followedUpAt: nowIso(ctx) }),
      tone: 'primary',
    },
    // 6.1.2 the result is tracked to the end
    {
      action: 'close',
      label: t('结案', 'Close'),
      from: ['followedUp'],
      roles: ['assistant', 'teamLead'],
      to: 'closed',
      actor: owner,
      commentRequired: true,
      effect: (_d, ctx) => ({ closedAt: nowIso(ctx) }),
      tone: 'primary',
    },
  ],
};

export const feedbacks = defineDocument({
  resource: 'feedbacks',
  clause: '6.1.2',
  label: t('客户信息反馈表', 'Customer feedback form'),
  menuLabel: t('客户信息反馈', 'Customer feedback'),
  codePrefix: 'FB',
  fields: {
    code: text(t('反馈编号', 'Feedback no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    customerId: ref(t('客户', 'Customer'), 'customers', { required: true, immutable: true }),
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    districtOffice: text(t('对应办事处', 'District office'), { computed: true }),
    kind: enumOf(t('异常类别', 'Kind'), FEEDBACK_KINDS, { required: true }),
    description: longText(t('客户情况', 'What is abnormal'), { required: true, maxLength: 2000 }),
    request: longText(t('需要办事处跟进的事项', 'What the office should do'), { maxLength: 1000 }),
    complaintId: ref(t('相关投诉', 'Related complaint'), 'complaints', { immutable: true }),
    assistantId: ref(t('客户助理', 'Assistant'), 'users', { readOnly: true }),
    followedUpAt: datetime(t('跟进时间', 'Followed up at'), { readOnly: true }),
    closedAt: datetime(t('结案时间', 'Closed at'), { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('kind', 'choice'),
    column('status', 'status'),
    column('createdAt', 'datetime'),
    column('followedUpAt', 'datetime', 2),
    column('districtOffice', 'text', 2),
  ],
  filters: ['status', 'kind', 'customerId', 'assistantId', 'districtOffice', 'createdAt'],
  defaultSort: { field: 'id', order: 'DESC' },
  columns: [
    'code',
    'status',
    'createdBy',
    'assistantId',
    'customerId',
    'customerName',
    'districtOffice',
    'kind',
    'complaintId',
    'followedUpAt',
    'closedAt',
  ],
  access: {
    read: ['assistant', 'teamLead', 'csManager', 'officeSupervisor', 'salesRep', 'salesManager', 'admin'],
    create: ['assistant', 'teamLead'],
    edit: ['assistant', 'teamLead'],
  },
  ownerField: 'assistantId',
  menuGroup: 'service',
  compute: computeFeedback,
  rules: feedbackRules,
  workflow: feedbackWorkflow,
});
