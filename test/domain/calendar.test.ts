import {
  WORK_END,
  WORK_START,
  addDays,
  atShanghai,
  BUILT_IN_CALENDAR,
  calendarOf,
  dayOfMonth,
  dayOfWeek,
  shanghaiDate,
  shanghaiMinutesOfDay,
  shanghaiTime,
} from '../../src/domain/calendar';

import { parseCalendarPaste } from '../../src/domain/calendarPaste';
import { lunarToSolar, qingmingDate, statutoryHolidays } from '../../src/domain/holidays';
import { complaintReplyDeadline, complaintResolveDeadline } from '../../src/domain/rules/service/complaints';

const cal = BUILT_IN_CALENDAR;

/** Shanghai wall clock as 'YYYY-MM-DD HH:mm'. */
const sh = (d: Date) => `${shanghaiDate(d)} ${shanghaiTime(d)}`;
const at = (s: string) => {
  const [date, time] = s.split(' ');
  return atShanghai(date, time);
};

describe('Shanghai conversions (UTC+8, machine TZ irrelevant)', () => {
  it('converts instants to Shanghai date/time', () => {
    const d = new Date('2026-07-01T16:30:00Z');
    expect(shanghaiDate(d)).toBe('2026-07-02');
    expect(shanghaiTime(d)).toBe('00:30');
    expect(shanghaiMinutesOfDay(d)).toBe(30);
    expect(shanghaiDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(shanghaiDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
  it('builds instants from Shanghai wall clock', () => {
    expect(atShanghai('2026-07-01', WORK_START).toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(atShanghai('2026-07-01', WORK_END).toISOString()).toBe('2026-07-01T09:30:00.000Z');
    expect(atShanghai('2026-03-08').toISOString()).toBe('2026-03-07T16:00:00.000Z'); // US DST day
    expect(() => atShanghai('2026-02-30')).toThrow(RangeError);
    expect(() => atShanghai('2026-07-01', '8:00')).toThrow(RangeError);
  });
  it('does date arithmetic on strings', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(dayOfMonth('2026-07-31')).toBe(31);
    expect(dayOfWeek('2026-10-01')).toBe(4); // Thursday
  });
});

describe('working days (statutory holidays + 调休, chinese-days) — 6.1', () => {
  it('statutory holiday: National Day 2026-10-01..07 is off', () => {
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = addDays(d, 1)) expect(cal.isWorkingDay(d), d).toBe(false);
  });
  it('the day before a holiday is a working day', () => {
    expect(cal.isWorkingDay('2026-09-30')).toBe(true); // Wed before National Day
    expect(cal.isWorkingDay('2026-09-24')).toBe(true); // Thu before Mid-autumn (09-25..27)
    expect(cal.isWorkingDay('2026-09-25')).toBe(false);
  });
  it('make-up working weekends (调休) are working days', () => {
    expect(dayOfWeek('2026-02-14')).toBe(6);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Sat, Spring Festival
    expect(cal.isWorkingDay('2026-02-28')).toBe(true); // Sat, Spring Festival
    expect(cal.isWorkingDay('2026-09-20')).toBe(true); // Sun, National Day
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // Sat, National Day
    expect(cal.isWorkingDay('2026-01-04')).toBe(true); // Sun, New Year
  });
  it('a normal weekend is off, weekdays are on', () => {
    expect(cal.isWorkingDay('2026-07-04')).toBe(false);
    expect(cal.isWorkingDay('2026-07-05')).toBe(false);
    expect(cal.isWorkingDay('2026-07-06')).toBe(true);
  });
  it('reports coverage and falls back to Mon–Fri outside it', () => {
    expect(cal.covers(2026)).toBe(true);
    expect(cal.covers(2004)).toBe(true);
    expect(cal.covers(2003)).toBe(false);
    expect(cal.covers(2099)).toBe(false); // its 调休 is unknown…
    expect(cal.knowsHolidays(2099)).toBe(true); // …its statutory holidays are computed (holidays.ts)
    expect(cal.isWorkingDay('2099-01-01')).toBe(false); // 元旦
    expect(cal.knowsHolidays(2100)).toBe(false); // beyond the lunar table: Mon–Fri
    expect(cal.isWorkingDay('2100-01-01')).toBe(true); // a Friday
    expect(cal.isWorkingDay('2100-01-02')).toBe(false); // Saturday
  });
  it('next / previous / add working days', () => {
    expect(cal.nextWorkingDay('2026-09-30')).toBe('2026-10-08');
    expect(cal.previousWorkingDay('2026-10-08')).toBe('2026-09-30');
    expect(cal.nextWorkingDay('2026-10-09')).toBe('2026-10-10');
    expect(cal.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
    expect(cal.previousWorkingDay('2026-07-06')).toBe('2026-07-03');
    expect(cal.addWorkingDays('2026-07-06', 0)).toBe('2026-07-06');
    expect(cal.addWorkingDays('2026-07-04', 0)).toBe('2026-07-06');
    expect(cal.addWorkingDays('2026-07-03', 1)).toBe('2026-07-06');
    expect(cal.addWorkingDays('2026-09-29', 3)).toBe('2026-10-09');
    expect(() => cal.addWorkingDays('2026-07-06', -1)).toThrow(RangeError);
  });
});

describe('working hours 08:00–17:30 (6.1)', () => {
  it.each([
    ['2026-07-01 07:59', false],
    ['2026-07-01 08:00', true],
    ['2026-07-01 17:29', true],
    ['2026-07-01 17:30', false],
    ['2026-07-04 10:00', false],
    ['2026-10-10 10:00', true],
    ['2026-10-01 10:00', false],
  ])('%s → %s', (s, within) => expect(cal.isWithinWorkingHours(at(s))).toBe(within));
});

describe('addWorkingMinutes', () => {
  it.each([
    ['2026-07-01 11:55', 10, '2026-07-01 12:05'],
    ['2026-07-01 17:00', 60, '2026-07-02 08:30'], // across 17:30
    ['2026-07-01 17:20', 10, '2026-07-01 17:30'], // lands exactly on 17:30: stays
    ['2026-07-01 17:29', 10, '2026-07-02 08:09'],
    ['2026-07-01 07:00', 30, '2026-07-01 08:30'], // before hours: starts at 08:00
    ['2026-07-01 19:00', 0, '2026-07-02 08:00'],
    ['2026-07-03 17:00', 60, '2026-07-06 08:30'], // across a weekend
    ['2026-07-04 10:00', 10, '2026-07-06 08:10'], // from a Saturday
    ['2026-09-30 17:00', 60, '2026-10-08 08:30'], // across National Day
    ['2026-10-09 17:00', 60, '2026-10-10 08:30'], // into a make-up Saturday
    ['2026-07-01 08:00', 570, '2026-07-01 17:30'], // one full day
    ['2026-07-01 08:00', 571, '2026-07-02 08:01'],
  ])('%s + %s min → %s', (from, min, to) => expect(sh(cal.addWorkingMinutes(at(from), min))).toBe(to));

  it('keeps seconds', () => {
    const from = new Date(at('2026-07-01 11:55').getTime() + 30_000);
    expect(cal.addWorkingMinutes(from, 10).getTime() - from.getTime()).toBe(600_000);
  });
});

describe('workingMinutesBetween', () => {
  it.each([
    ['2026-07-01 08:00', '2026-07-01 17:30', 570],
    ['2026-07-01 07:00', '2026-07-01 19:00', 570],
    ['2026-07-03 17:00', '2026-07-06 08:30', 60],
    ['2026-09-30 08:00', '2026-10-08 17:30', 1140],
    ['2026-07-01 12:00', '2026-07-01 12:00', 0],
    ['2026-07-02 12:00', '2026-07-01 12:00', 0],
    ['2026-07-04 09:00', '2026-07-05 17:00', 0],
  ])('%s → %s = %s', (a, b, m) => expect(cal.workingMinutesBetween(at(a), at(b))).toBe(m));

  it('inverts addWorkingMinutes', () => {
    const a = at('2026-09-29 13:17');
    for (const m of [0, 1, 253, 570, 1000, 5000])
      expect(cal.workingMinutesBetween(a, cal.addWorkingMinutes(a, m))).toBe(m);
  });
});

describe('5.7.3 / 6.4.5 / 6.10.5 working time for any year: statutory holidays by law, 调休 as entered', () => {
  // 国务院《全国年节及纪念日放假办法》 (2024 amendment): 元旦 1 day, 春节 4 (除夕, 初一–初三), 清明 (solar
  // term), 劳动节 2, 端午 (五月初五), 中秋 (八月十五), 国庆 3. The lunar and solar-term dates below are
  // the astronomical ones as listed by the Hong Kong Observatory's Gregorian–lunar tables (hko.gov.hk,
  // 公历与农历日期对照表 2027–2030) and the Purple Mountain Observatory's 中国天文年历: 春节 2027-02-06,
  // 2028-01-26, 2029-02-13, 2030-02-03; 端午 2027-06-09, 2028-05-28, 2029-06-16, 2030-06-05; 中秋
  // 2027-09-15, 2028-10-03, 2029-09-22, 2030-09-12; 清明 2027-04-05, 2028-04-04, 2029-04-04, 2030-04-05.
  // The State Council's 2027 arrangement (调休) was not in chinese-days 1.5.7 (the latest on npm).
  const statutory = (year: number) => statutoryHolidays(year).filter((h) => h.kind === 'statutory');
  const daysOf = (year: number, festival: string) =>
    statutory(year)
      .filter((h) => h.festival === festival)
      .map((h) => h.date);

  it.each([
    [2027, '2027-02-05', '2027-04-05', '2027-06-09', '2027-09-15'],
    [2028, '2028-01-25', '2028-04-04', '2028-05-28', '2028-10-03'],
    [2029, '2029-02-12', '2029-04-04', '2029-06-16', '2029-09-22'],
    [2030, '2030-02-02', '2030-04-05', '2030-06-05', '2030-09-12'],
  ])(
    '%i: 元旦, 春节 (除夕 %s + 3), 清明 %s, 劳动节, 端午 %s, 中秋 %s, 国庆',
    (year, eve, qingming, dragon, midAutumn) => {
      expect(daysOf(year, 'newYear')).toEqual([`${year}-01-01`]);
      expect(daysOf(year, 'springFestival')).toEqual([eve, addDays(eve, 1), addDays(eve, 2), addDays(eve, 3)]);
      expect(qingmingDate(year)).toBe(qingming);
      expect(daysOf(year, 'labourDay')).toEqual([`${year}-05-01`, `${year}-05-02`]);
      expect(lunarToSolar(year, 5, 5)).toBe(dragon);
      expect(lunarToSolar(year, 8, 15)).toBe(midAutumn);
      expect(
        statutory(year).filter(
          (h) => h.date.endsWith('-10-01') || h.date.endsWith('-10-02') || h.date.endsWith('-10-03'),
        ),
      ).toHaveLength(3);
      // every statutory day is off in the built-in calendar, whatever the weekday
      for (const h of statutory(year)) expect(cal.isWorkingDay(h.date), h.date).toBe(false);
    },
  );

  it('agrees with the published calendar where chinese-days has it (2025–2026, the amended law)', () => {
    for (const year of [2025, 2026]) {
      expect(cal.covers(year)).toBe(true);
      for (const h of statutory(year)) expect(cal.isWorkingDay(h.date), h.date).toBe(false);
      // the published 春节 of 2026 is the amended 4 days' 除夕 on: 2026-02-16 off
      expect(lunarToSolar(2026, 1, 1)).toBe('2026-02-17');
    }
  });

  it('art. 6 补假: statutory days on a weekend are made up on the following weekdays until the notice is entered', () => {
    // 2027 春节: 除夕 Fri 02-05, 初一 Sat, 初二 Sun, 初三 Mon → Tue 02-09 and Wed 02-10 off in lieu
    expect(
      statutoryHolidays(2027)
        .filter((h) => h.kind === 'inLieu' && h.festival === 'springFestival')
        .map((h) => h.date),
    ).toEqual(['2027-02-09', '2027-02-10']);
    expect(cal.isWorkingDay('2027-02-09')).toBe(false);
    expect(cal.isWorkingDay('2027-02-11')).toBe(true);
    // 2028: 中秋 on 国庆's 10-03, and 10-01 a Sunday → two days in lieu after 国庆
    expect(
      statutoryHolidays(2028)
        .filter((h) => h.kind === 'inLieu' && h.date >= '2028-10-01')
        .map((h) => h.date),
    ).toEqual(['2028-10-04', '2028-10-05']);
  });

  it('6.10.5 a complaint received 2026-12-31 16:00 is answered by 2027-01-04 10:30, not on 元旦 2027-01-01', () => {
    // 4 working hours: 90 minutes on Thursday 31 Dec, 元旦 (Fri) off, the weekend, 150 minutes on Monday
    expect(sh(complaintReplyDeadline(at('2026-12-31 16:00'), cal))).toBe('2027-01-04 10:30');
    expect(shanghaiDate(complaintResolveDeadline(at('2026-12-31 16:00'), cal))).toBe('2027-01-06');
  });

  it("a year's 调休 entered in one go (pasted dates): make-up working days and bridged days off count, the law's 补假 gives way to the notice", () => {
    // an illustrative 2027 春节 notice: 02-05 to 02-11 off, Sun 02-14 and Sat 02-20 working
    const parsed = parseCalendarPaste(2027, '2月5日至2月11日', '2027-02-14\n2027/2/20');
    expect(parsed.errors).toEqual([]);
    const entered = calendarOf(parsed.days);
    expect(entered.covers(2027)).toBe(true);
    expect(cal.covers(2027)).toBe(false); // the built-in value is untouched: calendars are values
    expect(entered.isWorkingDay('2027-02-11')).toBe(false); // bridged day off
    expect(entered.isWorkingDay('2027-02-14')).toBe(true); // make-up working Sunday
    expect(entered.isWorkingDay('2027-02-20')).toBe(true);
    expect(entered.isWorkingDay('2027-10-04')).toBe(true); // the law's 补假 for 国庆 is the notice's to place
    expect(entered.isWorkingDay('2027-10-01')).toBe(false); // statutory days stay off
    expect(entered.nextWorkingDay('2027-02-04')).toBe('2027-02-12');
    expect(sh(complaintReplyDeadline(at('2027-02-04 16:00'), entered))).toBe('2027-02-12 10:30');
  });

  it('an entry wins over the package (a local correction), and malformed entries are ignored', () => {
    const own = calendarOf([
      { date: '2026-11-27', kind: 'holiday' },
      { date: 'soon', kind: 'holiday' },
      { date: '2026-11-28', kind: 'nap' as never },
    ]);
    expect(cal.isWorkingDay('2026-11-27')).toBe(true);
    expect(own.isWorkingDay('2026-11-27')).toBe(false);
    expect(own.isWorkingDay('2026-11-28')).toBe(false); // a Saturday, untouched
    expect(calendarOf([{ date: '2026-11-27', kind: 'holiday' }])).toBe(own); // equal entries, the same value
  });

  it('warns only about the 调休 still unknown: this year, and next year from mid-November', () => {
    expect(cal.gap('2026-11-01')).toBeNull();
    expect(cal.gap('2026-11-27')).toBe(2027);
    expect(cal.gap('2027-03-01')).toBe(2027);
    const with2027 = calendarOf(parseCalendarPaste(2027, '2027-01-01', '').days);
    expect(with2027.gap('2026-11-27')).toBeNull();
    expect(with2027.gap('2027-11-20')).toBe(2028);
  });

  it('the paste names what it cannot read, or a date of another year', () => {
    const p = parseCalendarPaste(2027, '2027-02-30, 2月8日~2月9日, 2028-01-01', 'tomorrow');
    expect(p.days.map((d) => d.date)).toEqual(['2027-02-08', '2027-02-09']);
    expect(p.errors.map((e) => e.token)).toEqual(['2027-02-30', '2028-01-01', 'tomorrow']);
  });
});
