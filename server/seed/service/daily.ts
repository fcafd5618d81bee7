import { addDays } from '../../../src/domain/calendar';
import type { DocRecord } from '../../../src/domain/definition';
import type { SeedDocsContext } from '../walk';
import { atMinute, END_MIN, nextWorkingDay, shanghaiDate, workingDayOnOrBefore } from '../clock';
import { chainEndingBefore } from './time';
import { assistantFor, tradingCustomers, walkAt, type Step } from './common';

/** Customer feedback forms (6.1.2) and the evening work logs (6.1.6). */

const FEEDBACK: [kind: string, text: string][] = [
  ['salesDrop', '本月订货量较上月下降六成，客户行政人员变动'],
  ['payment', '月结货款已逾期两周，财务联系不上'],
  ['dispute', '客户对上月对账金额有异议，要求办事处上门核对'],
  ['lost', '客户反映竞争对手报价更低，考虑更换供应商'],
];

export async function seedFeedbacks(ctx: SeedDocsContext): Promise<number> {
  const customers = await tradingCustomers(ctx, new Date(ctx.now.getTime() - 20 * 86_400_000));
  if (customers.length === 0) return 0;
  const sup = ctx.user('supervisor');
  const plans: [string, string][][] = [
    [],
    [],
    [['followUp', 'sup']],
    [
      ['followUp', ''],
      ['close', ''],
    ],
  ];
  let n = 0;
  for (const [i, steps] of plans.entries()) {
    const customer: DocRecord = customers[(i * 11 + ctx.rng.int(0, customers.length - 1)) % customers.length];
    const owner = assistantFor(ctx, customer);
    const [kind, description] = FEEDBACK[i % FEEDBACK.length];
    const times = chainEndingBefore(ctx.now, [0, ...steps.map(() => ctx.rng.float(120, 900))], ctx.rng.float(60, 1200));
    const s: Step[] = steps.map(([action, by]) => ({
      action,
      by: by === 'sup' ? sup : owner,
      comment: action === 'followUp' ? '办事处已派客户代表上门拜访，了解情况并跟进' : '客户情况已恢复正常，结案',
    }));
    await walkAt(
      ctx,
      'feedbacks',
      owner,
      { customerId: Number(customer.id), kind, description, request: '请办事处安排专人跟进维护' },
      s,
      times,
    );
    n++;
  }
  return n;
}

const SUMMARY = [
  '接听订货电话并录入销售订单',
  '跟进缺货商品的请购与到货',
  '回访重点客户，了解下月需求',
  '处理网上订单确认及客户咨询',
  '核对客户对账单并跟进回款',
];
const PROBLEMS = ['部分商品缺货，客户催货', '个别客户地址变更未及时通知', '', '网上订单高峰时段回复压力较大'];

/** The last two working days' logs of four assistants: the older day read by the team lead. */
export async function seedWorkLogs(ctx: SeedDocsContext): Promise<number> {
  const teamLead = ctx.user('teamlead');
  const assistants = ['assistant', 'assistant2', 'assistant3', 'assistant6'].map((u) => ctx.user(u));
  const today = shanghaiDate(ctx.now);
  let lastDay = workingDayOnOrBefore(today);
  if (atMinute(lastDay, END_MIN + 10).getTime() > ctx.now.getTime())
    lastDay = workingDayOnOrBefore(addDays(lastDay, -1)); // tonight's not written yet
  const days = [workingDayOnOrBefore(addDays(lastDay, -1)), lastDay];
  let n = 0;
  for (const day of days) {
    for (const [i, a] of assistants.entries()) {
      // after the evening meeting (17:30–18:00, 6.1.4)
      const at = atMinute(day, END_MIN + 10 + i * 7 + ctx.rng.float(0, 6));
      if (at.getTime() > ctx.now.getTime()) continue;
      const ackAt = atMinute(nextWorkingDay(day), 8 * 60 + 12 + i * 3);
      const steps: Step[] =
        ackAt.getTime() <= ctx.now.getTime() && day !== lastDay ? [{ action: 'acknowledge', by: teamLead }] : [];
      await walkAt(
        ctx,
        'workLogs',
        a,
        {
          date: day,
          summary: `${ctx.rng.pick(SUMMARY)}；${ctx.rng.pick(SUMMARY)}`,
          ordersHandled: ctx.rng.int(8, 24),
          problems: ctx.rng.pick(PROBLEMS),
          plan: '继续跟进未送达订单及客户回访',
        },
        steps,
        [at, ...(steps.length ? [ackAt] : [])],
      );
      n++;
    }
  }
  return n;
}
