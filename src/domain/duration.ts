import { WORK_END, WORK_START, type Calendar } from './calendar';
import { slaState } from './sla';
import type { Locale } from './text';

/**
 * Deadlines as people say them (issue 18): 剩余 2 小时 15 分 / 超时 3 天 4 小时 — never a count of
 * minutes. Where the clause counts working time (5.1.1, 6.4.5, 6.10.5, 6.14.2) the time left is
 * working time and a day is a working day (08:00–17:30); otherwise wall-clock time and 24-hour days.
 */

export type Clock = 'working' | 'calendar';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** one working day, 08:00–17:30 (6.1) */
export const WORKING_DAY_MINUTES = minutesOf(WORK_END) - minutesOf(WORK_START);

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

/** Whole minutes as days, hours and minutes; a day is a working day on the working clock. */
export function durationParts(totalMinutes: number, clock: Clock): DurationParts {
  const m = Math.max(0, Math.floor(totalMinutes));
  const day = clock === 'working' ? WORKING_DAY_MINUTES : 1440;
  return { days: Math.floor(m / day), hours: Math.floor((m % day) / 60), minutes: (m % day) % 60 };
}

const UNITS: Record<
  Locale,
  {
    day: (n: number, working: boolean) => string;
    hour: (n: number) => string;
    minute: (n: number) => string;
    sep: string;
  }
> = {
  zh: {
    day: (n, working) => (working ? `${n} 工作日` : `${n} 天`),
    hour: (n) => `${n} 小时`,
    minute: (n) => `${n} 分`,
    sep: ' ',
  },
  en: {
    day: (n, working) => (working ? `${n} working ${n === 1 ? 'day' : 'days'}` : `${n} d`),
    hour: (n) => `${n} h`,
    minute: (n) => `${n} min`,
    sep: ' ',
  },
};

/**
 * A length of time in its two largest units (3 天 4 小时, 2 小时 15 分, 59 分): what a person reads
 * at a glance; the exact deadline is the tooltip's.
 */
export function durationText(totalMinutes: number, clock: Clock, locale: Locale): string {
  const { days, hours, minutes } = durationParts(totalMinutes, clock);
  const u = UNITS[locale];
  const working = clock === 'working';
  const parts =
    days > 0
      ? [u.day(days, working), hours > 0 ? u.hour(hours) : '']
      : hours > 0
        ? [u.hour(hours), minutes > 0 ? u.minute(minutes) : '']
        : [u.minute(minutes)];
  return parts.filter(Boolean).join(u.sep);
}

export interface DeadlineWording {
  /** 剩余 2 小时 15 分 / 超时 3 天 4 小时 */
  text: string;
  overdue: boolean;
  /** minutes left on the deadline's clock (negative once overdue) */
  minutesLeft: number;
}

/**
 * The time left to `deadline` at `now` — or past it — on the clause's clock, worded. At the
 * deadline itself it is still on time (slaState); a deadline passed by less than a minute reads
 * "超时 1 分".
 */
export function deadlineWording(
  now: Date,
  deadline: Date,
  clock: Clock,
  locale: Locale,
  cal: Calendar,
): DeadlineWording {
  const s = slaState(now, deadline, cal);
  const left = clock === 'working' ? s.remainingWorkingMinutes : s.remainingMinutes;
  if (s.overdue) {
    const late = Math.max(
      1,
      clock === 'working' ? -s.remainingWorkingMinutes : Math.ceil((now.getTime() - deadline.getTime()) / 60_000),
    );
    const text = durationText(late, clock, locale);
    return { text: locale === 'zh' ? `超时 ${text}` : `${text} overdue`, overdue: true, minutesLeft: -late };
  }
  const text = durationText(left, clock, locale);
  return { text: locale === 'zh' ? `剩余 ${text}` : `${text} left`, overdue: false, minutesLeft: left };
}
