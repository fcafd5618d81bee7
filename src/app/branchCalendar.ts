import { useGetList } from 'react-admin';
import { BUILT_IN_CALENDAR, calendarOf, type Calendar, type CalendarDay } from '../domain/calendar';

/**
 * The branch's working-time calendar in the SPA, as the server counts with it (settings →
 * calendarOfSettings, server/core/context.ts): the settings' `calendarDays` over the built-in
 * calendar, as a value — every working-time figure the SPA computes (the morning meeting's day,
 * 工作日/休息日, countdowns) is handed this one.
 */
function useSettingsRecord() {
  return useGetList(
    'settings',
    { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' } },
    { staleTime: 5 * 60_000 },
  );
}

/** The settings' calendar entries; null until the settings answered ([] when they failed to). */
export function useBranchCalendarDays(): CalendarDay[] | null {
  const { data, isSuccess, isError } = useSettingsRecord();
  if (isSuccess) return (data?.[0]?.calendarDays as CalendarDay[] | undefined) ?? [];
  return isError ? [] : null;
}

/** The branch's calendar once the settings answered (or failed to: the built-in calendar); null before. */
export function useBranchCalendar(): Calendar | null {
  const days = useBranchCalendarDays();
  return days === null ? null : calendarOf(days);
}

/** The branch's calendar, or the built-in one while the settings load (a countdown, a preview). */
export function useCalendar(): Calendar {
  return useBranchCalendar() ?? BUILT_IN_CALENDAR;
}
