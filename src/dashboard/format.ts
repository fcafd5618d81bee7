import { formatMoney } from '../resources/fieldRenderers';

/** Display helpers shared by the report pages. */
export { formatMoney };

export const pctText = (pct: number | null | undefined): string => (pct == null ? '—' : `${pct}%`);

/** "90.5% (19/21)" or "—" when nothing was counted. */
export const ratioText = (part: number, whole: number, pct: number | null): string =>
  whole > 0 ? `${pctText(pct)} (${part}/${whole})` : '—';

/** Plain money for CSV (no currency sign, two decimals). */
export const moneyCsv = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '');

/** Share in percent with one decimal, null when nothing counted (as reports/source.ts pct). */
export const pct = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
