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
import { approvalSteps } from '../../approvalSteps';
import { refusal, ruleRefusal, type Refusal } from '../../refusal';
import { nowIso } from '../../rules/sales/common';
import { t } from '../../text';
import { view } from '../../where';
import type { Effect, Workflow } from '../../workflow';

/**
 * Membership 会员申请 (5.2.2). A non-member who orders on the website is told apart from members;
 * the e-commerce assistant, confirming the order by phone, learns about the customer and guides
 * those with potential to apply for membership on the website. The website's application comes in
 * through the intake (server/core/intake.ts); the e-commerce assistant approves it, which makes
 * the customer a member.
 *
 * Sources: `webOrder` — a non-member's web order opened an offer (state toOffer: the assistant judges
 * the potential, then invites or closes it); `web` — an application from the website; `phone` — an
 * application taken by an assistant.
 */

export const MEMBERSHIP_SOURCES = {
  webOrder: t('网上订单（非会员）', 'Web order (non-member)'),
  web: t('网上会员申请', 'Website application'),
  phone: t('电话申请', 'By phone'),
};

export const MEMBERSHIP_STATUSES = {
  toOffer: {
    label: t('待了解客户（是否邀请入会）', 'To assess (invite?)'),
    color: 'warning',
    waitingOn: ['assistant'],
  },
  invited: { label: t('已指导网上申请', 'Invited to apply online'), color: 'info' },
  applied: {
    label: t('会员申请待审核', 'Application to review'),
    color: 'secondary',
    editable: true,
    waitingOn: ['assistant'],
  },
  approved: { label: t('已成为会员', 'Member'), color: 'success', final: true },
  rejected: { label: t('申请未通过', 'Application refused'), color: 'error', final: true },
  closed: { label: t('暂无发展潜力', 'No potential for now'), color: 'default', final: true },
} as const;

/** An open membership record for a customer (intake and rules look for one before opening another). */
export const MEMBERSHIP_OPEN_STATUSES: readonly string[] = ['toOffer', 'invited', 'applied'];

/** 5.2.2 web customers are handled by the e-commerce group. */
const ecommerce = (_d: DocRecord, ctx: RuleContext): Refusal | null =>
  ctx.user.role !== 'assistant' || ctx.user.group === 'ecommerce'
    ? null
    : refusal('forbidden', '网上客户由电子商务组处理', 'Web customers are handled by the e-commerce group', '5.2.2');

export function computeMembership(doc: DocRecord, ctx: RuleContext): DocRecord {
  const c = ctx.refs.customerId;
  return {
    ...doc,
    customerName: c?.name ?? doc.customerName ?? '',
    customerCode: c?.code ?? doc.customerCode ?? '',
    phone: doc.phone || c?.phone || '',
    // an application entered as such (web, phone) was received now
    appliedAt: doc.appliedAt ?? (doc.status === 'applied' ? nowIso(ctx) : null),
  };
}

export function membershipRules(_doc: DocRecord, ctx: RuleContext): Refusal[] {
  const c = ctx.refs.customerId;
  if (!c) return [ruleRefusal('5.2.2', '客户不存在', 'No such customer', 'customerId')];
  const out: Refusal[] = [];
  if (c.member === true)
    out.push(ruleRefusal('5.2.2', `${c.name} 已是会员`, `${c.name} is already a member`, 'customerId'));
  if (Number(ctx.facts.openMemberships ?? 0) > 0)
    out.push(
      ruleRefusal(
        '5.2.2',
        `${c.name} 已有未完成的会员申请/邀请`,
        `${c.name} already has an open membership record`,
        'customerId',
      ),
    );
  return out;
}

/** Approval makes the customer a member. */
const approveEffects = (doc: DocRecord): Effect[] => [
  { kind: 'patch', resource: 'customers', id: Number(doc.customerId), patch: { member: true }, rule: '5.2.2' },
];

/** who decided the application, and when */
const decided = (_d: DocRecord, ctx: RuleContext) => ({ decidedAt: nowIso(ctx), handledBy: ctx.user.id });

export const membershipWorkflow: Workflow = {
  initial: (doc) => (doc.source === 'webOrder' ? 'toOffer' : 'applied'),
  states: MEMBERSHIP_STATUSES,
  transitions: [
    {
      action: 'invite',
      label: t('已指导客户网上申请', 'Invited to apply online'),
      from: ['toOffer'],
      roles: ['assistant', 'teamLead'],
      to: 'invited',
      actor: ecommerce,
      effect: (_d, ctx) => ({ invitedAt: nowIso(ctx), handledBy: ctx.user.id }),
      tone: 'primary',
      list: true,
    },
    {
      action: 'noPotential',
      label: t('暂无发展潜力', 'No potential'),
      from: ['toOffer', 'invited'],
      roles: ['assistant', 'teamLead'],
      to: 'closed',
      actor: ecommerce,
      commentRequired: true,
    },
    // the website's application arrives through the intake (system user) or is taken by phone
    {
      action: 'apply',
      label: t('收到会员申请', 'Application received'),
      from: ['toOffer', 'invited'],
      roles: ['admin', 'assistant'],
      to: 'applied',
      actor: ecommerce,
      effect: (_d, ctx) => ({ appliedAt: nowIso(ctx) }),
    },
    // 5.2.2 the e-commerce assistant decides the application — the one who took it by phone too
    ...approvalSteps(
      [
        {
          state: 'applied',
          roles: ['assistant', 'teamLead'],
          next: 'approved',
          label: t('批准入会', 'Approve membership'),
          rejectLabel: t('不予入会', 'Refuse'),
          allowSelfApproval: true,
          bulk: false,
          actor: ecommerce,
          guard: (_d, ctx) =>
            ctx.refs.customerId?.member === true
              ? ruleRefusal('5.2.2', '该客户已是会员', 'Already a member', 'customerId')
              : null,
          effects: approveEffects,
          effect: decided,
          rejectEffect: decided,
        },
      ],
      { rule: '5.2.2' },
    ),
  ],
};

export const memberships = defineDocument({
  resource: 'memberships',
  clause: '5.2.2',
  label: t('会员申请', 'Membership'),
  menuLabel: t('会员申请', 'Memberships'),
  codePrefix: 'MB',
  fields: {
    code: text(t('申请编号', 'Application no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    customerId: ref(t('客户', 'Customer'), 'customers', { required: true, immutable: true }),
    source: enumOf(t('来源', 'Source'), MEMBERSHIP_SOURCES, { required: true, default: 'phone', immutable: true }),
    orderId: ref(t('网上订单', 'Web order'), 'orders', { immutable: true }),
    applicantName: text(t('申请单位/姓名', 'Applicant'), { maxLength: 100, search: true }),
    contact: text(t('联系人', 'Contact'), { maxLength: 50 }),
    phone: text(t('电话', 'Phone'), { maxLength: 30, search: true }),
    email: text(t('电子邮箱', 'E-mail'), { maxLength: 100 }),
    address: text(t('地址', 'Address'), { maxLength: 200 }),
    note: longText(t('客户情况/备注', 'About the customer / note'), { maxLength: 2000 }),
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    customerCode: text(t('客户编号', 'Customer code'), { computed: true, search: true }),
    handledBy: ref(t('处理人', 'Handled by'), 'users', { readOnly: true }),
    invitedAt: datetime(t('邀请时间', 'Invited at'), { readOnly: true }),
    appliedAt: datetime(t('申请时间', 'Applied at'), { readOnly: true }),
    decidedAt: datetime(t('审核时间', 'Decided at'), { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('source', 'choice'),
    column('phone', 'text'),
    column('status', 'status'),
    column('appliedAt', 'datetime'),
  ],
  filters: ['status', 'source', 'customerId', 'appliedAt'],
  defaultSort: { field: 'id', order: 'DESC' },
  columns: ['code', 'status', 'customerId', 'customerName', 'source', 'orderId', 'handledBy', 'createdBy', 'appliedAt'],
  access: {
    read: ['assistant', 'teamLead', 'csManager', 'salesRep', 'admin'],
    create: ['assistant', 'teamLead'],
    edit: ['assistant', 'teamLead'],
  },
  editableIn: ['applied'],
  menuGroup: 'sales',
  facts: ['openMemberships'],
  compute: computeMembership,
  rules: membershipRules,
  workflow: membershipWorkflow,
  views: {
    /** 5.2.2 offers and applications still under way (one per customer) */
    open: view('memberships', { status: [...MEMBERSHIP_OPEN_STATUSES] }),
  },
});
