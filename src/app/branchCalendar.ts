import { useGetList } from 'react-admin';
import { setBranchCalendar, type CalendarDay } from '../domain/calendar';

/**
 * The branch's own calendar entries (settings `calendarDays`) in this browser's calendar, as the
 * server uses them (server/core/context.ts loadSettings): every working-time figure the SPA
 * computes (the morning meeting's day, 工作日/休息日) then agrees with the server's.
 * Returns true once the settings have answered (or failed to: then the built-in calendar alone).
 */
export function useBranchCalendar(): boolean {
  const { data, isSuccess, isError } = useGetList('settings', { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' } }, { staleTime: 5 * 60_000 });
  // during render on purpose, so this render's children already count with the entries; the same
  // entries again are one string comparison (setBranchCalendar)
  if (isSuccess) setBranchCalendar(data?.[0]?.calendarDays as CalendarDay[] | undefined);
  return isSuccess || isError;
}
