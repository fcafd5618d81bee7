import { addDays, atShanghai, BUILT_IN_CALENDAR, shanghaiDate } from '../../../src/domain/calendar';
import { FOLLOW_UP_OUTCOMES } from '../../../src/domain/documents/service/memberFollowUps';
import { openMemberFollowUps } from '../../core/memberCare';
import { actAs, type SeedDocsContext } from '../walk';

const OUTCOMES = Object.keys(FOLLOW_UP_OUTCOMES);
const CALLS = ['采购负责人，近期库存充足', '前台转行政部，下月集中采购', '联系人已离职，新联系人已登记', '客户反映价格偏高，已介绍促销', '电话无人接听'];

/**
 * 5.8.4 member follow-ups: the idle members of every assistant go on the list the working day
 * before today (08:10, as the morning's first read of the inbox would put them), and about half of
 * them are called that day — the call, its outcome and the next date — the rest wait in the inbox.
 */
export async function seedMemberFollowUps(ctx: SeedDocsContext): Promise<number> {
  const day = BUILT_IN_CALENDAR.previousWorkingDay(shanghaiDate(ctx.now));
  const opened = atShanghai(day, '08:10');
  let n = 0;
  for (const a of ctx.users.filter((u) => u.role === 'assistant')) {
    const due = await openMemberFollowUps(ctx.store, a.id, opened);
    n += due.length;
    for (const [i, f] of due.entries()) {
      // every other one called, one every few minutes from 09:00 (within the day)
      if (i % 2 === 1 || i > 60) continue;
      await actAs(ctx, 'memberFollowUps', Number(f.id), 'record', a, new Date(atShanghai(day, '09:00').getTime() + i * 7 * 60_000), {
        call: CALLS[(i / 2) % CALLS.length],
        outcome: OUTCOMES[(i / 2) % OUTCOMES.length],
        nextDate: addDays(day, 14 + ctx.rng.int(0, 3) * 7),
      });
    }
  }
  return n;
}
