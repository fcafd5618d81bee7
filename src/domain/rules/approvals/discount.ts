import { dayOfMonth, shanghaiDate, type Calendar } from '../../calendar';
import type { Fen } from '../../money';
import { DISCOUNT_ANSWER, slaDeadline } from '../../sla';

/** Special discounts 特殊折扣 (6.14). */

/**
 * 6.14.1 a discount is allowed only with a sufficient gross margin. The procedure gives no number
 * here; we take the lower edge of the margin band of 6.4.3 (10–20 % for normal goods): the gross
 * margin AFTER the discount must stay at least 10 % of the net sales. In basis points (1 % = 100).
 * A branch may set `discountMinMarginPercent` in its settings; otherwise this default holds.
 */
export const DISCOUNT_MIN_MARGIN_BP = 1000;

export function minMarginBp(settings: Record<string, unknown>): number {
  const v = settings.discountMinMarginPercent;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 100
    ? Math.round(v * 100)
    : DISCOUNT_MIN_MARGIN_BP;
}

export interface MarginFacts {
  salesFen: Fen;
  costFen: Fen;
  discountFen: Fen;
}

/** Net sales after the discount, and the gross margin on it in basis points (floored). null when there are no net sales. */
export function marginAfterDiscountBp({ salesFen, costFen, discountFen }: MarginFacts): number | null {
  const net = salesFen - discountFen;
  if (net <= 0) return null;
  return Math.floor(((net - costFen) * 10000) / net);
}

/**
 * 6.14.1 exact check in integers: (net − cost) / net ≥ floor ⇔ (net − cost) × 10000 ≥ floor × net.
 * Exactly on the floor is allowed.
 */
export function marginSufficient(m: MarginFacts, floorBp: number): boolean {
  const net = m.salesFen - m.discountFen;
  if (net <= 0) return false;
  return (net - m.costFen) * 10000 >= floorBp * net;
}

/** "12.34%" from basis points. */
export const percentText = (bp: number | null): string => (bp == null ? '' : `${(bp / 100).toFixed(2)}%`);

/** discount / sales in basis points (rounded). */
export const discountRateBp = (discountFen: Fen, salesFen: Fen): number | null =>
  salesFen > 0 ? Math.round((discountFen * 10000) / salesFen) : null;

/** 6.14.2 一般在三个工作日内给予回复: the answer is due 3 working days after the application is submitted. */
export const discountAnswerDeadline = (submittedAt: Date, cal: Calendar): Date =>
  slaDeadline(submittedAt, DISCOUNT_ANSWER, cal);

/** 6.14.3 定期于每月的7日–10日、25–27日 … 申请支付: payout requests only on these days (Shanghai). */
export const PAYOUT_DAYS: readonly (readonly [number, number])[] = [
  [7, 10],
  [25, 27],
];

export function isPayoutRequestDay(now: Date): boolean {
  const d = dayOfMonth(shanghaiDate(now));
  return PAYOUT_DAYS.some(([a, b]) => d >= a && d <= b);
}
