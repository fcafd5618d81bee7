import { shanghaiDate } from '../../calendar';
import type { DocRecord } from '../../definition';
import { ruleRefusal, type Refusal } from '../../refusal';
import { dayOf, daysBetween, linesOf, num } from './common';

/**
 * Returns and exchanges 退换货 (6.9) — eligibility (6.9.1): the 15-day window from the invoice
 * date (5.3.2, counted as 5.7.2 says), category rules (5.3.2 / 5.7.2), quantities against the
 * delivery note, special goods (6.5.4 / 6.9.5), same-day returns at delivery (6.9.4).
 */

/** 5.3.2 / 5.7.2: 15 days, counted from the day the invoice was issued (day 15 in, day 16 out). */
export const RETURN_WINDOW_DAYS = 15;

/** Orders whose goods have reached the customer (the delivery note was signed). */
export const DELIVERED_ORDER_STATUSES: readonly string[] = ['delivered', 'closed'];

/** Returns that no longer hold any quantity of the order (the rest count against it). */
export const RETURN_RELEASED_STATUSES: readonly string[] = ['cancelled', 'refused'];

/** Days since the invoice date, Shanghai calendar. */
export const daysSinceInvoice = (invoiceDate: string, now: Date): number => daysBetween(invoiceDate, shanghaiDate(now));

/** 5.3.2 / 5.7.2 the window; equipment past it goes to the one-year warranty (after-sales, 5.7.3). */
export function returnWindowRefusal(invoiceDate: string, now: Date, equipmentDefect = false): Refusal | null {
  const days = daysSinceInvoice(invoiceDate, now);
  if (days < 0)
    return ruleRefusal('5.7.2', '发票日期不能晚于今天', 'The invoice date cannot be in the future', 'invoiceDate');
  if (days <= RETURN_WINDOW_DAYS) return null;
  if (equipmentDefect) {
    return ruleRefusal(
      '5.3.2',
      `OA设备已超过发票开具之日起${RETURN_WINDOW_DAYS}天（第${days}天），请按一年保修办理售后报修`,
      `OA equipment past ${RETURN_WINDOW_DAYS} days from the invoice (day ${days}): use the one-year warranty (after-sales ticket)`,
      'invoiceDate',
    );
  }
  return ruleRefusal(
    '5.3.2',
    `已超过发票开具之日起${RETURN_WINDOW_DAYS}天的退换货期限（第${days}天）`,
    `Past the ${RETURN_WINDOW_DAYS}-day return/exchange window from the invoice date (day ${days})`,
    'invoiceDate',
  );
}

/** 6.5.4 special goods: ordered specially (flagged on the line) or outside the catalog. */
export const isSpecialGoods = (line: DocRecord, product: DocRecord | undefined): boolean =>
  line.special === true || product?.catalog === false || product?.special === true;

/**
 * 5.3.2 / 5.7.2 quality defects by category: stationery — free exchange within the window;
 * OA consumables and OA equipment — only once the maker's service station has confirmed the defect.
 */
export function qualityRefusal(line: DocRecord, index: number, product: DocRecord | undefined): Refusal | null {
  const category = product?.category;
  if ((category === 'oaConsumable' || category === 'oaEquipment') && line.makerConfirmed !== true) {
    return ruleRefusal(
      category === 'oaEquipment' ? '5.7.2' : '5.3.2',
      `第${index + 1}行：OA${category === 'oaEquipment' ? '设备' : '耗材'}的质量问题须经品牌售后服务检测中心确认后方可更换`,
      `Line ${index + 1}: a quality defect of an OA ${category === 'oaEquipment' ? 'device' : 'consumable'} is exchanged only once the maker's service station has confirmed it`,
      `lines.${index}.makerConfirmed`,
    );
  }
  return null;
}

/** Quantity of each product on the delivery note (the order's lines). */
export function deliveredQty(order: DocRecord | undefined): Map<number, number> {
  const out = new Map<number, number>();
  for (const l of linesOf(order ?? {})) out.set(Number(l.productId), (out.get(Number(l.productId)) ?? 0) + num(l.qty));
  return out;
}

/** The `returnedQty` fact: {productId: qty} already on the order's other returns. */
export function parseReturnedQty(fact: unknown): Map<number, number> {
  const out = new Map<number, number>();
  if (typeof fact !== 'string' || !fact) return out;
  try {
    for (const [k, v] of Object.entries(JSON.parse(fact) as Record<string, number>)) out.set(Number(k), num(v));
  } catch {
    /* a malformed fact counts as nothing returned yet */
  }
  return out;
}

/** 6.9.4 a same-day return is taken at the delivery itself: the order was delivered today. */
export function sameDayRefusal(order: DocRecord | undefined, now: Date): Refusal | null {
  const delivered = dayOf(order?.deliveredAt);
  if (delivered && delivered === shanghaiDate(now)) return null;
  return ruleRefusal(
    '6.9.4',
    '当场退货只限送货当天：该订单不是今天送达的',
    'A same-day return is only for goods delivered today',
    'sameDay',
  );
}
