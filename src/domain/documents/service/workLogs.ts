import { shanghaiDate } from '../../calendar';
import {
  column,
  date,
  datetime,
  defineDocument,
  int,
  longText,
  ref,
  text,
  type DocRecord,
  type RuleContext,
} from '../../definition';
import { nowIso, num } from '../../rules/service/common';
import { workLogRefusals } from '../../rules/service/workLogs';
import { t } from '../../text';
import type { Workflow } from '../../workflow';

/**
 * Work log 工作日志 (6.1.6): after the evening meeting (17:30–18:00, 6.1.4) the team lead sees that
 * each assistant writes the day's log — what was done, problems met (6.1.4), customer feedback —
 * one per assistant per day; the team lead reads and acknowledges it.
 */

export const WORK_LOG_STATUSES = {
  filed: {
    label: t('已提交（待组长阅）', 'Filed (team lead to read)'),
    color: 'info',
    editable: true,
    waitingOn: ['teamLead'],
  },
  reviewed: { label: t('组长已阅', 'Read by the team lead'), color: 'success', final: true },
} as const;

export function computeWorkLog(doc: DocRecord, ctx: RuleContext): DocRecord {
  return { ...doc, date: typeof doc.date === 'string' && doc.date ? doc.date : shanghaiDate(ctx.now) };
}

export const workLogRules = (doc: DocRecord, ctx: RuleContext) =>
  workLogRefusals(String(doc.date), num(ctx.facts.workLogsSameDay), ctx.now);

export const workLogWorkflow: Workflow = {
  initial: () => 'filed',
  states: WORK_LOG_STATUSES,
  transitions: [
    {
      action: 'acknowledge',
      label: t('已阅', 'Acknowledge'),
      from: ['filed'],
      roles: ['teamLead'],
      to: 'reviewed',
      effect: (_d, ctx) => ({ reviewedAt: nowIso(ctx), reviewedBy: ctx.user.id }),
      bulk: true,
      tone: 'primary',
    },
  ],
};

export const workLogs = defineDocument({
  resource: 'workLogs',
  clause: '6.1.6',
  label: t('工作日志', 'Work log'),
  menuLabel: t('工作日志', 'Work logs'),
  codePrefix: 'WL',
  fields: {
    code: text(t('日志编号', 'Log no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    date: date(t('日期', 'Date'), {
      immutable: true,
      help: t('默认为今天；每人每天一份 (6.1.6)', 'Defaults to today; one per assistant per day (6.1.6)'),
    }),
    summary: longText(t('今日工作情况', "Today's work"), { required: true, maxLength: 4000, search: true }),
    ordersHandled: int(t('处理订单数', 'Orders handled'), { min: 0, max: 10000 }),
    problems: longText(t('维护客户中遇到的问题及困难', 'Problems and difficulties'), { maxLength: 2000 }),
    customerFeedback: longText(t('客户信息反馈记录', 'Customer feedback notes'), { maxLength: 2000 }),
    plan: longText(t('明日计划', "Tomorrow's plan"), { maxLength: 2000 }),
    assistantId: ref(t('客户助理', 'Assistant'), 'users', { readOnly: true }),
    reviewedAt: datetime(t('组长阅读时间', 'Read at'), { readOnly: true }),
    reviewedBy: ref(t('阅读组长', 'Read by'), 'users', { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('date', 'date'),
    column('assistantId', 'name'),
    column('ordersHandled', 'number'),
    column('status', 'status'),
    column('createdAt', 'datetime', 2),
    column('reviewedAt', 'datetime', 2),
  ],
  filters: ['status', 'assistantId', 'date'],
  // the team lead's inbox: whose log it is
  inbox: { columns: ['assistantId', 'date', 'ordersHandled'] },
  defaultSort: { field: 'date', order: 'DESC' },
  columns: ['code', 'status', 'createdBy', 'assistantId', 'date', 'reviewedAt'],
  access: {
    read: ['assistant', 'teamLead', 'csManager', 'admin'],
    create: ['assistant'],
    edit: ['assistant'],
  },
  ownerField: 'assistantId',
  menuGroup: 'service',
  facts: ['workLogsSameDay'],
  compute: computeWorkLog,
  rules: workLogRules,
  workflow: workLogWorkflow,
});
