import type { CalendarDay } from './calendar';

/**
 * A year's 调休 as the admin pastes it from the State Council's notice (settings page): the days
 * off (ranges welcome: "2月5日至11日", "2027-02-05~2027-02-11") and the make-up working days. Read
 * here, once, for the settings screen's paste box and its tests; the server stores the resulting
 * `calendarDays` lines (and checks them, documents/settings.ts).
 *
 * Dates: 2027-02-05, 2027/2/5, 2027.2.5, 2027年2月5日, 2月5日, 2-5, 2/5 (the year is the one being
 * entered); a range's end may be a bare day ("11日"). Weekday notes in brackets ("（周五）") are
 * skipped. Separators: new lines, spaces, commas, 、 and semicolons.
 */
export interface PasteError {
  token: string;
  reason: 'unreadable' | 'noSuchDate' | 'otherYear' | 'both';
}

export interface CalendarPaste {
  days: CalendarDay[];
  errors: PasteError[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const MAX_RANGE = 31;

function realDate(y: number, m: number, d: number): string | null {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d
    ? `${y}-${pad(m)}-${pad(d)}`
    : null;
}

const FULL = /^(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?$/;
const BARE_DAY = /^(\d{1,2})日?$/;

/** [date, error] of one date token, `month` for a range end given as a bare day. */
function readDate(token: string, year: number, month?: number): [string | null, PasteError['reason'] | null] {
  const full = FULL.exec(token);
  const bare = month !== undefined ? BARE_DAY.exec(token) : null;
  if (!full && !bare) return [null, 'unreadable'];
  const y = full?.[1] ? Number(full[1]) : year;
  const m = full ? Number(full[2]) : (month as number);
  const d = Number(full ? full[3] : bare![1]);
  const date = realDate(y, m, d);
  if (!date) return [null, 'noSuchDate'];
  if (y !== year) return [null, 'otherYear'];
  return [date, null];
}

function readList(text: string, year: number, errors: PasteError[]): string[] {
  const cleaned = text.replace(/[（(][^）)]*[）)]/g, ' ').replace(/\s*(?:至|到|~|～|—|–)\s*/g, '~');
  const out: string[] = [];
  for (const token of cleaned.split(/[\s,，、;；]+/).filter(Boolean)) {
    const [a, b] = token.split('~');
    const [from, fromError] = readDate(a, year);
    if (!from) {
      errors.push({ token: a, reason: fromError! });
      continue;
    }
    if (b === undefined) {
      out.push(from);
      continue;
    }
    const [to, toError] = readDate(b, year, Number(from.slice(5, 7)));
    if (!to) {
      errors.push({ token: b, reason: toError! });
      continue;
    }
    const start = Date.parse(`${from}T00:00:00Z`);
    const days = (Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000;
    if (days < 0 || days > MAX_RANGE) {
      errors.push({ token, reason: 'unreadable' });
      continue;
    }
    for (let i = 0; i <= days; i++) out.push(new Date(start + i * 86_400_000).toISOString().slice(0, 10));
  }
  return out;
}

/** The `calendarDays` lines of `year` from the pasted days off and make-up working days, in date order. */
export function parseCalendarPaste(year: number, daysOff: string, workdays: string): CalendarPaste {
  const errors: PasteError[] = [];
  const off = new Set(readList(daysOff, year, errors));
  const on = new Set(readList(workdays, year, errors));
  for (const d of on) {
    if (off.has(d)) {
      errors.push({ token: d, reason: 'both' });
      off.delete(d);
      on.delete(d);
    }
  }
  const days: CalendarDay[] = [
    ...[...off].map((date): CalendarDay => ({ date, kind: 'holiday', name: `${year} 放假` })),
    ...[...on].map((date): CalendarDay => ({ date, kind: 'workday', name: `${year} 调休上班` })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return { days, errors };
}

/** The entries of `days` outside `year`, then `entered` (a year's paste replaces that year's entries). */
export function replaceYear(
  days: readonly CalendarDay[],
  year: number,
  entered: readonly CalendarDay[],
): CalendarDay[] {
  return [...days.filter((d) => !String(d?.date ?? '').startsWith(`${year}-`)), ...entered].sort((a, b) =>
    String(a.date).localeCompare(String(b.date)),
  );
}
