import { Alert, Box, Button, Card, CardContent, CardHeader, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link, RecordContextProvider, ResourceContextProvider, Title, useCreatePath, useDataProvider, useGetIdentity, useTranslate } from 'react-admin';
import { RowActions } from '../approvals/RowActions';
import { calendarGap, isWorkingDay, shanghaiDate } from '../domain/calendar';
import { getDefinition } from '../domain/documents';
import { ROLES, type Role } from '../domain/roles';
import { StatusChip, formatMoney, formatShanghai } from '../resources/fieldRenderers';
import { ConfirmCountdown } from '../resources/orders/ConfirmCountdown';
import { useBranchCalendar } from './branchCalendar';
import type { BaoyiDataProvider, InboxItem } from './dataProvider';
import { useText } from './i18n/i18nProvider';

const SHOWN = 50;

/** Documents waiting on me (GET /api/myWork), oldest deadline first. */
function MyWork() {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider<BaoyiDataProvider>();
  const [items, setItems] = useState<InboxItem[] | null>(null);
  useEffect(() => {
    let live = true;
    dataProvider
      .myWork()
      .then((r) => live && setItems(r))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [dataProvider]);
  if (items === null) return null;
  if (items.length === 0) return <Typography color="text.secondary">{translate('app.dashboard.nothingWaiting')}</Typography>;
  return (
    // headings on one line: Chinese breaks between any two characters, and this narrow card stacked
    // 客/户/名/称 one character a line, with the names under it
    <Table size="small" sx={{ '& th': { whiteSpace: 'nowrap' } }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.orders.fields.code')}</TableCell>
          <TableCell>{translate('resources.orders.fields.status')}</TableCell>
          <TableCell>{translate('resources.orders.fields.customerName')}</TableCell>
          <TableCell align="right">{translate('resources.orders.fields.total')}</TableCell>
          <TableCell>{translate('resources.orders.fields.confirmDeadline')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {items.slice(0, SHOWN).map((it) => {
          const def = getDefinition(it.resource);
          return (
            <TableRow key={`${it.resource}-${it.id}`} hover>
              <TableCell>
                <Link to={createPath({ resource: it.resource, type: 'show', id: it.id })}>{it.code ?? `#${it.id}`}</Link>
                <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                  {translate(`resources.${it.resource}.name`, { smart_count: 1 })}
                </Typography>
              </TableCell>
              <TableCell>{def && <StatusChip def={def} status={it.status} />}</TableCell>
              <TableCell>{it.customerName ?? ''}</TableCell>
              <TableCell align="right">{formatMoney(it.total)}</TableCell>
              <TableCell>{it.deadline ? it.status === 'pendingConfirmation' ? <ConfirmCountdown deadline={it.deadline} /> : formatShanghai(it.deadline) : ''}</TableCell>
              <TableCell>
                {/* approvable from the inbox: the same row buttons as the lists, shown only where the role may act */}
                <ResourceContextProvider value={it.resource}>
                  <RecordContextProvider value={{ ...it, id: it.id }}>
                    <RowActions />
                  </RecordContextProvider>
                </ResourceContextProvider>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** who is told that the holiday arrangement is missing: who enters it, and who plans with working time */
const CALENDAR_WATCHERS: readonly Role[] = ['admin', 'csManager', 'teamLead'];

/**
 * A year whose statutory holidays neither the built-in calendar nor the settings list (this year,
 * or next year from mid-November): working time would count its holidays as working days.
 */
function CalendarGapWarning({ today, role, loaded }: { today: string; role: Role; loaded: boolean }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const year = loaded && CALENDAR_WATCHERS.includes(role) ? calendarGap(today) : null;
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

/** 今日工作: who I am, what day it is on the Shanghai calendar, what waits for me. */
export function Dashboard() {
  const translate = useTranslate();
  const text = useText();
  const { identity } = useGetIdentity();
  const role = identity?.role as Role | undefined;
  const today = shanghaiDate(new Date());
  // the branch's calendar entries: for 工作日/休息日 below and the warning
  const calendarLoaded = useBranchCalendar();
  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 2fr' }, alignItems: 'start' }}>
      <Title title={translate('app.dashboard.title')} />
      {role && <CalendarGapWarning today={today} role={role} loaded={calendarLoaded} />}
      <Card>
        <CardHeader title={translate('app.dashboard.title')} />
        <CardContent>
          <Typography variant="h6">{translate('app.dashboard.greeting', { name: identity?.fullName ?? '' })}</Typography>
          {role && ROLES[role] && <Typography color="text.secondary">{translate('app.dashboard.role', { role: text(ROLES[role]) })}</Typography>}
          <Typography sx={{ mt: 1 }}>
            {translate('app.dashboard.today', { date: today, workday: translate(isWorkingDay(today) ? 'app.dashboard.workday' : 'app.dashboard.holiday') })}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.dashboard.hours')}
          </Typography>
        </CardContent>
      </Card>
      <Card>
        <CardHeader title={translate('app.dashboard.waiting')} />
        <CardContent>{identity && <MyWork />}</CardContent>
      </Card>
    </Box>
  );
}
