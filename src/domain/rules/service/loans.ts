import type { DocRecord } from '../../definition';
import { fenToYuan, lineTotalFen, sumFen, yuanToFen } from '../../money';
import { ruleRefusal, type Refusal } from '../../refusal';
import { view } from '../../where';
import { linesOf, num } from './common';

/**
 * Sample loans 借样 (6.11.2): samples come back within 3 days, never later than a week. We read it
 * as calendar days from the moment the samples leave: 3 days is the default; 4–7 days need a stated
 * reason; more than 7 is refused.
 */
export const LOAN_DEFAULT_DAYS = 3;
export const LOAN_MAX_DAYS = 7;
const DAY_MS = 86_400_000;

export function loanDaysRefusal(days: number, reason: unknown): Refusal | null {
  if (days > LOAN_MAX_DAYS)
    return ruleRefusal(
      '6.11.2',
      `借样最长不得超过一个星期（${LOAN_MAX_DAYS}天），申请了 ${days} 天`,
      `A sample loan is at most a week (${LOAN_MAX_DAYS} days); ${days} requested`,
      'loanDays',
    );
  if (days > LOAN_DEFAULT_DAYS && !(typeof reason === 'string' && reason.trim())) {
    return ruleRefusal(
      '6.11.2',
      `借样应在${LOAN_DEFAULT_DAYS}日内归还；超过${LOAN_DEFAULT_DAYS}天须说明理由`,
      `Samples come back within ${LOAN_DEFAULT_DAYS} days; a longer loan needs a reason`,
      'extensionReason',
    );
  }
  return null;
}

/** The due moment: lent + the loan days (calendar days, same clock time). */
export const loanDueAt = (lentAt: Date, days: number): Date => new Date(lentAt.getTime() + days * DAY_MS);

/** Overdue strictly after the due moment; only loans still out can be overdue. */
export const isLoanOverdue = (loan: DocRecord, now: Date): boolean =>
  loan.status === 'out' && typeof loan.dueAt === 'string' && now.getTime() > Date.parse(loan.dueAt);

/** 6.11.2 the loans overdue at `now`: the set of isLoanOverdue (out, due strictly before now). `sampleLoans.views.overdue` */
export const overdueLoans = (now: Date) => view('sampleLoans', { status: 'out', dueAt_lt: now.toISOString() });

/** 6.11.3 / 6.11.4 the samples' value at catalog price (what a damaged sample costs, what a bought one sells for). */
export function samplesValue(doc: DocRecord, products: Record<number, DocRecord | undefined>): number {
  return fenToYuan(
    sumFen(
      linesOf(doc).map((l) => lineTotalFen(yuanToFen(num(products[Number(l.productId)]?.catalogPrice)), num(l.qty))),
    ),
  );
}
