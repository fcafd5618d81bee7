/**
 * Everything the report charts take from recharts, in one module: the charts share one lazily
 * loaded chunk (recharts-*.js), never part of the first bundle.
 */
export {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** Series colours of the report charts (distinguishable in print too). */
export const SERIES_COLORS = [
  '#1565c0',
  '#ef6c00',
  '#2e7d32',
  '#c62828',
  '#6a1b9a',
  '#00838f',
  '#8d6e63',
  '#5c6bc0',
  '#9e9d24',
  '#d81b60',
];

/** Money axis ticks: 1.2万 in Chinese, 12k in English. */
export const yuanTick = (locale: string) => (v: number) =>
  locale === 'en'
    ? Math.abs(v) >= 1000
      ? `${Math.round(v / 100) / 10}k`
      : String(v)
    : Math.abs(v) >= 10000
      ? `${Math.round(v / 1000) / 10}万`
      : String(v);

/** 'YYYY-MM-DD' → 'MM-DD' on a date axis. */
export const shortDate = (d: string) => (typeof d === 'string' && d.length === 10 ? d.slice(5) : String(d));
