import { Alert, Box, Button, Card, CardContent, CardHeader, Typography } from '@mui/material';
import { Link, Title, useCreatePath, useGetIdentity, useTranslate } from 'react-admin';
import { WorkQueue } from '../dashboard/WorkQueue';
import { BUILT_IN_CALENDAR, shanghaiDate, type Calendar } from '../domain/calendar';
import { ROLES, type Role } from '../domain/roles';
import { useBranchCalendar } from './branchCalendar';
import { useText } from './i18n/i18nProvider';

/** who is told that the holiday arrangement is missing: who enters it, and who plans with working time */
const CALENDAR_WATCHERS: readonly Role[] = ['admin', 'csManager', 'teamLead'];

/**
 * A year whose statutory holidays neither the built-in calendar nor the settings list (this year,
 * or next year from mid-November): working time would count its holidays as working days.
 */
function CalendarGapWarning({ today, role, calendar }: { today: string; role: Role; calendar: Calendar | null }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const year = calendar && CALENDAR_WATCHERS.includes(role) ? calendar.gap(today) : null;
  if (year === null) return null;
  return (
    <Alert
      severity="warning"
      sx={{ gridColumn: '1 / -1' }}
      action={
        role === 'admin' ? (
          <Button component={Link} to={createPath({ resource: 'settings', type: 'list' })} color="inherit" size="small">
            {translate('app.dashboard.calendarGapLink')}
          </Button>
        ) : undefined
      }
    >
      {translate('app.dashboard.calendarGap', { year })}
    </Alert>
  );
}

/** 今日工作: who I am, what day it is on the Shanghai calendar — one line — and, full width, what waits for me. */
export function Dashboard() {
  const translate = useTranslate();
  const text = useText();
  const { identity } = useGetIdentity();
  const role = identity?.role as Role | undefined;
  const today = shanghaiDate(new Date());
  // the branch's calendar entries: for 工作日/休息日 below and the warning
  const calendar = useBranchCalendar();
  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
      <Title title={translate('app.dashboard.title')} />
      {role && <CalendarGapWarning today={today} role={role} calendar={calendar} />}
      <Box
        sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 2, rowGap: 0.5, px: 0.5 }}
        data-testid="today"
        data-calendar={calendar ? 'loaded' : 'loading'}
      >
        <Typography variant="h6" component="h2">
          {translate('app.dashboard.greeting', { name: identity?.fullName ?? '' })}
        </Typography>
        {role && ROLES[role] && (
          <Typography color="text.secondary">{translate('app.dashboard.role', { role: text(ROLES[role]) })}</Typography>
        )}
        <Typography>
          {translate('app.dashboard.today', {
            date: today,
            workday: translate(
              (calendar ?? BUILT_IN_CALENDAR).isWorkingDay(today) ? 'app.dashboard.workday' : 'app.dashboard.holiday',
            ),
          })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.dashboard.hours')}
        </Typography>
      </Box>
      <Card>
        <CardHeader title={translate('app.dashboard.waiting')} />
        <CardContent sx={{ pt: 0 }}>{identity && <WorkQueue />}</CardContent>
      </Card>
    </Box>
  );
}
