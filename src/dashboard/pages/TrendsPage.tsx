import { Box, Card, CardContent, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { lazy, Suspense, useMemo } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { useText } from '../../app/i18n/i18nProvider';
import { ASSISTANT_GROUPS, type AssistantGroup } from '../../domain/roles';
import { orders } from '../../domain/documents/orders';
import { narrow } from '../../domain/where';
import { formatMoney, moneyCsv } from '../format';
import { rangeBounds, viewLink } from '../links';
import { Loading, ReportHeader, ReportState } from '../ReportFrame';
import { CsvButton, NumberLink, ReportTable, type Column } from '../ReportTable';
import { useReport, type OrderTrends } from '../useReport';
import { enumKey } from '../../app/i18n/resourceKeys';

const OrderTrendsCharts = lazy(() => import('../charts/OrderTrendsCharts'));
const Sparkline = lazy(() => import('../charts/Sparkline'));

export const TREND_WINDOWS = [30, 90] as const;

interface AssistantTrend {
  assistantId: number;
  name: string;
  group: string | null;
  series: number[];
  total: number;
  max: number;
}

type Day = OrderTrends['days'][number];

/** The assistants' rows: every assistant with orders in the window, and every active one. */
function useAssistantTrends(report: OrderTrends | undefined): AssistantTrend[] {
  const { data: users } = useGetList('users', {
    filter: { role: 'assistant' },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'username', order: 'ASC' },
  });
  return useMemo(() => {
    if (!report) return [];
    const n = report.days.length;
    const byId = new Map(report.assistants.map((a) => [a.assistantId, a.series]));
    const ids = new Set<number>(report.assistants.map((a) => a.assistantId));
    for (const u of users ?? []) if (u.active !== false) ids.add(Number(u.id));
    const people = new Map((users ?? []).map((u) => [Number(u.id), u]));
    return [...ids]
      .map((id) => {
        const series = byId.get(id) ?? new Array<number>(n).fill(0);
        const u = people.get(id);
        return {
          assistantId: id,
          name: u ? String(u.fullName ?? u.username) : `#${id}`,
          group: (u?.group as string | undefined) ?? null,
          series,
          total: series.reduce((s, v) => s + v, 0),
          max: Math.max(0, ...series),
        };
      })
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh'));
  }, [report, users]);
}

/** 订单趋势: the last 30 / 90 days — order value and count per day by channel, a sparkline per assistant. */
export default function TrendsPage() {
  const translate = useTranslate();
  const text = useText();
  const [search, setSearch] = useSearchParams();
  const days = Number(search.get('days')) === 90 ? 90 : 30;
  const { data, error, isPending } = useReport('order-trends', { days });
  const assistants = useAssistantTrends(data);
  const title = translate('app.reports.trends.title');
  const l = (k: string) => translate(`app.reports.trends.${k}`);
  const channel = (c: string) => translate(enumKey('orders', 'channel', c), { _: c });

  const bounds = data ? rangeBounds(data.from, data.to) : null;
  const assistantColumns: Column<AssistantTrend>[] = [
    { key: 'name', label: l('assistant'), cell: (r) => r.name, csv: (r) => r.name },
    {
      key: 'group',
      label: l('group'),
      cell: (r) => (r.group ? text(ASSISTANT_GROUPS[r.group as AssistantGroup]) : ''),
      csv: (r) => (r.group ? text(ASSISTANT_GROUPS[r.group as AssistantGroup]) : ''),
    },
    {
      key: 'total',
      label: l('orders'),
      align: 'right',
      cell: (r) =>
        bounds ? (
          <NumberLink
            to={viewLink(
              narrow(orders.views.work, {
                assistantId: r.assistantId,
                receivedAt_gte: bounds.from,
                receivedAt_lte: bounds.to,
              }),
            )}
          >
            {r.total}
          </NumberLink>
        ) : (
          r.total
        ),
      csv: (r) => r.total,
    },
    {
      key: 'avg',
      label: l('perDay'),
      align: 'right',
      cell: (r) => (r.total / Math.max(1, r.series.length)).toFixed(1),
      csv: (r) => (r.total / Math.max(1, r.series.length)).toFixed(1),
    },
    { key: 'max', label: l('max'), align: 'right', cell: (r) => r.max, csv: (r) => r.max },
    {
      key: 'sparkline',
      label: l('sparkline'),
      cell: (r) => (
        <Suspense fallback={null}>
          <Sparkline series={r.series} label={translate('app.reports.trends.sparklineOf', { name: r.name })} />
        </Suspense>
      ),
      csv: (r) => r.series.join(' '),
    },
  ];
  const dayColumns: Column<Day>[] = [
    { key: 'date', label: l('date'), cell: (d) => d.date, csv: (d) => d.date },
    {
      key: 'phone',
      label: translate('app.reports.trends.countBy', { channel: channel('phone') }),
      cell: (d) => d.phone,
      csv: (d) => d.phone,
    },
    {
      key: 'web',
      label: translate('app.reports.trends.countBy', { channel: channel('web') }),
      cell: (d) => d.web,
      csv: (d) => d.web,
    },
    {
      key: 'phoneValue',
      label: translate('app.reports.trends.valueBy', { channel: channel('phone') }),
      cell: (d) => formatMoney(d.phoneValue),
      csv: (d) => moneyCsv(d.phoneValue),
    },
    {
      key: 'webValue',
      label: translate('app.reports.trends.valueBy', { channel: channel('web') }),
      cell: (d) => formatMoney(d.webValue),
      csv: (d) => moneyCsv(d.webValue),
    },
  ];

  return (
    <Box className="bp-report-sheet" data-testid="order-trends">
      <ReportHeader
        title={title}
        counts={translate('app.desk.countsOrders')}
        subtitle={data ? translate('app.reports.range', { from: data.from, to: data.to }) : undefined}
      >
        <ToggleButtonGroup
          size="small"
          exclusive
          value={days}
          onChange={(_, v: number | null) => v && setSearch({ days: String(v) }, { replace: true })}
          aria-label={l('window')}
        >
          {TREND_WINDOWS.map((n) => (
            <ToggleButton key={n} value={n}>
              {translate('app.reports.lastDays', { n })}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {data ? (
          <CsvButton
            columns={dayColumns}
            rows={data.days}
            filename={`${title}-${data.from}-${data.to}`}
            label={l('exportDays')}
          />
        ) : null}
      </ReportHeader>
      <ReportState data={data} error={error} isPending={isPending}>
        {(report) => (
          <>
            <Card variant="outlined">
              <CardContent>
                <Suspense fallback={<Loading />}>
                  <OrderTrendsCharts days={report.days} />
                </Suspense>
              </CardContent>
            </Card>
            <Card variant="outlined" sx={{ mt: 2 }}>
              <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 1, pb: 0 }}>
                <Typography variant="subtitle1" component="h2" sx={{ flex: 1 }}>
                  {l('perAssistant')}
                </Typography>
                <CsvButton
                  columns={assistantColumns}
                  rows={assistants}
                  filename={`${l('perAssistant')}-${report.from}-${report.to}`}
                />
              </CardContent>
              <ReportTable
                label={l('perAssistant')}
                testId="trends-assistants"
                columns={assistantColumns}
                rows={assistants}
                rowKey={(r) => r.assistantId}
              />
            </Card>
          </>
        )}
      </ReportState>
    </Box>
  );
}
