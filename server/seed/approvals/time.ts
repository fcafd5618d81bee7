import { addDays } from '../../../src/domain/calendar';
import { addWorkMinutes, atMinute, shanghaiDate, workingDay } from '../clock';
import type { Rng } from '../random';

/** Working-time helpers for the approvals seed: every step at a plausible office time, never after `now`. */

/** Working days from `from` to `to`, both inclusive, oldest first. */
export function workingDaysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (workingDay(d)) out.push(d);
  return out;
}

/** The last `n` working days up to `today` (inclusive), newest first. */
export function recentWorkingDays(today: string, n: number): string[] {
  const out: string[] = [];
  for (let d = today; out.length < n; d = addDays(d, -1)) if (workingDay(d)) out.push(d);
  return out;
}

/** A time on `day` between two clock minutes (default 08:40–15:30), whole minutes. */
export const timeOn = (rng: Rng, day: string, fromMin = 8 * 60 + 40, toMin = 15 * 60 + 30): Date =>
  atMinute(day, rng.int(fromMin, toMin));

/** `start`, then `n` later times, each `gap` working minutes after the previous one. */
export function chain(rng: Rng, start: Date, n: number, gap: [number, number] = [25, 200]): Date[] {
  const out = [start];
  let t = start;
  for (let i = 0; i < n; i++) {
    t = addWorkMinutes(t, rng.int(gap[0], gap[1]));
    out.push(t);
  }
  return out;
}

/**
 * A chain of `n` steps after a start on one of `days` (tried in the order given) whose every time
 * is ≤ `notAfter` and whose first `sameDayAsStart` times stay on a day ≤ `firstWithin`.
 */
export function fitChain(
  rng: Rng,
  days: readonly string[],
  n: number,
  notAfter: Date,
  opts: { gap?: [number, number]; firstWithin?: string; firstSteps?: number } = {},
): Date[] | null {
  for (const day of days) {
    const times = chain(rng, timeOn(rng, day), n, opts.gap);
    if (times[times.length - 1].getTime() > notAfter.getTime()) continue;
    if (opts.firstWithin && times.slice(0, (opts.firstSteps ?? 1) + 1).some((t) => shanghaiDate(t) > opts.firstWithin!))
      continue;
    return times;
  }
  return null;
}

export { shanghaiDate };
