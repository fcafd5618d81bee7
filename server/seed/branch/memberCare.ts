import { addDays, atShanghai } from '../../../src/domain/calendar';
import { FOLLOW_UP_OUTCOMES } from '../../../src/domain/documents/service/memberFollowUps';
import { openMemberFollowUps } from '../../core/memberCare';
import type { BranchKit, Job } from './kit';

const OUTCOMES = Object.keys(FOLLOW_UP_OUTCOMES);

/**
 * 5.8.4 member follow-ups over the window: every week each assistant's idle members go on the list
 * (Monday-ish 08:20, as the inbox is read), and each is called within the day or two after — the
 * outcome and a next date 2–6 weeks on, which brings the member back when it comes (the demo's
 * list of yesterday, partly called, stays as it is).
 */
export function followUpJobs(k: BranchKit): Job[] {
  const jobs: Job[] = [];
  for (const [d, day] of k.days.entries()) {
    if (d % 5 !== 0) continue;
    const at = atShanghai(day, '08:20');
    if (!k.done(at)) continue;
    for (const [ai, a] of k.assistants.entries()) {
      jobs.push({
        at,
        run: async (s) => {
          const due = await openMemberFollowUps(s, a.id, at);
          for (const [i, f] of due.entries()) {
            const t = k.after(at, 25 + i * 9 + ai * 3);
            if (!k.done(t)) continue;
            const step = {
              action: 'record',
              by: a,
              at: t,
              extra: {
                call: '电话回访会员，了解近期采购需求',
                outcome: OUTCOMES[(i + d) % OUTCOMES.length],
                nextDate: addDays(day, 14 + ((i + ai) % 5) * 7),
              },
            };
            await k.act(s, 'memberFollowUps', Number(f.id), step);
          }
        },
      });
    }
  }
  return jobs;
}
