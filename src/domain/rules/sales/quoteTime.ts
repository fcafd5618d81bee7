import { shanghaiDate, type Calendar } from '../../calendar';
import { QUOTE_REPLY, slaDeadline, type SlaSpec } from '../../sla';

/** 6.4.5 reply to a price inquiry within 4 working hours (QUOTE_REPLY), at most one working day. */
export const QUOTE_REPLY_LATEST = { workingDays: 1 } as const satisfies SlaSpec;

export function quoteReplyDeadline(inquiryAt: Date, cal: Calendar): Date {
  return slaDeadline(inquiryAt, QUOTE_REPLY, cal);
}

export function quoteReplyLatest(inquiryAt: Date, cal: Calendar): Date {
  return slaDeadline(inquiryAt, QUOTE_REPLY_LATEST, cal);
}

export type ReplySla = 'onTime' | 'withinDay' | 'overdue';

/** How a reply at `repliedAt` kept 6.4.5: within 4 working hours, within a working day, or later. */
export function replySla(inquiryAt: Date, repliedAt: Date, cal: Calendar): ReplySla {
  if (repliedAt.getTime() <= quoteReplyDeadline(inquiryAt, cal).getTime()) return 'onTime';
  if (repliedAt.getTime() <= quoteReplyLatest(inquiryAt, cal).getTime()) return 'withinDay';
  return 'overdue';
}

/** Quotes whose prices an order may use (6.4.4): accepted by the customer, or already converted. */
export const QUOTE_USABLE_STATUSES: readonly string[] = ['accepted', 'converted'];

/**
 * 6.4.4 every quote has a validity date ('YYYY-MM-DD', Asia/Shanghai, inclusive): valid through
 * that whole day, expired from the next day on.
 */
/**
 * The list filter for the quotes an order of `customerId` may take its prices from on `today`
 * (6.4.4): the form of QUOTE_USABLE_STATUSES and isQuoteExpired a list query can ask.
 */
export function usableQuotesFilter(customerId: number, today: string) {
  return { customerId, status: [...QUOTE_USABLE_STATUSES], validUntil_gte: today };
}

/** quotes "about to expire": valid until within this many days (the queues, 6.4.4) */
export const QUOTE_EXPIRY_WARNING_DAYS = 3;

/** 6.4.4 a quote without a validity date, or past it, is expired. */
export function isQuoteExpired(validUntil: unknown, at: Date): boolean {
  if (typeof validUntil !== 'string' || !validUntil) return true;
  return shanghaiDate(at) > validUntil;
}
