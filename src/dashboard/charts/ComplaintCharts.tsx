import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ComplaintBucket, Granularity } from '../complaintBuckets';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  SERIES_COLORS,
  shortDate,
  Tooltip,
  XAxis,
  YAxis,
} from './recharts';
import { enumKey } from '../../app/i18n/resourceKeys';

/** Complaints per day / week stacked by category, and received vs resolved. Loaded lazily. */
export default function ComplaintCharts({
  buckets,
  categories,
  granularity,
  height = 260,
}: {
  buckets: ComplaintBucket[];
  categories: string[];
  granularity: Granularity;
  height?: number;
}) {
  const translate = useTranslate();
  const category = (c: string) => translate(enumKey('complaints', 'category', c), { _: c });
  const tick = (d: string) =>
    granularity === 'week' ? translate('app.reports.complaints.weekOf', { date: shortDate(d) }) : shortDate(d);
  const countAxis = {
    value: translate('app.reports.complaints.axisCount'),
    angle: -90,
    position: 'insideLeft' as const,
    offset: 4,
    fontSize: 12,
  };
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' } }}>
      <Box>
        <Typography variant="subtitle1" component="h2">
          {translate('app.reports.complaints.byCategoryChart')}
        </Typography>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={buckets} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tickFormatter={tick} tick={{ fontSize: 11 }} minTickGap={8} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} label={countAxis} />
            <Tooltip labelFormatter={(d) => tick(String(d))} />
            <Legend />
            {categories.map((c, i) => (
              <Bar
                key={c}
                dataKey={c}
                stackId="category"
                name={category(c)}
                fill={SERIES_COLORS[i % SERIES_COLORS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Box>
        <Typography variant="subtitle1" component="h2">
          {translate('app.reports.complaints.openResolvedChart')}
        </Typography>
        <ResponsiveContainer width="100%" height={height}>
          <LineChart data={buckets} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tickFormatter={tick} tick={{ fontSize: 11 }} minTickGap={8} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} label={countAxis} />
            <Tooltip labelFormatter={(d) => tick(String(d))} />
            <Legend />
            <Line
              dataKey="received"
              name={translate('app.reports.complaints.received')}
              stroke={SERIES_COLORS[3]}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="resolved"
              name={translate('app.reports.complaints.resolved')}
              stroke={SERIES_COLORS[2]}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </Box>
    </Box>
  );
}
