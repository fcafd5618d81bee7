import { shanghaiDate } from '../calendar';
import type { DocRecord } from '../definition';
import { yuanToFen, type Fen } from '../money';
import { ruleRefusal, type Refusal } from '../refusal';

/** 5.6.2 key account = monthly orders over 5000 元; SMB = members under that. */
export const KEY_ACCOUNT_MONTHLY_OVER_FEN: Fen = 5000_00;
export type Tier = 'keyAccount' | 'smb';

export function tierForMonthlySales(averageMonthlyFen: Fen): Tier {
  return averageMonthlyFen > KEY_ACCOUNT_MONTHLY_OVER_FEN ? 'keyAccount' : 'smb';
}

/** 6.2.2 / 6.4.6: a customer in the first 3 months of trading (or not yet trading) is "new". */
export const NEW_CUSTOMER_MONTHS = 3;

export function isNewCustomer(customer: DocRecord, now: Date): boolean {
  const first = customer.firstTradeAt;
  if (typeof first !== 'string' || !first) return true;
  return shanghaiDate(new Date(first)) > monthsBefore(shanghaiDate(now), NEW_CUSTOMER_MONTHS);
}

/** The Shanghai day `months` calendar months before `day` (clamped to month end). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  const daysInMonth = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${ty}-${String(tm).padStart(2, '0')}-${String(Math.min(d, daysInMonth)).padStart(2, '0')}`;
}

export const isKeyAccount = (customer: DocRecord | undefined): boolean => customer?.tier === 'keyAccount';

/** 5.5.2 a customer who has never traded: the order asked for is its first. */
export const isFirstOrder = (customer: DocRecord): boolean =>
  typeof customer.firstTradeAt !== 'string' || !customer.firstTradeAt;

/** 5.5.1 a customer has an approved credit line when settlement is credit with a limit. */
export function hasCreditLine(customer: DocRecord): boolean {
  return customer.settlement === 'credit' && typeof customer.creditLimit === 'number' && customer.creditLimit > 0;
}

/**
 * May this customer's order be on credit (月结)? Cash (现金付款, 5.4.1) is always allowed.
 * 6.2.3 SMB and new customers pay cash on delivery; 5.5.2 a first order asking for credit
 * goes to a sales rep; 5.5.1 credit needs an approved line; 5.11.3 overdue → pay first.
 */
export function creditRefusal(customer: DocRecord, now: Date): Refusal | null {
  const field = 'paymentMethod';
  // 5.5.2 首次订货但要求使用赊销方式付款: whatever the tier (the assistant judges it), the rep takes it over
  if (isFirstOrder(customer)) {
    return ruleRefusal(
      '5.5.2',
      '首次订货要求赊销的订单不能按赊销提交，须转交销售代表跟进（按赊销保存即转交）',
      'A first order asking for credit cannot be submitted as credit: it goes to the sales rep (saving it on credit hands it over)',
      field,
    );
  }
  if (customer.tier === 'smb')
    return ruleRefusal('6.2.3', '中小客户须现金付款（货到付款）', 'SMB customers pay cash on delivery', field);
  if (isNewCustomer(customer, now))
    return ruleRefusal(
      '6.2.3',
      '新客户（交易未满3个月）须现金付款',
      'New customers (under 3 months) pay cash on delivery',
      field,
    );
  if (!hasCreditLine(customer))
    return ruleRefusal(
      '5.5.1',
      '该客户没有经批准的信用额度，不能赊销',
      'This customer has no approved credit line',
      field,
    );
  if (customer.overdue === true)
    return ruleRefusal(
      '5.11.3',
      '该客户有逾期货款，须先付款后送货，不能赊销',
      'This customer has overdue payments: pay before delivery, no credit',
      field,
    );
  return null;
}

/** 5.10.4 remaining credit = limit − open credit orders; an order beyond it also needs the branchGM. */
export function remainingCreditFen(customer: DocRecord, creditUsedYuan: number): Fen {
  const limit = typeof customer.creditLimit === 'number' ? yuanToFen(customer.creditLimit) : 0;
  return limit - yuanToFen(creditUsedYuan);
}

export function exceedsRemainingCredit(totalFen: Fen, customer: DocRecord, creditUsedYuan: number): boolean {
  return totalFen > remainingCreditFen(customer, creditUsedYuan);
}
