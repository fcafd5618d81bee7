// The statutory public holidays of any year (5.7.3 / 6.4.5 / 6.10.5 count working time on them).
//
// 国务院《全国年节及纪念日放假办法》 (as amended 2024-11, in force 2025-01-01), art. 2 — holidays of
// all citizens: 元旦 1 day (1 January); 春节 4 days (农历除夕, 正月初一 to 初三); 清明节 1 day (the day
// of the 清明 solar term); 劳动节 2 days (1–2 May); 端午节 1 day (农历五月初五); 中秋节 1 day
// (农历八月十五); 国庆节 3 days (1–3 October). Art. 6: a holiday of all citizens falling on a Saturday
// or Sunday is made up on a working day (补假).
// Only the 调休 (make-up working weekends and bridged days off) needs the State Council's yearly
// notice; the branch enters it in the settings (calendar.ts).
//
// The lunar dates come from the lunar month table chinese-days carries (1900–2100, the standard
// table also used by the Hong Kong Observatory conversions), read through its pure table look-ups
// (month lengths, leap month) — its date functions read the machine's time zone, so the day
// arithmetic is done here on UTC day numbers. 清明 is the classic solar-term formula for the
// 20th/21st century (no 清明 exceptions in 1901–2099).
import chineseDays from 'chinese-days';

const { monthDays, getYearLeapMonth } = chineseDays;

/** Years whose holidays can be computed (the lunar table and the 清明 formula). */
export const COMPUTABLE_FROM = 1901;
export const COMPUTABLE_TO = 2099;

export type FestivalKey =
  'newYear' | 'springFestival' | 'qingming' | 'labourDay' | 'dragonBoat' | 'midAutumn' | 'nationalDay';

export const FESTIVAL_NAMES: Record<FestivalKey, string> = {
  newYear: '元旦',
  springFestival: '春节',
  qingming: '清明节',
  labourDay: '劳动节',
  dragonBoat: '端午节',
  midAutumn: '中秋节',
  nationalDay: '国庆节',
};

export interface Holiday {
  date: string; // YYYY-MM-DD
  festival: FestivalKey;
  /** a statutory day (art. 2) or the working day that makes up for one on a weekend (art. 6, 补假) */
  kind: 'statutory' | 'inLieu';
}

const DAY = 86_400_000;
/** 农历 1900-01-01 = 1900-01-31 */
const LUNAR_EPOCH = Date.UTC(1900, 0, 31);

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const plusDays = (date: string, n: number) => iso(Date.parse(`${date}T00:00:00Z`) + n * DAY);

function lunarYearDays(y: number): number {
  let days = 0;
  for (let m = 1; m <= 12; m++) days += monthDays(y, m);
  return days + getYearLeapMonth(y).days;
}

const yearStart = new Map<number, number>();
/** Days from the epoch to 正月初一 of lunar year `y`. */
function lunarNewYearOffset(y: number): number {
  let known = yearStart.get(y);
  if (known === undefined) {
    known = y === 1900 ? 0 : lunarNewYearOffset(y - 1) + lunarYearDays(y - 1);
    yearStart.set(y, known);
  }
  return known;
}

/** The solar date of lunar `y`-`month`-`day` (not the leap month). */
export function lunarToSolar(y: number, month: number, day: number): string {
  if (!Number.isInteger(y) || y < 1900 || y > 2100) throw new RangeError(`lunar year ${y} outside 1900–2100`);
  let offset = lunarNewYearOffset(y);
  const leap = getYearLeapMonth(y).leapMonth ?? 0;
  for (let m = 1; m < month; m++) {
    offset += monthDays(y, m);
    if (m === leap) offset += getYearLeapMonth(y).days;
  }
  return iso(LUNAR_EPOCH + (offset + day - 1) * DAY);
}

/** 清明: Y·0.2422 + C − ⌊Y/4⌋ (C = 4.81 in the 21st century, 5.59 in the 20th), in April. */
export function qingmingDate(year: number): string {
  const y = year % 100;
  const c = year >= 2001 ? 4.81 : 5.59;
  const day = Math.floor(y * 0.2422 + c) - Math.floor(y / 4);
  return `${year}-04-${String(day).padStart(2, '0')}`;
}

function festivals(year: number): [FestivalKey, string[]][] {
  const newYearEve = plusDays(lunarToSolar(year, 1, 1), -1);
  return [
    ['newYear', [`${year}-01-01`]],
    ['springFestival', [newYearEve, ...[0, 1, 2].map((n) => plusDays(lunarToSolar(year, 1, 1), n))]],
    ['qingming', [qingmingDate(year)]],
    ['labourDay', [`${year}-05-01`, `${year}-05-02`]],
    ['dragonBoat', [lunarToSolar(year, 5, 5)]],
    ['midAutumn', [lunarToSolar(year, 8, 15)]],
    ['nationalDay', [`${year}-10-01`, `${year}-10-02`, `${year}-10-03`]],
  ];
}

const byYear = new Map<number, Holiday[]>();

/**
 * The year's statutory holidays and their 补假 (art. 6), in date order: each statutory day on a
 * Saturday or Sunday — or on a day another festival already takes (中秋 within 国庆) — is made up
 * on the next weekday after that festival that is not a holiday itself. The State Council's notice
 * may place them otherwise; the branch's entered 调休 then replaces the 补假 (calendar.ts).
 * Empty outside 1901–2099.
 */
export function statutoryHolidays(year: number): readonly Holiday[] {
  let known = byYear.get(year);
  if (known) return known;
  if (!Number.isInteger(year) || year < COMPUTABLE_FROM || year > COMPUTABLE_TO) return [];
  const taken = new Map<string, Holiday>();
  const lost: [FestivalKey, string, number][] = [];
  for (const [festival, days] of festivals(year)) {
    let n = 0;
    for (const date of days) {
      const wd = weekday(date);
      if (taken.has(date) || wd === 0 || wd === 6) n++;
      if (!taken.has(date)) taken.set(date, { date, festival, kind: 'statutory' });
    }
    if (n) lost.push([festival, days[days.length - 1], n]);
  }
  for (const [festival, last, n] of lost) {
    let date = last;
    for (let i = 0; i < n;) {
      date = plusDays(date, 1);
      const wd = weekday(date);
      if (wd === 0 || wd === 6 || taken.has(date)) continue;
      taken.set(date, { date, festival, kind: 'inLieu' });
      i++;
    }
  }
  known = [...taken.values()].sort((a, b) => a.date.localeCompare(b.date));
  byYear.set(year, known);
  return known;
}
