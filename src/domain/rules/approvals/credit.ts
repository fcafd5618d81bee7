import { atShanghai, shanghaiDate } from '../../calendar';
import type { DocRecord } from '../../definition';
import { yuanToFen, type Fen } from '../../money';
import { isNewCustomer, monthsBefore, NEW_CUSTOMER_MONTHS } from '../customerTerms';

/** Credit lines 赊销信用 (5.11). */

/** 5.11.1 月平均订货额在5000元以上: average monthly orders of at least 5000 yuan (inclusive). */
export const CREDIT_MIN_MONTHLY_FEN: Fen = 5000_00;
/** 5.11.1 the average is taken over the last 3 full calendar months. */
export const CREDIT_AVERAGE_MONTHS = 3;
/** 5.11.4 按半年一次的原则定期对客户信用进行评估: a credit line is reviewed every six months. */
export const CREDIT_REVIEW_MONTHS = 6;
/** Orders that count as trade: delivered (customer signed) or closed (settled). */
export const TRADED_ORDER_STATUSES: readonly string[] = ['delivered', 'closed'];

/**
 * The last `months` full calendar months before `now` (Shanghai): from the first instant of the
 * first month to the last millisecond before the current month. E.g. now 2026-11-27 →
 * 2026-08-01T00:00+08:00 … 2026-10-31T23:59:59.999+08:00.
 */
export function lastFullMonths(now: Date, months = CREDIT_AVERAGE_MONTHS): { from: string; to: string } {
  const day = shanghaiDate(now);
  const firstOfMonth = `${day.slice(0, 7)}-01`;
  const start = monthsBefore(firstOfMonth, months);
  return { from: atShanghai(start).toISOString(), to: new Date(atShanghai(firstOfMonth).getTime() - 1).toISOString() };
}

/** The average of the months' total, floored to the fen (never shows 5000.00 for 4999.996…). */
export const monthlyAverageFen = (totalFen: Fen, months = CREDIT_AVERAGE_MONTHS): Fen => Math.floor(totalFen / months);

/** Whole calendar months from the first trade to `now` (Shanghai days); null when never traded. */
export function monthsTrading(customer: DocRecord | undefined, now: Date): number | null {
  const first = customer?.firstTradeAt;
  if (typeof first !== 'string' || !first) return null;
  const a = shanghaiDate(new Date(first));
  const b = shanghaiDate(now);
  if (a > b) return 0;
  let months = (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + (Number(b.slice(5, 7)) - Number(a.slice(5, 7)));
  if (monthsBefore(b, months) < a) months -= 1; // not yet the same day of the month
  return Math.max(0, months);
}

export interface CreditEligibility {
  tradingOk: boolean;
  goodRecord: boolean;
  volumeOk: boolean;
  eligible: boolean;
}

/**
 * 5.11.1 原则上各分公司只对合作期在三个月以上，信用良好，月平均订货额在5000元以上的客户 …:
 * trading for at least 3 months (the same day 3 months on counts, as for 6.4.6), no overdue
 * payments (5.11.3), and the last 3 full months' delivered/closed orders ≥ 3 × 5000 yuan.
 */
export function creditEligibility(
  customer: DocRecord | undefined,
  ordersTotalYuan: number,
  now: Date,
): CreditEligibility {
  const tradingOk =
    !!customer && typeof customer.firstTradeAt === 'string' && !!customer.firstTradeAt && !isNewCustomer(customer, now);
  const goodRecord = !!customer && customer.overdue !== true && customer.active !== false;
  const volumeOk = yuanToFen(ordersTotalYuan) >= CREDIT_MIN_MONTHLY_FEN * CREDIT_AVERAGE_MONTHS;
  return { tradingOk, goodRecord, volumeOk, eligible: tradingOk && goodRecord && volumeOk };
}

/** 5.11.4 the next review: six calendar months after the approval day (clamped to the month end). */
export const creditReviewDue = (approvedAt: Date): string =>
  monthsBefore(shanghaiDate(approvedAt), -CREDIT_REVIEW_MONTHS);

export { NEW_CUSTOMER_MONTHS };
