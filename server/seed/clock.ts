import {
  addDays,
  atShanghai,
  BUILT_IN_CALENDAR,
  shanghaiDate as calendarShanghaiDate,
  WORK_END,
  WORK_START,
} from '../../src/domain/calendar';

/**
 * Fast working-time arithmetic for the seed: the same rules as src/domain/calendar (working
 * days, 08:00–17:30) with the per-day answers cached, because a year of seed data asks the
 * calendar millions of times. Dates are Shanghai 'YYYY-MM-DD'.
 */

export const MINUTE = 60_000;
const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000;

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const START_MIN = toMinutes(WORK_START);
export const END_MIN = toMinutes(WORK_END);

const workingCache = new Map<string, boolean>();
const midnightCache = new Map<string, number>();
const nextCache = new Map<string, string>();
const dayKeyCache = new Map<number, string>();

/** 'YYYY-MM-DD' of the instant in Shanghai (calendar.shanghaiDate, cached per day). */
export function shanghaiDate(d: Date): string {
  const index = Math.floor((d.getTime() + OFFSET) / DAY);
  let v = dayKeyCache.get(index);
  if (v === undefined) {
    v = calendarShanghaiDate(d);
    dayKeyCache.set(index, v);
  }
  return v;
}

export function workingDay(date: string): boolean {
  let v = workingCache.get(date);
  if (v === undefined) {
    v = BUILT_IN_CALENDAR.isWorkingDay(date); // a seeded store has no calendar entries
    workingCache.set(date, v);
  }
  return v;
}

/** Epoch ms of Shanghai midnight of `date`. */
export function midnight(date: string): number {
  let v = midnightCache.get(date);
  if (v === undefined) {
    v = atShanghai(date).getTime();
    midnightCache.set(date, v);
  }
  return v;
}

/** The instant `minutes` after Shanghai midnight of `date` (fractions allowed; whole seconds). */
export const atMinute = (date: string, minutes: number): Date =>
  new Date(midnight(date) + Math.round(minutes * 60) * 1000);

/** Minutes since Shanghai midnight, with fractions. */
export const minuteOfDay = (d: Date): number => ((((d.getTime() + OFFSET) % DAY) + DAY) % DAY) / MINUTE;

/** First working day strictly after `date`. */
export function nextWorkingDay(date: string): string {
  let v = nextCache.get(date);
  if (v === undefined) {
    let d = addDays(date, 1);
    while (!workingDay(d)) d = addDays(d, 1);
    v = d;
    nextCache.set(date, v);
  }
  return v;
}

/** `date` itself when working, else the last working day before it. */
export function workingDayOnOrBefore(date: string): string {
  let d = date;
  while (!workingDay(d)) d = addDays(d, -1);
  return d;
}

/** `date` itself when working, else the next working day. */
export const workingDayFrom = (date: string): string => (workingDay(date) ? date : nextWorkingDay(date));

export function addWorkingDays(date: string, n: number): string {
  let d = date;
  for (let i = 0; i < n; i++) d = nextWorkingDay(d);
  return d;
}

/** Same semantics as calendar.addWorkingMinutes: a start outside hours begins at the next 08:00. */
export function addWorkMinutes(from: Date, minutes: number): Date {
  let date = shanghaiDate(from);
  let m = minuteOfDay(from);
  if (!workingDay(date) || m >= END_MIN) {
    date = nextWorkingDay(date);
    m = START_MIN;
  } else if (m < START_MIN) m = START_MIN;
  let remaining = minutes;
  for (;;) {
    const available = END_MIN - m;
    if (remaining <= available) return atMinute(date, m + remaining);
    remaining -= available;
    date = nextWorkingDay(date);
    m = START_MIN;
  }
}

/** The latest working instant at or before `t` (08:00–17:30 on a working day). */
export function clampBack(t: Date): Date {
  const day = shanghaiDate(t);
  const m = minuteOfDay(t);
  if (workingDay(day) && m >= START_MIN) return m <= END_MIN ? t : atMinute(day, END_MIN);
  return atMinute(workingDayOnOrBefore(addDays(day, -1)), END_MIN);
}

/** `minutes` of working time before `t`. */
export function backWork(t: Date, minutes: number): Date {
  const cur = clampBack(t);
  let day = shanghaiDate(cur);
  let m = minuteOfDay(cur);
  let remaining = minutes;
  for (;;) {
    const available = m - START_MIN;
    if (remaining <= available) return atMinute(day, m - remaining);
    remaining -= available;
    day = workingDayOnOrBefore(addDays(day, -1));
    m = END_MIN;
  }
}
