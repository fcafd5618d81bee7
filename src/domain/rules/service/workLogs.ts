import { shanghaiDate } from '../../calendar';
import { ruleRefusal, type Refusal } from '../../refusal';

/** 6.1.6 after the 17:30 evening meeting each assistant writes the day's work log: one a day. */
export function workLogRefusals(date: string, sameDayCount: number, now: Date): Refusal[] {
  const out: Refusal[] = [];
  if (date > shanghaiDate(now))
    out.push(ruleRefusal('6.1.6', '不能提前填写以后日期的工作日志', 'A work log cannot be for a future day', 'date'));
  if (sameDayCount > 0)
    out.push(
      ruleRefusal(
        '6.1.6',
        `${date} 的工作日志已经提交过，每人每天一份`,
        `A work log for ${date} already exists: one per assistant per day`,
        'date',
      ),
    );
  return out;
}
