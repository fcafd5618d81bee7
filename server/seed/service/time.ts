import { addDays } from '../../../src/domain/calendar';
import { addWorkMinutes, atMinute, END_MIN, minuteOfDay, shanghaiDate, START_MIN, workingDay, workingDayOnOrBefore } from '../clock';

/** Working-time arithmetic backwards from `now`, so every seeded step happens at or before it. */

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

/** Instants from `first`, each `gaps[i]` working minutes after the previous (gaps[0] is the offset of the first). */
export function chain(first: Date, gaps: readonly number[]): Date[] {
  const out: Date[] = [];
  let t = first;
  for (const g of gaps) {
    t = addWorkMinutes(t, g);
    out.push(t);
  }
  return out;
}

/** A chain that ends `slack` working minutes before `end`. */
export const chainEndingBefore = (end: Date, gaps: readonly number[], slack: number): Date[] =>
  chain(backWork(end, gaps.reduce((s, g) => s + g, 0) + slack), gaps);
