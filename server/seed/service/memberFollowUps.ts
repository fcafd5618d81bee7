import { addDays, atShanghai, BUILT_IN_CALENDAR, shanghaiDate } from '../../../src/domain/calendar';
import { nextCustomerCode } from '../../../src/domain/documents/customers';
import { FOLLOW_UP_OUTCOMES } from '../../../src/domain/documents/service/memberFollowUps';
import { openMemberFollowUps } from '../../core/memberCare';
import { actAs, type SeedDocsContext } from '../walk';

const OUTCOMES = Object.keys(FOLLOW_UP_OUTCOMES);
const CALLS = [
  '采购负责人，近期库存充足',
  '前台转行政部，下月集中采购',
  '联系人已离职，新联系人已登记',
  '客户反映价格偏高，已介绍促销',
  '电话无人接听',
];

/** members who registered weeks ago and have not ordered since (5.8.4's idle members): a dozen */
export const DORMANT_MEMBERS = [
  '华南文教用品门市部',
  '东门学苑书店',
  '龙华精工模具厂',
  '南山蓝海贸易行',
  '宝安鑫达物流站',
  '福田启明会计事务所',
  '罗湖金辉眼镜店',
  '盐田港湾船务代理',
  '坪山绿源农业合作社',
  '光明晨曦幼儿园',
  '龙岗顺丰汽配行',
  '前海创客咖啡馆',
];

/**
 * 5.8.4 member follow-ups: a dozen members registered six weeks ago and never ordered since
 * (created last, so nothing else seeded changes); then the idle members of every assistant go on the list the working day
 * before today (08:10, as the morning's first read of the inbox would put them), and about half of
 * them are called that day — the call, its outcome and the next date — the rest wait in the inbox.
 */
export async function seedMemberFollowUps(ctx: SeedDocsContext): Promise<number> {
  const day = BUILT_IN_CALENDAR.previousWorkingDay(shanghaiDate(ctx.now));
  const opened = atShanghai(day, '08:10');
  const assistants = ctx.users.filter((u) => u.role === 'assistant');
  const admin = ctx.user('admin');
  // master data as the rest of the customers is written (codes continue the sequence)
  await ctx.store.transaction(async (tx) => {
    // a dozen for the demo's 200 customers, fewer for a smaller branch (one in sixteen)
    const customers = (await tx.list('customers', { filter: {}, sort: { field: 'id', order: 'ASC' }, range: [0, 0] }))
      .total;
    const dormant = DORMANT_MEMBERS.slice(0, Math.max(1, Math.min(DORMANT_MEMBERS.length, Math.round(customers / 16))));
    for (const [i, name] of dormant.entries()) {
      const registered = atShanghai(BUILT_IN_CALENDAR.addWorkingDays(addDays(day, -45), i), '10:30').toISOString();
      const max = await tx.max('customers', 'code');
      const code = nextCustomerCode(max == null ? null : String(max));
      await tx.insert('customers', {
        code,
        name,
        tier: 'smb',
        member: true,
        settlement: 'cash',
        creditLimit: 0,
        overdue: false,
        firstTradeAt: null,
        active: true,
        phone: `0755-${26_300_000 + i * 7_919}`,
        mobile: `1392${1_000_000 + i * 86_311}`,
        address: `深圳市福田区会员路${i + 1}号`,
        distanceKm: 5 + i,
        districtOffice: '福田办事处',
        route: '线路A1',
        assistantId: assistants[i % assistants.length]?.id ?? null,
        note: '注册会员，注册后未订货',
        mailingConsent: i % 2 === 0,
        mailPost: i % 2 === 0,
        createdAt: registered,
        updatedAt: registered,
        createdBy: admin.id,
        version: 1,
        approvals: [],
      });
    }
  });
  let n = 0;
  for (const a of assistants) {
    const due = await openMemberFollowUps(ctx.store, a.id, opened);
    for (const [i, f] of due.entries()) {
      // every other one of the branch's lists called, one every few minutes from 09:00 (within the day)
      if (n++ % 2 === 1 || i > 60) continue;
      await actAs(
        ctx,
        'memberFollowUps',
        Number(f.id),
        'record',
        a,
        new Date(atShanghai(day, '09:00').getTime() + i * 7 * 60_000),
        {
          call: CALLS[i % CALLS.length],
          outcome: OUTCOMES[i % OUTCOMES.length],
          nextDate: addDays(day, 14 + ctx.rng.int(0, 3) * 7),
        },
      );
    }
  }
  return n;
}
