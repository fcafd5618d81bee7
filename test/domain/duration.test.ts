import { atShanghai, BUILT_IN_CALENDAR } from '../../src/domain/calendar';
import { deadlineWording, durationParts, durationText, WORKING_DAY_MINUTES } from '../../src/domain/duration';

/** Issue 18: deadlines as people say them — 剩余 2 小时 15 分 / 超时 3 天 4 小时 — never a count of minutes. */

const at = (s: string) => {
  const [date, time] = s.split(' ');
  return atShanghai(date, time);
};

describe('a length of time in its two largest units', () => {
  it.each([
    [59, 'calendar', '59 分', '59 min'],
    [60, 'calendar', '1 小时', '1 h'],
    [135, 'calendar', '2 小时 15 分', '2 h 15 min'],
    [1440, 'calendar', '1 天', '1 d'],
    [3 * 1440 + 4 * 60 + 59, 'calendar', '3 天 4 小时', '3 d 4 h'], // minutes dropped beside days
    [0, 'calendar', '0 分', '0 min'],
    [59, 'working', '59 分', '59 min'],
    [60, 'working', '1 小时', '1 h'],
    [WORKING_DAY_MINUTES, 'working', '1 工作日', '1 working day'],
    [2 * WORKING_DAY_MINUTES + 90, 'working', '2 工作日 1 小时', '2 working days 1 h'],
    [4560, 'working', '8 工作日', '8 working days'], // "剩余 4560 个工作分钟" as people say it
  ] as const)('%i min on the %s clock → %s / %s', (minutes, clock, zh, en) => {
    expect(durationText(minutes, clock, 'zh')).toBe(zh);
    expect(durationText(minutes, clock, 'en')).toBe(en);
  });

  it('a working day is 08:00–17:30 (9.5 h); a calendar day 24 h', () => {
    expect(WORKING_DAY_MINUTES).toBe(570);
    expect(durationParts(600, 'working')).toEqual({ days: 1, hours: 0, minutes: 30 });
    expect(durationParts(600, 'calendar')).toEqual({ days: 0, hours: 10, minutes: 0 });
  });
});

describe('time left to a deadline, or past it', () => {
  it('59 minutes, an hour, a day before the deadline (wall-clock)', () => {
    const deadline = at('2026-07-01 12:00');
    expect(deadlineWording(at('2026-07-01 11:01'), deadline, 'calendar', 'zh', BUILT_IN_CALENDAR)).toEqual({
      text: '剩余 59 分',
      overdue: false,
      minutesLeft: 59,
    });
    expect(deadlineWording(at('2026-07-01 11:00'), deadline, 'calendar', 'zh', BUILT_IN_CALENDAR).text).toBe(
      '剩余 1 小时',
    );
    expect(deadlineWording(at('2026-06-30 12:00'), deadline, 'calendar', 'zh', BUILT_IN_CALENDAR).text).toBe(
      '剩余 1 天',
    );
    expect(deadlineWording(at('2026-06-30 09:45'), deadline, 'calendar', 'en', BUILT_IN_CALENDAR).text).toBe(
      '1 d 2 h left',
    );
  });

  it('overdue: 超时 3 天 4 小时, red (overdue) — at the deadline itself still on time', () => {
    const deadline = at('2026-07-01 12:00');
    expect(deadlineWording(at('2026-07-04 16:10'), deadline, 'calendar', 'zh', BUILT_IN_CALENDAR)).toEqual({
      text: '超时 3 天 4 小时',
      overdue: true,
      minutesLeft: -(3 * 1440 + 250),
    });
    expect(deadlineWording(at('2026-07-04 16:10'), deadline, 'calendar', 'en', BUILT_IN_CALENDAR).text).toBe(
      '3 d 4 h overdue',
    );
    expect(deadlineWording(deadline, deadline, 'calendar', 'zh', BUILT_IN_CALENDAR)).toMatchObject({
      overdue: false,
      text: '剩余 0 分',
    });
    expect(
      deadlineWording(new Date(deadline.getTime() + 20_000), deadline, 'calendar', 'zh', BUILT_IN_CALENDAR),
    ).toMatchObject({ overdue: true, text: '超时 1 分' });
  });

  it('working time where the clause counts it: nights, weekends and holidays do not count', () => {
    // due Monday 09:00; on Friday 17:00 that is 30 min of Friday + 60 min of Monday
    const due = at('2026-07-06 09:00');
    expect(deadlineWording(at('2026-07-03 17:00'), due, 'working', 'zh', BUILT_IN_CALENDAR).text).toBe(
      '剩余 1 小时 30 分',
    );
    expect(deadlineWording(at('2026-07-03 17:00'), due, 'calendar', 'zh', BUILT_IN_CALENDAR).text).toBe(
      '剩余 2 天 16 小时',
    );
    // a web order's 10 minutes, missed on Friday 17:25: on Monday 08:05 it is 10 working minutes late, not 2½ days
    const confirmBy = at('2026-07-03 17:25');
    expect(deadlineWording(at('2026-07-06 08:05'), confirmBy, 'working', 'zh', BUILT_IN_CALENDAR)).toEqual({
      text: '超时 10 分',
      overdue: true,
      minutesLeft: -10,
    });
    expect(deadlineWording(at('2026-07-06 08:05'), confirmBy, 'working', 'en', BUILT_IN_CALENDAR).text).toBe(
      '10 min overdue',
    );
    // three working days late across a weekend
    expect(
      deadlineWording(at('2026-07-08 14:00'), at('2026-07-03 10:00'), 'working', 'zh', BUILT_IN_CALENDAR).text,
    ).toBe('超时 3 工作日 4 小时');
  });

  it('the National Day holiday is not working time', () => {
    // due 2026-10-08 09:00 (the first working day after the holiday); on 30 Sep 17:00 it is 30 + 60 working minutes away
    expect(
      deadlineWording(at('2026-09-30 17:00'), at('2026-10-08 09:00'), 'working', 'zh', BUILT_IN_CALENDAR).text,
    ).toBe('剩余 1 小时 30 分');
  });
});
