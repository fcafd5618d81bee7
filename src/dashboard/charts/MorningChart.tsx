import { useTranslate } from 'react-admin';
import type { AssistantPerformanceRow } from '../../domain/reportTypes';
import { useLocale } from '../../app/i18n/i18nProvider';
import { formatMoney } from '../format';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  SERIES_COLORS,
  Tooltip,
  XAxis,
  YAxis,
  yuanTick,
} from './recharts';

/** Order value per assistant (bars) against the daily value target (line), 6.1.1. Loaded lazily. */
export default function MorningChart({ rows, height = 240 }: { rows: AssistantPerformanceRow[]; height?: number }) {
  const translate = useTranslate();
  const locale = useLocale();
  const data = rows.map((r) => ({ name: r.name, orderValue: r.orderValue, target: r.targetValue }));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
        <YAxis
          tickFormatter={yuanTick(locale)}
          tick={{ fontSize: 12 }}
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
          dataKey="orderValue"
          name={translate('app.reports.morning.orderValue')}
          fill={SERIES_COLORS[0]}
          isAnimationActive={false}
        />
        <Line
          dataKey="target"
          name={translate('app.reports.morning.targetLine')}
          stroke={SERIES_COLORS[3]}
          strokeDasharray="6 3"
          dot={false}
          type="linear"
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
