import { addDays, shanghaiDate } from '../../calendar';
import {
  column,
  date,
  datetime,
  defineDocument,
  enumOf,
  ref,
  text,
  type DocRecord,
  type RuleContext,
} from '../../definition';
import { refusal, ruleRefusal, type Refusal } from '../../refusal';
import { t } from '../../text';
import type { Workflow } from '../../workflow';

/**
 * Member follow-up 会员回访 (5.8.4, cut — the list and its settings are an assumption:
 * `memberFollowUpDays`). A registered member with no order for that many days is put on the
 * follow-up list of the member's assistant (the server opens the record, server/core/memberCare.ts);
 * the assistant calls, records the call, its outcome and the next follow-up date, which takes the
 * member off the list until that date.
 */

export const FOLLOW_UP_OUTCOMES = {
  willOrder: t('近期将订货', 'Will order soon'),
  interested: t('有意向，待跟进', 'Interested, follow up'),
  noNeed: t('暂无需求', 'No need for now'),
  unreachable: t('未联系上', 'Not reached'),
  complaint: t('有意见，已转投诉处理', 'Unhappy, handed to complaints'),
};

/** how far ahead the next follow-up may be set (a year) — with the list's days, an assumption */
export const FOLLOW_UP_MAX_DAYS = 366;

/**
 * 5.8.4 is this member due for a follow-up on `today`: a registered, active member of `days` or
 * more without an order (`lastOrderDay`: the day of the last order, or null — then counted from
 * when the member was registered, `since`), not followed up already until a later date (`snoozedUntil`:
 * the latest follow-up's next date), and without an open follow-up.
 */
export function followUpDue(
  member: Readonly<Record<string, unknown>>,
  p: {
    today: string;
    days: number;
    lastOrderDay: string | null;
    since: string;
    snoozedUntil: string | null;
    open: boolean;
  },
): boolean {
  if (member.member !== true || member.active === false || p.open) return false;
  if (p.snoozedUntil && p.snoozedUntil > p.today) return false;
  const cutoff = addDays(p.today, -p.days);
  return (p.lastOrderDay ?? p.since) <= cutoff;
}

/** The follow-ups still to be made (the assistant's inbox list). */
export const FOLLOW_UP_OPEN_STATUSES: readonly string[] = ['due'];
/** a follow-up still to be recorded (5.8.4) */
export const isFollowUpOpen = (f: DocRecord): boolean => FOLLOW_UP_OPEN_STATUSES.includes(String(f.status));

export const MEMBER_FOLLOW_UP_STATUSES = {
  due: { label: t('待回访', 'To follow up'), color: 'warning', waitingOn: ['assistant'] },
  done: { label: t('已回访', 'Followed up'), color: 'success', final: true },
} as const;

/** assistants follow up their own members; the team lead may step in */
const owner = (doc: DocRecord, ctx: RuleContext): Refusal | null =>
  ctx.user.role === 'assistant' && Number(doc.assistantId) !== ctx.user.id
    ? refusal('forbidden', '只能回访自己负责的会员', 'You follow up your own members only', '5.8.4')
    : null;

/** 5.8.4 the call is recorded with its outcome and the next follow-up date (after today, within a year). */
export function followUpRefusal(doc: DocRecord, ctx: RuleContext): Refusal | null {
  if (typeof doc.call !== 'string' || !doc.call.trim())
    return ruleRefusal('5.8.4', '请记录回访情况（联系人、内容）', 'Record the call (whom, what was said)', 'call');
  if (typeof doc.outcome !== 'string' || !Object.hasOwn(FOLLOW_UP_OUTCOMES, doc.outcome))
    return ruleRefusal('5.8.4', '请选择回访结果', 'Choose the outcome', 'outcome');
  const today = shanghaiDate(ctx.now);
  if (typeof doc.nextDate !== 'string' || !doc.nextDate)
    return ruleRefusal('5.8.4', '请填写下次回访日期', 'Set the next follow-up date', 'nextDate');
  if (doc.nextDate <= today)
    return ruleRefusal('5.8.4', '下次回访日期须在今天之后', 'The next follow-up date must be after today', 'nextDate');
  if (doc.nextDate > addDays(today, FOLLOW_UP_MAX_DAYS))
    return ruleRefusal('5.8.4', '下次回访日期不能超过一年', 'The next follow-up is at most a year ahead', 'nextDate');
  return null;
}

export const memberFollowUpWorkflow: Workflow = {
  initial: () => 'due',
  states: MEMBER_FOLLOW_UP_STATUSES,
  transitions: [
    {
      action: 'record',
      label: t('记录回访', 'Record the follow-up'),
      from: ['due'],
      roles: ['assistant', 'teamLead'],
      to: 'done',
      actor: owner,
      params: ['call', 'outcome', 'nextDate'],
      guard: followUpRefusal,
      effect: (_d, ctx) => ({ calledAt: ctx.now.toISOString(), calledBy: ctx.user.id }),
      tone: 'primary',
      list: true,
    },
  ],
};

/** The customer's name and assistant, as the follow-up is opened. */
export function computeMemberFollowUp(doc: DocRecord, ctx: RuleContext): DocRecord {
  const c = ctx.refs.customerId;
  return {
    ...doc,
    customerName: c?.name ?? doc.customerName ?? '',
    customerCode: c?.code ?? doc.customerCode ?? '',
    assistantId: doc.assistantId ?? c?.assistantId ?? null,
    phone: c?.mobile || c?.phone || doc.phone || null,
  };
}

export function memberFollowUpRules(_doc: DocRecord, ctx: RuleContext): Refusal[] {
  const c = ctx.refs.customerId;
  if (!c) return [ruleRefusal('5.8.4', '客户不存在', 'No such customer', 'customerId')];
  if (c.member !== true) return [ruleRefusal('5.8.4', `${c.name} 不是会员`, `${c.name} is not a member`, 'customerId')];
  return [];
}

export const memberFollowUps = defineDocument({
  resource: 'memberFollowUps',
  clause: '5.8.4',
  label: t('会员回访', 'Member follow-up'),
  menuLabel: t('会员回访', 'Member follow-ups'),
  codePrefix: 'MF',
  fields: {
    code: text(t('回访编号', 'Follow-up no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    customerId: ref(t('会员', 'Member'), 'customers', { required: true, immutable: true }),
    customerName: text(t('会员名称', 'Member name'), { computed: true, search: true }),
    customerCode: text(t('客户编号', 'Customer code'), { computed: true, search: true }),
    phone: text(t('联系电话', 'Phone'), { computed: true }),
    assistantId: ref(t('客户助理', 'Assistant'), 'users', { readOnly: true }),
    dueDate: date(t('列入回访日期', 'On the list since'), { readOnly: true }),
    lastOrderDate: date(t('最近订货日期', 'Last order'), { readOnly: true }),
    call: text(t('回访情况（联系人、内容）', 'The call (whom, what was said)'), { maxLength: 200 }),
    outcome: enumOf(t('回访结果', 'Outcome'), FOLLOW_UP_OUTCOMES),
    nextDate: date(t('下次回访日期', 'Next follow-up'), {
      help: t('会员在此日期前不再列入回访名单 (5.8.4)', 'The member stays off the list until this date (5.8.4)'),
    }),
    calledAt: datetime(t('回访时间', 'Called at'), { readOnly: true }),
    calledBy: ref(t('回访人', 'Called by'), 'users', { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('phone', 'text'),
    column('dueDate', 'date'),
    column('lastOrderDate', 'date'),
    column('status', 'status'),
    column('outcome', 'choice', 2),
    column('nextDate', 'date', 2),
  ],
  filters: ['status', 'assistantId', 'customerId', 'outcome', 'dueDate', 'nextDate'],
  defaultSort: { field: 'id', order: 'DESC' },
  columns: [
    'code',
    'status',
    'customerId',
    'customerName',
    'assistantId',
    'dueDate',
    'nextDate',
    'outcome',
    'createdBy',
  ],
  access: {
    read: ['assistant', 'teamLead', 'csManager', 'admin'],
    // opened by the server (the system user) when a member falls idle; recorded through the step
    create: ['admin'],
    edit: [],
  },
  ownerField: 'assistantId',
  inbox: { columns: ['customerName', 'phone', 'lastOrderDate'] },
  menuGroup: 'service',
  compute: computeMemberFollowUp,
  rules: memberFollowUpRules,
  workflow: memberFollowUpWorkflow,
});
