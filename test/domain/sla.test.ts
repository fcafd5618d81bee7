import { atShanghai, shanghaiDate, shanghaiTime, BUILT_IN_CALENDAR } from '../../src/domain/calendar';
import {
  COMPLAINT_REPLY,
  COMPLAINT_RESOLVE,
  DISCOUNT_ANSWER,
  QUOTE_REPLY,
  WEB_ORDER_CONFIRM,
  slaDeadline,
  slaState,
} from '../../src/domain/sla';

const sh = (d: Date) => `${shanghaiDate(d)} ${shanghaiTime(d)}`;
const at = (s: string) => {
  const [date, time] = s.split(' ');
  return atShanghai(date, time);
};

describe('5.1.1 web order confirmation within 10 working minutes', () => {
  it.each([
    ['2026-07-01 11:55', '2026-07-01 12:05'],
    ['2026-07-01 17:20', '2026-07-01 17:30'],
    ['2026-07-01 17:25', '2026-07-02 08:05'],
    ['2026-07-03 17:25', '2026-07-06 08:05'], // Friday evening → Monday
    ['2026-09-30 17:25', '2026-10-08 08:05'], // before National Day
    ['2026-07-01 22:00', '2026-07-02 08:10'], // received at night
  ])('received %s → due %s', (from, due) =>
    expect(sh(slaDeadline(at(from), WEB_ORDER_CONFIRM, BUILT_IN_CALENDAR))).toBe(due),
  );
});

describe('6.4.5 / 6.10.5 four working hours', () => {
  it('complaint received 15:00 → reply due next working day 09:30', () => {
    // 15:00–17:30 uses 150 of the 240 minutes; 90 remain → 08:00 + 90 min.
    expect(sh(slaDeadline(at('2026-07-01 15:00'), COMPLAINT_REPLY, BUILT_IN_CALENDAR))).toBe('2026-07-02 09:30');
    expect(sh(slaDeadline(at('2026-07-03 15:00'), QUOTE_REPLY, BUILT_IN_CALENDAR))).toBe('2026-07-06 09:30');
  });
  it('morning request is due the same day', () => {
    expect(sh(slaDeadline(at('2026-07-01 09:00'), QUOTE_REPLY, BUILT_IN_CALENDAR))).toBe('2026-07-01 13:00');
  });
});

describe('6.10.5 / 6.14.2 three working days', () => {
  it.each([
    ['2026-07-01 15:00', '2026-07-06 15:00'], // Wed → Mon (skips weekend)
    ['2026-09-29 10:00', '2026-10-09 10:00'], // across National Day
    ['2026-10-08 10:00', '2026-10-12 10:00'], // counts make-up Saturday 10-10
    ['2026-07-04 10:00', '2026-07-09 08:00'], // Saturday → starts Mon 08:00
    ['2026-07-01 19:00', '2026-07-07 08:00'], // after hours → starts Thu 08:00
    ['2026-07-01 06:30', '2026-07-06 08:00'], // before hours → starts Wed 08:00
  ])('complaint %s → resolve by %s', (from, due) => {
    expect(sh(slaDeadline(at(from), COMPLAINT_RESOLVE, BUILT_IN_CALENDAR))).toBe(due);
    expect(sh(slaDeadline(at(from), DISCOUNT_ANSWER, BUILT_IN_CALENDAR))).toBe(due);
  });
  it('0 working days = the (clamped) start', () => {
    expect(sh(slaDeadline(at('2026-07-04 10:00'), { workingDays: 0 }, BUILT_IN_CALENDAR))).toBe('2026-07-06 08:00');
  });
});

describe('calendar days', () => {
  it('adds N × 24 h regardless of holidays', () => {
    expect(sh(slaDeadline(at('2026-09-30 17:00'), { calendarDays: 3 }, BUILT_IN_CALENDAR))).toBe('2026-10-03 17:00');
  });
  it('rejects negative specs', () => {
    expect(() => slaDeadline(at('2026-07-01 09:00'), { workingMinutes: -1 }, BUILT_IN_CALENDAR)).toThrow(RangeError);
    expect(() => slaDeadline(at('2026-07-01 09:00'), { workingDays: 1.5 }, BUILT_IN_CALENDAR)).toThrow(RangeError);
  });
});

describe('slaState', () => {
  it('counts wall-clock and working minutes remaining', () => {
    expect(slaState(at('2026-07-01 17:00'), at('2026-07-02 09:30'), BUILT_IN_CALENDAR)).toEqual({
      overdue: false,
      remainingMinutes: 990,
      remainingWorkingMinutes: 120,
    });
  });
  it('is not overdue at the deadline itself', () => {
    expect(slaState(at('2026-07-02 09:30'), at('2026-07-02 09:30'), BUILT_IN_CALENDAR)).toEqual({
      overdue: false,
      remainingMinutes: 0,
      remainingWorkingMinutes: 0,
    });
  });
  it('goes negative when overdue', () => {
    expect(slaState(at('2026-07-02 10:00'), at('2026-07-02 09:30'), BUILT_IN_CALENDAR)).toEqual({
      overdue: true,
      remainingMinutes: -30,
      remainingWorkingMinutes: -30,
    });
    const s = slaState(new Date(at('2026-07-02 09:30').getTime() + 1000), at('2026-07-02 09:30'), BUILT_IN_CALENDAR);
    expect(s).toEqual({ overdue: true, remainingMinutes: -1, remainingWorkingMinutes: -1 });
  });
  it('overdue after hours: wall clock runs, working clock does not', () => {
    expect(slaState(at('2026-07-01 19:00'), at('2026-07-01 17:30'), BUILT_IN_CALENDAR)).toEqual({
      overdue: true,
      remainingMinutes: -90,
      remainingWorkingMinutes: 0,
    });
  });
});
