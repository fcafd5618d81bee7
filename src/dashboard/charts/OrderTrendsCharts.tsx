import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { OrderTrends } from '../../domain/reportTypes';
import { useLocale } from '../../app/i18n/i18nProvider';
import { formatMoney } from '../format';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  SERIES_COLORS,
  shortDate,
  Tooltip,
  XAxis,
  YAxis,
  yuanTick,
} from './recharts';
import { enumKey } from '../../app/i18n/resourceKeys';

/** Order value and count per day, stacked by channel (web / phone). Loaded lazily. */
export default function OrderTrendsCharts({ days, height = 260 }: { days: OrderTrends['days']; height?: number }) {
  const translate = useTranslate();
  const locale = useLocale();
  const channel = (c: string) => translate(enumKey('orders', 'channel', c), { _: c });
  const valueOf = (c: string) => translate('app.reports.trends.valueBy', { channel: channel(c) });
  const countOf = (c: string) => translate('app.reports.trends.countBy', { channel: channel(c) });
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
      <Box>
        <Typography variant="subtitle1" component="h2">
          {translate('app.reports.trends.valueChart')}
        </Typography>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={days} margin={{ top: 8, right: 8, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tickFormatter={shortDate} tick={{ fontSize: 11 }} minTickGap={8} />
            <YAxis
              tickFormatter={yuanTick(locale)}
              tick={{ fontSize: 11 }}
              label={{
                value: translate('app.reports.axisYuan'),
                angle: -90,
                position: 'insideLeft',
                offset: -4,
                fontSize: 12,
              }}
            />
            <Tooltip formatter={(v) => formatMoney(Number(v))} />
            <Legend />
            <Bar
              dataKey="phoneValue"
              stackId="value"
              name={valueOf('phone')}
              fill={SERIES_COLORS[0]}
              isAnimationActive={false}
            />
            <Bar
              dataKey="webValue"
              stackId="value"
              name={valueOf('web')}
              fill={SERIES_COLORS[1]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Box>
        <Typography variant="subtitle1" component="h2">
          {translate('app.reports.trends.countChart')}
        </Typography>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={days} margin={{ top: 8, right: 8, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tickFormatter={shortDate} tick={{ fontSize: 11 }} minTickGap={8} />
            <YAxis
              allowDecimals={false}
              tick={{ fontSize: 11 }}
              label={{
                value: translate('app.reports.axisCount'),
                angle: -90,
                position: 'insideLeft',
                offset: -4,
                fontSize: 12,
              }}
            />
            <Tooltip />
            <Legend />
            <Bar
              dataKey="phone"
              stackId="count"
              name={countOf('phone')}
              fill={SERIES_COLORS[0]}
              isAnimationActive={false}
            />
            <Bar
              dataKey="web"
              stackId="count"
              name={countOf('web')}
              fill={SERIES_COLORS[1]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </Box>
    </Box>
  );
}
