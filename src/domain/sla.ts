// SLA deadlines on the Asia/Shanghai business calendar (working hours 08:00–17:30, 6.1).
import { atShanghai, shanghaiDate, type Calendar } from './calendar';

export type SlaSpec = { workingMinutes: number } | { workingDays: number } | { calendarDays: number };

/** 5.1.1 Web orders: validity confirmed and replied within 10 minutes of receipt (working hours). */
export const WEB_ORDER_CONFIRM = { workingMinutes: 10 } as const satisfies SlaSpec;
/** 6.4.5 Price inquiry (quote) reply within 4 working hours. */
export const QUOTE_REPLY = { workingMinutes: 240 } as const satisfies SlaSpec;
/** 6.10.5 Complaint: reply within 4 hours (counted as working hours). */
export const COMPLAINT_REPLY = { workingMinutes: 240 } as const satisfies SlaSpec;
/** 6.10.5 Complaint: resolved within 3 days (counted as working days). */
export const COMPLAINT_RESOLVE = { workingDays: 3 } as const satisfies SlaSpec;
/** 6.14.2 Discount application: answer within 3 working days. */
export const DISCOUNT_ANSWER = { workingDays: 3 } as const satisfies SlaSpec;

const MINUTE = 60_000;
const DAY = 86_400_000;

function count(n: number, what: string): number {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${what} must be ≥ 0, got ${n}`);
  return n;
}

/**
 * Deadline for `spec` starting at `start`, on the branch's calendar `cal`:
 * - workingMinutes: that much working time (addWorkingMinutes);
 * - workingDays: the same Shanghai clock time N working days later; a start outside working
 *   hours counts from the next working start (08:00), so the result is always within hours;
 * - calendarDays: start + N × 24 h.
 */
export function slaDeadline(start: Date, spec: SlaSpec, cal: Calendar): Date {
  if ('workingMinutes' in spec) return cal.addWorkingMinutes(start, count(spec.workingMinutes, 'workingMinutes'));
  if ('workingDays' in spec) {
    const n = count(spec.workingDays, 'workingDays');
    if (!Number.isInteger(n)) throw new RangeError(`workingDays must be an integer, got ${n}`);
    const from = cal.addWorkingMinutes(start, 0); // clamps to working hours
    const fromDate = shanghaiDate(from);
    const clock = from.getTime() - atShanghai(fromDate).getTime();
    return new Date(atShanghai(cal.addWorkingDays(fromDate, n)).getTime() + clock);
  }
  return new Date(start.getTime() + count(spec.calendarDays, 'calendarDays') * DAY);
}

export interface SlaState {
  overdue: boolean;
  /** Wall-clock minutes left, floored (negative once overdue). */
  remainingMinutes: number;
  /** Working minutes left (floored); when overdue, minus the working minutes elapsed since the deadline (ceiled). */
  remainingWorkingMinutes: number;
}

/** Overdue strictly after the deadline; at the deadline itself it is still on time. */
export function slaState(now: Date, deadline: Date, cal: Calendar): SlaState {
  const overdue = now.getTime() > deadline.getTime();
  const remainingMinutes = Math.floor((deadline.getTime() - now.getTime()) / MINUTE) || 0;
  const remainingWorkingMinutes = overdue
    ? -Math.ceil(cal.workingMillisBetween(deadline, now) / MINUTE) || 0
    : Math.floor(cal.workingMillisBetween(now, deadline) / MINUTE);
  return { overdue, remainingMinutes, remainingWorkingMinutes };
}
