import {
  WORK_END,
  WORK_START,
  addDays,
  addWorkingDays,
  addWorkingMinutes,
  atShanghai,
  calendarCovers,
  calendarGap,
  dayOfMonth,
  dayOfWeek,
  isWithinWorkingHours,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  setBranchCalendar,
  shanghaiDate,
  shanghaiMinutesOfDay,
  shanghaiTime,
  workingMinutesBetween,
} from '../../src/domain/calendar';

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

describe('working days (statutory holidays + 调休, chinese-days)', () => {
  it('statutory holiday: National Day 2026-10-01..07 is off', () => {
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = addDays(d, 1)) expect(isWorkingDay(d), d).toBe(false);
  });
  it('the day before a holiday is a working day', () => {
    expect(isWorkingDay('2026-09-30')).toBe(true); // Wed before National Day
    expect(isWorkingDay('2026-09-24')).toBe(true); // Thu before Mid-autumn (09-25..27)
    expect(isWorkingDay('2026-09-25')).toBe(false);
  });
  it('make-up working weekends (调休) are working days', () => {
    expect(dayOfWeek('2026-02-14')).toBe(6);
    expect(isWorkingDay('2026-02-14')).toBe(true); // Sat, Spring Festival
    expect(isWorkingDay('2026-02-28')).toBe(true); // Sat, Spring Festival
    expect(isWorkingDay('2026-09-20')).toBe(true); // Sun, National Day
    expect(isWorkingDay('2026-10-10')).toBe(true); // Sat, National Day
    expect(isWorkingDay('2026-01-04')).toBe(true); // Sun, New Year
  });
  it('a normal weekend is off, weekdays are on', () => {
    expect(isWorkingDay('2026-07-04')).toBe(false);
    expect(isWorkingDay('2026-07-05')).toBe(false);
    expect(isWorkingDay('2026-07-06')).toBe(true);
  });
  it('reports coverage and falls back to Mon–Fri outside it', () => {
    expect(calendarCovers(2026)).toBe(true);
    expect(calendarCovers(2004)).toBe(true);
    expect(calendarCovers(2003)).toBe(false);
    expect(calendarCovers(2099)).toBe(false);
    expect(isWorkingDay('2099-01-01')).toBe(true); // Thursday; no holiday data for 2099
    expect(isWorkingDay('2099-01-03')).toBe(false); // Saturday
  });
  it('next / previous / add working days', () => {
    expect(nextWorkingDay('2026-09-30')).toBe('2026-10-08');
    expect(previousWorkingDay('2026-10-08')).toBe('2026-09-30');
    expect(nextWorkingDay('2026-10-09')).toBe('2026-10-10');
    expect(nextWorkingDay('2026-02-14')).toBe('2026-02-24');
    expect(previousWorkingDay('2026-07-06')).toBe('2026-07-03');
    expect(addWorkingDays('2026-07-06', 0)).toBe('2026-07-06');
    expect(addWorkingDays('2026-07-04', 0)).toBe('2026-07-06');
    expect(addWorkingDays('2026-07-03', 1)).toBe('2026-07-06');
    expect(addWorkingDays('2026-09-29', 3)).toBe('2026-10-09');
    expect(() => addWorkingDays('2026-07-06', -1)).toThrow(RangeError);
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
  ])('%s → %s', (s, within) => expect(isWithinWorkingHours(at(s))).toBe(within));
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
  ])('%s + %s min → %s', (from, min, to) => expect(sh(addWorkingMinutes(at(from), min))).toBe(to));

  it('keeps seconds', () => {
    const from = new Date(at('2026-07-01 11:55').getTime() + 30_000);
    expect(addWorkingMinutes(from, 10).getTime() - from.getTime()).toBe(600_000);
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
  ])('%s → %s = %s', (a, b, m) => expect(workingMinutesBetween(at(a), at(b))).toBe(m));

  it('inverts addWorkingMinutes', () => {
    const a = at('2026-09-29 13:17');
    for (const m of [0, 1, 253, 570, 1000, 5000]) expect(workingMinutesBetween(a, addWorkingMinutes(a, m))).toBe(m);
  });
});

describe("the branch's own calendar entries (settings: years the package lacks, local corrections)", () => {
  afterEach(() => setBranchCalendar([]));

  it('a year the package lacks is Monday–Friday until its holidays are entered; then they count', () => {
    // 2027: not in chinese-days 1.5.7. Entries as the State Council might publish them (illustrative)
    expect(calendarCovers(2027)).toBe(false);
    expect(isWorkingDay('2027-02-08')).toBe(true); // a Monday
    expect(isWorkingDay('2027-02-20')).toBe(false); // a Saturday
    setBranchCalendar([
      { date: '2027-02-08', kind: 'holiday', name: '春节' },
      { date: '2027-02-09', kind: 'holiday', name: '春节' },
      { date: '2027-02-20', kind: 'workday', name: '春节调休' },
    ]);
    expect(calendarCovers(2027)).toBe(true);
    expect(isWorkingDay('2027-02-08')).toBe(false);
    expect(isWorkingDay('2027-02-20')).toBe(true);
    expect(previousWorkingDay('2027-02-10')).toBe('2027-02-05'); // over the weekend and both holidays
    expect(nextWorkingDay('2027-02-19')).toBe('2027-02-20');
    // working time skips the holidays: Friday 17:00 + 60 working minutes = Wednesday 08:30
    expect(sh(addWorkingMinutes(at('2027-02-05 17:00'), 60))).toBe('2027-02-10 08:30');
    setBranchCalendar([]);
    expect(isWorkingDay('2027-02-08')).toBe(true);
    expect(calendarCovers(2027)).toBe(false);
  });

  it('an entry wins over the package (a local correction), and malformed entries are ignored', () => {
    expect(isWorkingDay('2026-11-27')).toBe(true);
    setBranchCalendar([{ date: '2026-11-27', kind: 'holiday' }, { date: 'soon', kind: 'holiday' }, { date: '2026-11-28', kind: 'nap' as never }]);
    expect(isWorkingDay('2026-11-27')).toBe(false);
    expect(isWorkingDay('2026-11-28')).toBe(false); // a Saturday, untouched
  });

  it('warns about this year when missing, and about next year from mid-November', () => {
    expect(calendarGap('2026-11-01')).toBeNull();
    expect(calendarGap('2026-11-27')).toBe(2027);
    expect(calendarGap('2027-03-01')).toBe(2027);
    setBranchCalendar([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    expect(calendarGap('2026-11-27')).toBeNull();
    expect(calendarGap('2027-11-20')).toBe(2028);
  });
});
