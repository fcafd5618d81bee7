// Asia/Shanghai business calendar (procedure.md: "All business times are Asia/Shanghai.
// Working hours 08:00–17:30 (6.1). Working days are Chinese working days: Mon–Fri minus
// statutory holidays, plus the official make-up working weekends (调休).")
//
// Shanghai is UTC+8 all year (no DST), so conversions are done by fixed offset and never
// depend on the machine's time zone. Dates are 'YYYY-MM-DD' strings, instants are Dates.
import chineseDays from 'chinese-days';

// NB: default import on purpose — chinese-days ships CommonJS as "main", so Node/tsx/vitest
// cannot see its named exports; the default export has them in both CJS and ESM builds.
const { getDayDetail } = chineseDays;

/** Working hours (6.1): 08:00 morning meeting, 17:30 evening meeting. */
export const WORK_START = '08:00';
export const WORK_END = '17:30';

const MINUTE = 60_000;
const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000; // UTC+8
const START_MS = hhmmToMinutes(WORK_START) * MINUTE;
const END_MS = hhmmToMinutes(WORK_END) * MINUTE;

function hhmmToMinutes(time: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`bad time "${time}" (HH:mm)`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function parseDate(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`bad date "${date}" (YYYY-MM-DD)`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`no such date "${date}"`);
  }
  return [y, mo, d];
}

/** Milliseconds since Shanghai midnight. */
function msOfDay(d: Date): number {
  return (((d.getTime() + OFFSET) % DAY) + DAY) % DAY;
}

/** 'YYYY-MM-DD' of the instant in Shanghai. */
export function shanghaiDate(d: Date): string {
  return new Date(d.getTime() + OFFSET).toISOString().slice(0, 10);
}

/** 'HH:mm' of the instant in Shanghai. */
export function shanghaiTime(d: Date): string {
  return new Date(d.getTime() + OFFSET).toISOString().slice(11, 16);
}

/** Whole minutes since Shanghai midnight (0..1439). */
export function shanghaiMinutesOfDay(d: Date): number {
  return Math.floor(msOfDay(d) / MINUTE);
}

/** The instant of Shanghai wall-clock `date` `time` ('HH:mm'). */
export function atShanghai(date: string, time = '00:00'): Date {
  const [y, mo, d] = parseDate(date);
  return new Date(Date.UTC(y, mo - 1, d) - OFFSET + hhmmToMinutes(time) * MINUTE);
}

export function addDays(date: string, n: number): string {
  const [y, mo, d] = parseDate(date);
  return new Date(Date.UTC(y, mo - 1, d + n)).toISOString().slice(0, 10);
}

export function dayOfMonth(date: string): number {
  return parseDate(date)[2];
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  const [y, mo, d] = parseDate(date);
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
}

/**
 * chinese-days (1.5.7) is machine-TZ sensitive: it parses its own 'Y-M-D' strings as UTC
 * midnight and formats/reads weekdays with *local* getters, so west of UTC both its holiday
 * table keys and its weekday answers are shifted one day. Looking a day up with the very same
 * kind of value it built its table from (UTC midnight) hits the right entry in any zone; the
 * weekday rule (Mon–Fri) is then applied here, from the string, never by the package.
 */
function listedDay(date: string): { work: boolean; name: string } | undefined {
  const [y, mo, d] = parseDate(date);
  const detail = getDayDetail(new Date(Date.UTC(y, mo - 1, d)));
  // Listed days are named "English,中文,n"; unlisted ones get a bare weekday name.
  return detail.name.includes(',') ? detail : undefined;
}

const coverCache = new Map<number, boolean>();
/** Statutory holidays off, make-up weekends (调休) on; Mon–Fri outside the package's years. */
const workingDayCache = new Map<string, boolean>();

/**
 * The branch's own calendar entries (settings `calendarDays`): the official arrangement of a year
 * the package does not list yet — the State Council publishes next year's each November, and a
 * package release follows weeks or months later — or a local correction. They win over the package.
 */
export interface CalendarDay {
  date: string; // YYYY-MM-DD
  kind: 'holiday' | 'workday';
  name?: string;
}
let branchDays = new Map<string, boolean>();
let branchKey = '';

/**
 * Use these entries from now on (the server calls it whenever it reads the settings, the SPA when
 * it loads them; the same entries again cost a comparison). Malformed entries are ignored.
 */
export function setBranchCalendar(days: readonly CalendarDay[] | undefined): void {
  const valid = (days ?? []).filter((d) => d && /^\d{4}-\d{2}-\d{2}$/.test(d.date) && (d.kind === 'holiday' || d.kind === 'workday'));
  const key = valid.map((d) => `${d.date}:${d.kind}`).join(',');
  if (key === branchKey) return;
  branchKey = key;
  branchDays = new Map(valid.map((d) => [d.date, d.kind === 'workday']));
  workingDayCache.clear();
  coverCache.clear();
}

/**
 * Whether the official holiday arrangement for `year` is known: chinese-days has it (1.5.7:
 * 2004–2026; probed, not hard-coded: a covered year always lists 元旦 (1 Jan) as a holiday), or
 * the branch entered that year's holidays in the settings.
 * For uncovered years isWorkingDay falls back to Mon–Fri, and the home page warns (calendarGap).
 */
export function calendarCovers(year: number): boolean {
  let c = coverCache.get(year);
  if (c === undefined) {
    c = Number.isInteger(year) && year >= 1000 && year <= 9999
      && ((listedDay(`${year}-01-01`)?.name.includes('元旦') ?? false)
        || [...branchDays].some(([d, work]) => !work && d.startsWith(`${year}-`)));
    coverCache.set(year, c);
  }
  return c;
}

/** from this day of the year on, next year's arrangement is expected (it is usually published in November) */
export const NEXT_YEAR_EXPECTED_FROM = '11-15';

/**
 * The year whose holiday arrangement is missing and matters now: this year, or from mid-November
 * next year; null when both are known.
 */
export function calendarGap(today: string): number | null {
  const year = Number(today.slice(0, 4));
  if (!calendarCovers(year)) return year;
  if (today.slice(5) >= NEXT_YEAR_EXPECTED_FROM && !calendarCovers(year + 1)) return year + 1;
  return null;
}

export function isWorkingDay(date: string): boolean {
  let known = workingDayCache.get(date);
  if (known === undefined) {
    const own = branchDays.get(date);
    const listed = own === undefined ? listedDay(date) : undefined;
    const wd = dayOfWeek(date);
    known = own ?? (listed ? listed.work : wd >= 1 && wd <= 5);
    if (workingDayCache.size > 20_000) workingDayCache.clear();
    workingDayCache.set(date, known);
  }
  return known;
}

/** First working day strictly after `date`. */
export function nextWorkingDay(date: string): string {
  let d = addDays(date, 1);
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** Last working day strictly before `date`. */
export function previousWorkingDay(date: string): string {
  let d = addDays(date, -1);
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/**
 * The n-th working day after `date` (n ≥ 0). n = 0: `date` itself if working, else the next
 * working day. So Friday + 1 = Monday, and Saturday + 1 = Monday too.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (n === 0) return isWorkingDay(date) ? date : nextWorkingDay(date);
  let d = date;
  for (let i = 0; i < n; i++) d = nextWorkingDay(d);
  return d;
}

/** Inside [08:00, 17:30) on a working day (6.1). 17:30 itself is after hours. */
export function isWithinWorkingHours(d: Date): boolean {
  const ms = msOfDay(d);
  return ms >= START_MS && ms < END_MS && isWorkingDay(shanghaiDate(d));
}

/** `d` if within working hours, else the next 08:00 of a working day. */
function clampToWorkingStart(d: Date): Date {
  const date = shanghaiDate(d);
  const ms = msOfDay(d);
  if (isWorkingDay(date)) {
    if (ms < START_MS) return atShanghai(date, WORK_START);
    if (ms < END_MS) return d;
  }
  return atShanghai(nextWorkingDay(date), WORK_START);
}

/**
 * Adds `minutes` of working time (08:00–17:30 on working days, 6.1). A start outside working
 * hours begins at the next working start. A result landing exactly on 17:30 stays at 17:30.
 */
export function addWorkingMinutes(from: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be ≥ 0, got ${minutes}`);
  let cursor = clampToWorkingStart(from);
  let remaining = Math.round(minutes * MINUTE);
  for (;;) {
    const available = END_MS - msOfDay(cursor);
    if (remaining <= available) return new Date(cursor.getTime() + remaining);
    remaining -= available;
    cursor = atShanghai(nextWorkingDay(shanghaiDate(cursor)), WORK_START);
  }
}

/** Working time between two instants, in milliseconds (0 if b ≤ a). */
export function workingMillisBetween(a: Date, b: Date): number {
  if (b.getTime() <= a.getTime()) return 0;
  let total = 0;
  const last = shanghaiDate(b);
  for (let day = shanghaiDate(a); day <= last; day = addDays(day, 1)) {
    if (!isWorkingDay(day)) continue;
    const open = Math.max(atShanghai(day, WORK_START).getTime(), a.getTime());
    const close = Math.min(atShanghai(day, WORK_END).getTime(), b.getTime());
    if (close > open) total += close - open;
  }
  return total;
}

/** Whole working minutes between two instants (floored; 0 if b ≤ a). */
export function workingMinutesBetween(a: Date, b: Date): number {
  return Math.floor(workingMillisBetween(a, b) / MINUTE);
}
