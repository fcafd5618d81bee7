import { Box, Card, CardContent, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { addDays, shanghaiDate } from '../../domain/calendar';
import { getDefinition } from '../../domain/documents';
import { formatShanghai, StatusChip } from '../../resources/fieldRenderers';
import { complaints } from '../../domain/documents/service/complaints';
import { complaintBuckets, complaintCategories, type Granularity } from '../complaintBuckets';
import { pctText } from '../format';
import { listLink, rangeBounds, showLink, viewLink } from '../links';
import { Loading, ReportHeader, ReportState } from '../ReportFrame';
import { CsvButton, NumberLink, ReportTable, type Column } from '../ReportTable';
import { useReport, type ComplaintTrends } from '../useReport';
import { enumKey, statusKey } from '../../app/i18n/resourceKeys';

const ComplaintCharts = lazy(() => import('../charts/ComplaintCharts'));

type CategoryRow = ComplaintTrends['byCategory'][number] & { keyAccount: number };
type OpenRow = ComplaintTrends['oldestOpen'][number];

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: 140 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="h5" component="div">
        {children}
      </Typography>
    </Box>
  );
}

/** 投诉趋势 (6.10): per day / week by category, open vs resolved, SLA shares (6.10.5), key accounts, the oldest open ones. */
export default function ComplaintTrendsPage() {
  const translate = useTranslate();
  const [search, setSearch] = useSearchParams();
  const days = Number(search.get('days')) === 90 ? 90 : 30;
  const granularity: Granularity = search.get('by') === 'week' ? 'week' : 'day';
  const to = shanghaiDate(new Date());
  const from = addDays(to, -(days - 1));
  const { data, error, isPending } = useReport('complaint-trends', { from, to });
  const l = (k: string) => translate(`app.reports.complaints.${k}`);
  const category = (c: string) => translate(enumKey('complaints', 'category', c), { _: c });
  const def = getDefinition('complaints');
  const categories = useMemo(() => complaintCategories(data), [data]);
  const buckets = useMemo(
    () => (data ? complaintBuckets(data, granularity, categories) : []),
    [data, granularity, categories],
  );
  const b = rangeBounds(from, to);
  const received = (extra: Record<string, unknown>) =>
    listLink('complaints', { receivedAt_gte: b.from, receivedAt_lte: b.to, ...extra });
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(search);
    next.set(k, v);
    setSearch(next, { replace: true });
  };

  const categoryRows: CategoryRow[] = useMemo(() => {
    if (!data) return [];
    const key = new Map<string, number>();
    for (const d of data.days) key.set(d.category, (key.get(d.category) ?? 0) + d.keyAccount);
    const order = (c: string) => categories.indexOf(c);
    return data.byCategory
      .map((c) => ({ ...c, keyAccount: key.get(c.category) ?? 0 }))
      .sort((x, y) => order(x.category) - order(y.category));
  }, [data, categories]);

  const categoryColumns: Column<CategoryRow>[] = [
    { key: 'category', label: l('category'), cell: (r) => category(r.category), csv: (r) => category(r.category) },
    {
      key: 'received',
      label: l('received'),
      align: 'right',
      cell: (r) => <NumberLink to={received({ category: r.category })}>{r.received}</NumberLink>,
      csv: (r) => r.received,
    },
    {
      key: 'repliedPct',
      label: l('repliedPct'),
      align: 'right',
      cell: (r) => (
        <NumberLink to={received({ category: r.category, repliedOnTime: true })}>
          {pctText(r.repliedOnTimePct)}
        </NumberLink>
      ),
      csv: (r) => pctText(r.repliedOnTimePct),
    },
    {
      key: 'resolvedPct',
      label: l('resolvedPct'),
      align: 'right',
      cell: (r) => (
        <NumberLink to={received({ category: r.category, resolvedOnTime: true })}>
          {pctText(r.resolvedOnTimePct)}
        </NumberLink>
      ),
      csv: (r) => pctText(r.resolvedOnTimePct),
    },
    {
      key: 'keyAccount',
      label: l('keyAccount'),
      align: 'right',
      cell: (r) => <NumberLink to={received({ category: r.category, keyAccount: true })}>{r.keyAccount}</NumberLink>,
      csv: (r) => r.keyAccount,
    },
  ];
  const now = Date.now();
  const ageDays = (r: OpenRow) => Math.max(0, Math.floor((now - Date.parse(r.receivedAt)) / 86_400_000));
  const openColumns: Column<OpenRow>[] = [
    {
      key: 'code',
      label: l('code'),
      cell: (r) => (
        <Link to={showLink('complaints', r.id)} sx={{ whiteSpace: 'nowrap' }}>
          {r.code}
        </Link>
      ),
      csv: (r) => r.code,
    },
    { key: 'customerName', label: l('customer'), cell: (r) => r.customerName, csv: (r) => r.customerName },
    { key: 'category', label: l('category'), cell: (r) => category(r.category), csv: (r) => category(r.category) },
    {
      key: 'receivedAt',
      label: l('receivedAt'),
      cell: (r) => <span style={{ whiteSpace: 'nowrap' }}>{formatShanghai(r.receivedAt)}</span>,
      csv: (r) => formatShanghai(r.receivedAt),
    },
    {
      key: 'age',
      label: l('age'),
      align: 'right',
      cell: (r) => (
        <span style={{ whiteSpace: 'nowrap' }}>{translate('app.reports.complaints.ageDays', { n: ageDays(r) })}</span>
      ),
      csv: (r) => ageDays(r),
    },
    {
      key: 'status',
      label: l('status'),
      cell: (r) => (def ? <StatusChip def={def} status={r.status} /> : r.status),
      csv: (r) => translate(statusKey('complaints', r.status), { _: r.status }),
    },
  ];
  const title = l('title');

  return (
    <Box className="bp-report-sheet" data-testid="complaint-trends">
      <ReportHeader
        title={title}
        counts={translate('app.desk.countsComplaints')}
        subtitle={translate('app.reports.range', { from, to })}
      >
        <ToggleButtonGroup
          size="small"
          exclusive
          value={days}
          onChange={(_, v: number | null) => v && set('days', String(v))}
          aria-label={l('window')}
        >
          {[30, 90].map((n) => (
            <ToggleButton key={n} value={n}>
              {translate('app.reports.lastDays', { n })}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={granularity}
          onChange={(_, v: Granularity | null) => v && set('by', v)}
          aria-label={l('granularity')}
        >
          <ToggleButton value="day">{l('byDay')}</ToggleButton>
          <ToggleButton value="week">{l('byWeek')}</ToggleButton>
        </ToggleButtonGroup>
      </ReportHeader>
      <ReportState data={data} error={error} isPending={isPending}>
        {(report) => (
          <>
            <Card variant="outlined">
              <CardContent>
                <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
                  <Stat label={l('receivedTotal')}>
                    <NumberLink to={received({})}>{report.days.reduce((s, d) => s + d.received, 0)}</NumberLink>
                  </Stat>
                  <Stat label={l('resolvedTotal')}>
                    <NumberLink to={listLink('complaints', { resolvedAt_gte: b.from, resolvedAt_lte: b.to })}>
                      {report.resolvedPerDay.reduce((s, d) => s + d.resolved, 0)}
                    </NumberLink>
                  </Stat>
                  <Stat label={l('open')}>
                    <NumberLink to={viewLink(complaints.views.open)}>{report.open}</NumberLink>
                  </Stat>
                  <Stat label={l('keyAccountTotal')}>
                    <NumberLink to={received({ keyAccount: true })}>{report.keyAccount}</NumberLink>
                  </Stat>
                </Stack>
                <Suspense fallback={<Loading />}>
                  <ComplaintCharts buckets={buckets} categories={categories} granularity={granularity} />
                </Suspense>
              </CardContent>
            </Card>
            <Box
              sx={{
                display: 'grid',
                gap: 2,
                mt: 2,
                gridTemplateColumns: { xs: '1fr', xl: '2fr 3fr' },
                alignItems: 'start',
              }}
            >
              <Card variant="outlined">
                <CardContent sx={{ display: 'flex', alignItems: 'center', pb: 0 }}>
                  <Typography variant="subtitle1" component="h2" sx={{ flex: 1 }}>
                    {l('byCategory')}
                  </Typography>
                  <CsvButton
                    columns={categoryColumns}
                    rows={categoryRows}
                    filename={`${l('byCategory')}-${from}-${to}`}
                  />
                </CardContent>
                <ReportTable
                  label={l('byCategory')}
                  testId="complaints-by-category"
                  columns={categoryColumns}
                  rows={categoryRows}
                  rowKey={(r) => r.category}
                />
              </Card>
              <Card variant="outlined">
                <CardContent sx={{ display: 'flex', alignItems: 'center', pb: 0 }}>
                  <Typography variant="subtitle1" component="h2" sx={{ flex: 1 }}>
                    {l('oldestOpen')}
                  </Typography>
                  <CsvButton columns={openColumns} rows={report.oldestOpen} filename={`${l('oldestOpen')}-${to}`} />
                </CardContent>
                <ReportTable
                  label={l('oldestOpen')}
                  testId="complaints-oldest-open"
                  columns={openColumns}
                  rows={report.oldestOpen}
                  rowKey={(r) => r.id}
                />
              </Card>
            </Box>
          </>
        )}
      </ReportState>
    </Box>
  );
}
