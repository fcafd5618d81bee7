import { Line, LineChart, SERIES_COLORS, YAxis } from './recharts';

/** A small fixed-size line of daily counts (one table row). Fixed size: no measuring needed. Loaded lazily. */
export default function Sparkline({
  series,
  width = 160,
  height = 32,
  label,
}: {
  series: number[];
  width?: number;
  height?: number;
  label?: string;
}) {
  const data = series.map((v, i) => ({ i, v }));
  return (
    <span role="img" aria-label={label} style={{ display: 'inline-block', width, height, verticalAlign: 'middle' }}>
      <LineChart width={width} height={height} data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={[0, 'dataMax']} />
        <Line
          dataKey="v"
          type="monotone"
          stroke={SERIES_COLORS[0]}
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </span>
  );
}
