import type { DocRecord } from '../definition';
import { yuanToFen, type Fen } from '../money';
import { ruleRefusal, type Refusal } from '../refusal';
import { DEFAULT_SETTINGS } from '../settings';

/**
 * What an approved sales order needs before it leaves (5.10.4, 5.4.2, 6.2.4): the branch GM for a
 * large single order, finance's invoice for a cash order, the order desk's printed delivery list.
 * The order's workflow (documents/orders.ts) guards its steps with these; the server and the
 * screens ask the same functions.
 */

/**
 * 5.10.4 单笔金额较大的都应由分公司… (cut): a single order of at least this total (yuan) waits on the
 * branch GM after the CS manager, whatever the settlement — the branch settings'
 * `largeOrderGmFrom` (an assumption, labelled so).
 */
export function largeOrderFromFen(settings: Record<string, unknown> | undefined): Fen {
  const v = settings?.largeOrderGmFrom;
  return yuanToFen(typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : DEFAULT_SETTINGS.largeOrderGmFrom);
}

/** 5.10.4 at or above the threshold (inclusive). */
export const isLargeOrder = (order: DocRecord, settings: Record<string, unknown> | undefined): boolean =>
  typeof order.total === 'number' && yuanToFen(order.total) >= largeOrderFromFen(settings);

/** 5.4.1 / 5.4.2 a cash (现金付款) order is invoiced by finance before it leaves with logistics. */
export const invoicedBeforeLeaving = (order: DocRecord): boolean => order.paymentMethod !== 'credit';

/** the form the order desk prints from the picked order (6.2.4) */
export const DELIVERY_LIST_FORM = 'deliveryNote';

/** 6.2.4 the delivery list has been printed (a print record of the delivery note). */
export function deliveryListPrinted(order: DocRecord): boolean {
  const prints = Array.isArray(order.prints) ? (order.prints as DocRecord[]) : [];
  return prints.some((p) => p && p.form === DELIVERY_LIST_FORM);
}

const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/** 5.4.2 finance invoices cash orders only (the order's own fields: a precondition, so no row offers it otherwise). */
export function cashOrderRefusal(order: DocRecord): Refusal | null {
  if (invoicedBeforeLeaving(order)) return null;
  return ruleRefusal(
    '5.4.2',
    '付款帐期订单不在出库前开票，由财务按帐期结算',
    'An on-account order is not invoiced before it leaves: finance settles it on its account',
    'paymentMethod',
  );
}

/** 5.4.2 the invoice number finance enters with the step. */
export function invoiceNoRefusal(order: DocRecord): Refusal | null {
  return filled(order.invoiceNo)
    ? null
    : ruleRefusal('5.4.2', '请填写发票号码', 'Enter the invoice number', 'invoiceNo');
}

/**
 * 5.4.2 配货并将单据交财务部开票人员开票后一并交于物流: a cash order leaves only once invoiced —
 * the order's own fields, so a row does not offer the van a cash order still waiting on finance.
 */
export function invoicedFirstRefusal(order: DocRecord): Refusal | null {
  if (!invoicedBeforeLeaving(order) || filled(order.invoiceNo)) return null;
  return ruleRefusal(
    '5.4.2',
    '现金付款订单须先由财务部开票，才能交物流出车',
    'A cash order is invoiced by finance before logistics takes it out',
    'invoiceNo',
  );
}

/** 6.2.4 before the van: the printed delivery list (its prints are read from the audit log with the step). */
export function deliveryListRefusal(order: DocRecord): Refusal | null {
  if (deliveryListPrinted(order)) return null;
  return ruleRefusal(
    '6.2.4',
    '销售送货清单尚未由订单组打印，不能出车',
    'The order desk has not printed the delivery list yet: the order cannot go out',
    'prints',
  );
}
