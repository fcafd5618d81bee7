import PrintIcon from '@mui/icons-material/Print';
import { Box, Button, Card, CardContent, Chip, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { useText } from '../../app/i18n/i18nProvider';
import { useBranchCalendar } from '../../app/branchCalendar';
import { BUILT_IN_CALENDAR, shanghaiDate, type Calendar } from '../../domain/calendar';
import { meetingViews, ofAssistant, type MeetingFigure } from '../../domain/meeting';
import { ASSISTANT_GROUPS, type AssistantGroup } from '../../domain/roles';
import { formatMoney, moneyCsv, pct, ratioText } from '../format';
import { viewLink } from '../links';
import { ReportPrintStyles } from '../PrintStyles';
import { Loading, ReportHeader, ReportState } from '../ReportFrame';
import { CsvButton, NumberLink, ReportTable, type Column } from '../ReportTable';
import { useReport, type AssistantPerformance, type AssistantPerformanceRow } from '../useReport';

const MorningChart = lazy(() => import('../charts/MorningChart'));

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 6.1.1: the meeting looks back at the previous working day (Asia/Shanghai). */
export function defaultMeetingDate(calendar: Calendar, now = new Date()): string {
  return calendar.previousWorkingDay(shanghaiDate(now));
}

function useColumns(date: string): Column<AssistantPerformanceRow>[] {
  const translate = useTranslate();
  const text = useText();
  return useMemo(() => {
    // each figure links to the view the report counted (src/domain/meeting.ts), narrowed to the assistant
    const v = meetingViews(date);
    const link = (f: MeetingFigure, r: AssistantPerformanceRow, more?: Record<string, boolean>) =>
      viewLink(ofAssistant(v[f], r.assistantId, more));
    const l = (k: string) => translate(`app.reports.morning.${k}`);
    const orders = (r: AssistantPerformanceRow) => link('ordersEntered', r);
    const complaints = (r: AssistantPerformanceRow, extra?: Record<string, boolean>) =>
      link('complaintsHandled', r, extra);
    return [
      { key: 'rank', label: l('rank'), align: 'center', cell: (r) => r.rank, csv: (r) => r.rank },
      {
        key: 'name',
        label: l('assistant'),
        cell: (r) => (
          <>
            <span style={{ whiteSpace: 'nowrap' }}>{r.name}</span>
            {r.group ? (
              <Typography
                component="span"
                variant="caption"
                color="text.secondary"
                sx={{ display: 'block', lineHeight: 1.2 }}
              >
                {text(ASSISTANT_GROUPS[r.group as AssistantGroup])}
              </Typography>
            ) : null}
          </>
        ),
        csv: (r) => r.name,
      },
      {
        key: 'group',
        label: l('group'),
        csvOnly: true,
        cell: () => null,
        csv: (r) => (r.group ? text(ASSISTANT_GROUPS[r.group as AssistantGroup]) || r.group : ''),
      },
      {
        key: 'ordersEntered',
        label: l('ordersEntered'),
        align: 'right',
        cell: (r) => <NumberLink to={orders(r)}>{r.ordersEntered}</NumberLink>,
        csv: (r) => r.ordersEntered,
      },
      {
        key: 'orderValue',
        label: l('orderValue'),
        align: 'right',
        cell: (r) => <NumberLink to={orders(r)}>{formatMoney(r.orderValue)}</NumberLink>,
        csv: (r) => moneyCsv(r.orderValue),
      },
      {
        key: 'webConfirmed',
        label: l('webConfirmed'),
        align: 'right',
        cell: (r) => (
          <NumberLink to={link('webConfirmed', r)}>
            {ratioText(r.webConfirmedInTime, r.webConfirmed, r.webConfirmedPct)}
          </NumberLink>
        ),
        csv: (r) => ratioText(r.webConfirmedInTime, r.webConfirmed, r.webConfirmedPct),
      },
      {
        key: 'quotesReplied',
        label: l('quotesReplied'),
        align: 'right',
        cell: (r) => (
          <NumberLink to={link('quotesReplied', r)}>
            {ratioText(r.quotesRepliedInTime, r.quotesReplied, r.quotesRepliedPct)}
          </NumberLink>
        ),
        csv: (r) => ratioText(r.quotesRepliedInTime, r.quotesReplied, r.quotesRepliedPct),
      },
      {
        key: 'complaintsHandled',
        label: l('complaintsHandled'),
        align: 'right',
        cell: (r) => <NumberLink to={complaints(r)}>{r.complaintsHandled}</NumberLink>,
        csv: (r) => r.complaintsHandled,
      },
      {
        key: 'complaintsReplied',
        label: l('complaintsReplied'),
        align: 'right',
        cell: (r) => <NumberLink to={complaints(r, { repliedOnTime: true })}>{r.complaintsRepliedInTime}</NumberLink>,
        csv: (r) => r.complaintsRepliedInTime,
      },
      {
        key: 'complaintsResolved',
        label: l('complaintsResolved'),
        align: 'right',
        cell: (r) => <NumberLink to={complaints(r, { resolvedOnTime: true })}>{r.complaintsResolvedInTime}</NumberLink>,
        csv: (r) => r.complaintsResolvedInTime,
      },
      {
        key: 'returns',
        label: l('returns'),
        align: 'right',
        cell: (r) => <NumberLink to={link('returns', r)}>{r.returns}</NumberLink>,
        csv: (r) => r.returns,
      },
      {
        key: 'samplesOverdue',
        label: l('samplesOverdue'),
        align: 'right',
        cell: (r) => <NumberLink to={link('samplesOverdue', r)}>{r.samplesOverdue}</NumberLink>,
        csv: (r) => r.samplesOverdue,
      },
      {
        key: 'target',
        label: l('target'),
        align: 'right',
        cell: (r) => (
          <span style={{ whiteSpace: 'nowrap' }}>
            {translate('app.reports.morning.targetValue', {
              orders: r.targetOrders,
              value: formatMoney(r.targetValue),
            })}
          </span>
        ),
        csv: (r) =>
          translate('app.reports.morning.targetValue', { orders: r.targetOrders, value: moneyCsv(r.targetValue) }),
      },
      {
        key: 'meetsTarget',
        label: l('meetsTarget'),
        align: 'center',
        cell: (r) => (
          <Chip
            size="small"
            color={r.meetsTarget ? 'success' : 'default'}
            label={l(r.meetsTarget ? 'met' : 'notMet')}
          />
        ),
        csv: (r) => l(r.meetsTarget ? 'met' : 'notMet'),
      },
    ] satisfies Column<AssistantPerformanceRow>[];
  }, [date, translate, text]);
}

function Totals({
  report,
  columns: all,
}: {
  report: AssistantPerformance;
  columns: Column<AssistantPerformanceRow>[];
}) {
  const columns = all.filter((c) => !c.csvOnly);
  const translate = useTranslate();
  const t = report.totals;
  const sum = (k: 'quotesReplied' | 'quotesRepliedInTime' | 'complaintsRepliedInTime' | 'complaintsResolvedInTime') =>
    report.rows.reduce((s, r) => s + r[k], 0);
  const quotes = sum('quotesReplied');
  const quotesInTime = sum('quotesRepliedInTime');
  const values: Record<string, string | number> = {
    name: translate('app.reports.total'),
    ordersEntered: t.ordersEntered,
    orderValue: formatMoney(t.orderValue),
    webConfirmed: ratioText(t.webConfirmedInTime, t.webConfirmed, pct(t.webConfirmedInTime, t.webConfirmed)),
    quotesReplied: ratioText(quotesInTime, quotes, pct(quotesInTime, quotes)),
    complaintsHandled: t.complaintsHandled,
    complaintsReplied: sum('complaintsRepliedInTime'),
    complaintsResolved: sum('complaintsResolvedInTime'),
    returns: t.returns,
    meetsTarget: `${report.rows.filter((r) => r.meetsTarget).length}/${report.rows.length}`,
    samplesOverdue: t.samplesOverdue,
  };
  return (
    <TableRow>
      {columns.map((c) => (
        <TableCell key={c.key} align={c.align} data-col={c.key}>
          {values[c.key] ?? ''}
        </TableCell>
      ))}
    </TableRow>
  );
}

/** 晨会看板 (6.1.1): yesterday's performance of every customer assistant, ranked, against the daily target. */
export default function MorningMeetingPage() {
  const translate = useTranslate();
  const [search, setSearch] = useSearchParams();
  const today = shanghaiDate(new Date());
  const asked = search.get('date');
  // the default day counts working days: with the branch's own calendar entries once loaded
  const branchCalendar = useBranchCalendar();
  const calendar = branchCalendar ?? BUILT_IN_CALENDAR;
  const given = asked && DAY.test(asked) && !Number.isNaN(Date.parse(asked)) ? asked : null;
  const date = given ?? defaultMeetingDate(calendar);
  const { data, error, isPending } = useReport(
    'assistant-performance',
    { date },
    { enabled: !!given || branchCalendar !== null },
  );
  const columns = useColumns(date);
  const title = translate('app.reports.morning.title');
  return (
    <Box className="bp-report-sheet" data-testid="morning-meeting">
      <ReportPrintStyles />
      <ReportHeader
        title={title}
        counts={translate('app.desk.countsOrders')}
        subtitle={
          <>
            {translate('app.reports.morning.subtitle', { date })}
            {calendar.isWorkingDay(date) ? null : (
              <Chip size="small" sx={{ ml: 1 }} label={translate('app.dashboard.holiday')} />
            )}
          </>
        }
      >
        <TextField
          type="date"
          size="small"
          label={translate('app.reports.morning.date')}
          value={date}
          onChange={(e) => {
            const v = e.target.value;
            if (DAY.test(v)) setSearch({ date: v }, { replace: true });
          }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
        />
        {data ? <CsvButton columns={columns} rows={data.rows} filename={`${title}-${date}`} /> : null}
        <Button size="small" startIcon={<PrintIcon />} onClick={() => window.print()}>
          {translate('app.reports.print')}
        </Button>
      </ReportHeader>
      <ReportState data={data} error={error} isPending={isPending}>
        {(report) => (
          <>
            <Card className="bp-report-block" variant="outlined">
              <ReportTable
                label={translate('app.reports.morning.tableLabel', { date: report.date })}
                testId="morning-table"
                columns={columns}
                rows={report.rows}
                rowKey={(r) => r.assistantId}
                footer={<Totals report={report} columns={columns} />}
              />
            </Card>
            <Card className="bp-report-block" variant="outlined" sx={{ mt: 2 }}>
              <CardContent>
                <Typography variant="subtitle1" component="h2">
                  {translate('app.reports.morning.chartTitle')}
                </Typography>
                <Suspense fallback={<Loading />}>
                  <MorningChart rows={report.rows} />
                </Suspense>
              </CardContent>
            </Card>
          </>
        )}
      </ReportState>
    </Box>
  );
}
