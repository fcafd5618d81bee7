// Asia/Shanghai business calendar (procedure.md: "All business times are Asia/Shanghai.
// Working hours 08:00–17:30 (6.1). Working days are Chinese working days: Mon–Fri minus
// statutory holidays, plus the official make-up working weekends (调休).")
//
// Shanghai is UTC+8 all year (no DST), so conversions are done by fixed offset and never
// depend on the machine's time zone. Dates are 'YYYY-MM-DD' strings, instants are Dates.
//
// Working time is counted on a Calendar *value* (calendarOf): the built-in calendar plus the
// branch's entries from the settings. Whoever counts working time is handed one — the server
// builds it from the settings it read (settings.ts calendarOfSettings), the SPA from the
// settings' hook (src/app/branchCalendar.ts) — there is no calendar "in force" to set.
import chineseDays from 'chinese-days';
import { COMPUTABLE_FROM, COMPUTABLE_TO, statutoryHolidays } from './holidays';

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

const packageYears = new Map<number, boolean>();
/**
 * Years chinese-days publishes with their 调休 (1.5.7: 2004–2026; probed, not hard-coded: a
 * covered year always lists 元旦 (1 Jan) as a holiday). Its data is the State Council's notice.
 */
export function packageCovers(year: number): boolean {
  let c = packageYears.get(year);
  if (c === undefined) {
    c =
      Number.isInteger(year) &&
      year >= 1000 &&
      year <= 9999 &&
      (listedDay(`${year}-01-01`)?.name.includes('元旦') ?? false);
    packageYears.set(year, c);
  }
  return c;
}

const statutoryByYear = new Map<number, Map<string, 'statutory' | 'inLieu'>>();
function statutoryOf(year: number): Map<string, 'statutory' | 'inLieu'> {
  let m = statutoryByYear.get(year);
  if (!m) {
    m = new Map(statutoryHolidays(year).map((h) => [h.date, h.kind]));
    statutoryByYear.set(year, m);
  }
  return m;
}

/**
 * The branch's own calendar entries (settings `calendarDays`): a year's 调休 as the State Council
 * publishes it each November — its days off (the make-up 补假 and bridged days; the statutory days
 * may be entered too) and its make-up working days — entered in one go by pasting its dates
 * (settings page), or a local correction. They win over everything else.
 */
export interface CalendarDay {
  date: string; // YYYY-MM-DD
  kind: 'holiday' | 'workday';
  name?: string;
}

/** from this day of the year on, next year's arrangement is expected (it is usually published in November) */
export const NEXT_YEAR_EXPECTED_FROM = '11-15';

/**
 * A working-time calendar (immutable). A day is, in this order:
 * 1. as the branch entered it;
 * 2. in a year chinese-days publishes: as published (statutory days, 补假 and 调休);
 * 3. in a year whose 调休 the branch entered: off on the statutory days (holidays.ts), else Mon–Fri;
 * 4. in any other year 1901–2099: off on the statutory days and their 补假 (law, art. 2 and 6), else
 *    Mon–Fri — only the 调休 is unknown (gap);
 * 5. otherwise Mon–Fri.
 */
export class Calendar {
  /** the entries' identity: equal keys, equal calendars */
  readonly key: string;
  private readonly own: ReadonlyMap<string, boolean>;
  private readonly enteredYears: ReadonlySet<number>;
  private readonly cache = new Map<string, boolean>();

  constructor(days: readonly CalendarDay[]) {
    const valid = validDays(days);
    this.key = valid.map((d) => `${d.date}:${d.kind}`).join(',');
    this.own = new Map(valid.map((d) => [d.date, d.kind === 'workday']));
    this.enteredYears = new Set(valid.map((d) => Number(d.date.slice(0, 4))));
  }

  /** Whether `year`'s 调休 is known: published in chinese-days, or entered by the branch. */
  covers(year: number): boolean {
    return packageCovers(year) || this.enteredYears.has(year);
  }

  /** Whether the statutory holidays of `year` are known at all (published, or computable by law). */
  knowsHolidays(year: number): boolean {
    return this.covers(year) || (year >= COMPUTABLE_FROM && year <= COMPUTABLE_TO);
  }

  /**
   * The year whose 调休 is unknown and matters now: this year, or from mid-November next year;
   * null when both are known. Its statutory holidays count anyway (holidays.ts).
   */
  gap(today: string): number | null {
    const year = Number(today.slice(0, 4));
    if (!this.covers(year)) return year;
    if (today.slice(5) >= NEXT_YEAR_EXPECTED_FROM && !this.covers(year + 1)) return year + 1;
    return null;
  }

  isWorkingDay(date: string): boolean {
    let known = this.cache.get(date);
    if (known === undefined) {
      known = this.decide(date);
      if (this.cache.size > 20_000) this.cache.clear();
      this.cache.set(date, known);
    }
    return known;
  }

  private decide(date: string): boolean {
    const own = this.own.get(date);
    if (own !== undefined) return own;
    const year = Number(date.slice(0, 4));
    const wd = dayOfWeek(date);
    const weekday = wd >= 1 && wd <= 5;
    if (packageCovers(year)) {
      const listed = listedDay(date);
      return listed ? listed.work : weekday;
    }
    const statutory = statutoryOf(year).get(date);
    if (statutory === 'statutory') return false;
    // 补假 as the law places it, until the year's notice is entered (then its days off say where)
    if (statutory === 'inLieu' && !this.enteredYears.has(year)) return false;
    return weekday;
  }

  /** First working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    let d = addDays(date, 1);
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** Last working day strictly before `date`. */
  previousWorkingDay(date: string): string {
    let d = addDays(date, -1);
    while (!this.isWorkingDay(d)) d = addDays(d, -1);
    return d;
  }

  /**
   * The n-th working day after `date` (n ≥ 0). n = 0: `date` itself if working, else the next
   * working day. So Friday + 1 = Monday, and Saturday + 1 = Monday too.
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
    if (n === 0) return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
    let d = date;
    for (let i = 0; i < n; i++) d = this.nextWorkingDay(d);
    return d;
  }

  /** Inside [08:00, 17:30) on a working day (6.1). 17:30 itself is after hours. */
  isWithinWorkingHours(d: Date): boolean {
    const ms = msOfDay(d);
    return ms >= START_MS && ms < END_MS && this.isWorkingDay(shanghaiDate(d));
  }

  /** `d` if within working hours, else the next 08:00 of a working day. */
  private clampToWorkingStart(d: Date): Date {
    const date = shanghaiDate(d);
    const ms = msOfDay(d);
    if (this.isWorkingDay(date)) {
      if (ms < START_MS) return atShanghai(date, WORK_START);
      if (ms < END_MS) return d;
    }
    return atShanghai(this.nextWorkingDay(date), WORK_START);
  }

  /**
   * Adds `minutes` of working time (08:00–17:30 on working days, 6.1). A start outside working
   * hours begins at the next working start. A result landing exactly on 17:30 stays at 17:30.
   */
  addWorkingMinutes(from: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be ≥ 0, got ${minutes}`);
    let cursor = this.clampToWorkingStart(from);
    let remaining = Math.round(minutes * MINUTE);
    for (;;) {
      const available = END_MS - msOfDay(cursor);
      if (remaining <= available) return new Date(cursor.getTime() + remaining);
      remaining -= available;
      cursor = atShanghai(this.nextWorkingDay(shanghaiDate(cursor)), WORK_START);
    }
  }

  /** Working time between two instants, in milliseconds (0 if b ≤ a). */
  workingMillisBetween(a: Date, b: Date): number {
    if (b.getTime() <= a.getTime()) return 0;
    let total = 0;
    const last = shanghaiDate(b);
    for (let day = shanghaiDate(a); day <= last; day = addDays(day, 1)) {
      if (!this.isWorkingDay(day)) continue;
      const open = Math.max(atShanghai(day, WORK_START).getTime(), a.getTime());
      const close = Math.min(atShanghai(day, WORK_END).getTime(), b.getTime());
      if (close > open) total += close - open;
    }
    return total;
  }

  /** Whole working minutes between two instants (floored; 0 if b ≤ a). */
  workingMinutesBetween(a: Date, b: Date): number {
    return Math.floor(this.workingMillisBetween(a, b) / MINUTE);
  }
}

/** Entries with a real date and kind, one per date (a repeated date: the first). */
function validDays(days: readonly CalendarDay[] | undefined): CalendarDay[] {
  const seen = new Set<string>();
  const out: CalendarDay[] = [];
  for (const d of Array.isArray(days) ? days : []) {
    if (
      !d ||
      typeof d.date !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(d.date) ||
      (d.kind !== 'holiday' && d.kind !== 'workday') ||
      seen.has(d.date)
    )
      continue;
    seen.add(d.date);
    out.push(d);
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

const calendars = new Map<string, Calendar>();
/**
 * The calendar of these entries (the settings' `calendarDays`; none: the built-in calendar).
 * Equal entries give the same (immutable) value, so its day cache is shared.
 */
export function calendarOf(days?: readonly CalendarDay[] | null): Calendar {
  const fresh = new Calendar(days ?? []);
  const known = calendars.get(fresh.key);
  if (known) return known;
  if (calendars.size > 50) calendars.clear();
  calendars.set(fresh.key, fresh);
  return fresh;
}

/** The built-in calendar alone: chinese-days' published years, the law's holidays for the others. */
export const BUILT_IN_CALENDAR = calendarOf([]);
