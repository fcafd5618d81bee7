import type { DocRecord } from '../definition';
import { yuanToFen } from '../money';
import { ruleRefusal, type Refusal } from '../refusal';
import { isKeyAccount, isNewCustomer } from './customerTerms';
import { isQuoteExpired, QUOTE_USABLE_STATUSES } from './sales/quoteTime';

/**
 * 6.2.2 / 6.4.3 SMB customers pay catalog (导购手册) prices. A key account may have a quoted price,
 * which must come from an accepted, unexpired quote (6.4.4): a line priced off the catalog needs
 * the order's `quoteId`, and that quote must be the same customer's, accepted (or already
 * converted), valid on the day the order was received, and quote exactly this price for this
 * product. New customers (first 3 months) pay catalog prices (6.2.2) unless the sales rep quoted
 * them (6.4.6: their quotes are the rep's) — the same quote check applies.
 */
export function linePriceRefusal(
  line: DocRecord,
  index: number,
  product: DocRecord | undefined,
  customer: DocRecord,
  order: DocRecord,
  now: Date,
  quote?: DocRecord,
): Refusal | null {
  if (!product || typeof line.unitPrice !== 'number' || typeof product.catalogPrice !== 'number') return null;
  if (yuanToFen(line.unitPrice) === yuanToFen(product.catalogPrice)) return null;
  const field = `lines.${index}.unitPrice`;
  if (!isKeyAccount(customer) || (isNewCustomer(customer, now) && !order.quoteId)) {
    return ruleRefusal(
      '6.2.2',
      `中小客户及新客户按导购手册价格：${product.name} 应为 ${product.catalogPrice} 元`,
      `SMB and new customers pay the catalog price: ${product.name} is ${product.catalogPrice} yuan`,
      field,
    );
  }
  if (!order.quoteId) {
    return ruleRefusal(
      '6.4.4',
      '大客户的非目录价须来自已接受且在有效期内的报价单',
      'A key-account price off the catalog must come from an accepted, unexpired quote',
      field,
    );
  }
  return quotedPriceRefusal(line, index, product, customer, order, now, quote);
}

/** 6.4.4 the line's price against the order's quote. */
export function quotedPriceRefusal(
  line: DocRecord,
  index: number,
  product: DocRecord,
  customer: DocRecord,
  order: DocRecord,
  now: Date,
  quote?: DocRecord,
): Refusal | null {
  const field = `lines.${index}.unitPrice`;
  const no = (zh: string, en: string) =>
    ruleRefusal('6.4.4', `${product.name}：${zh}`, `${product.name}: ${en}`, field);
  if (!quote) return no('订单引用的报价单不存在', 'the order’s quote does not exist');
  if (quote.customerId !== customer.id)
    return no(`报价单 ${quote.code} 属于另一客户`, `quote ${quote.code} is another customer’s`);
  if (!QUOTE_USABLE_STATUSES.includes(String(quote.status)))
    return no(`报价单 ${quote.code} 未被客户接受`, `quote ${quote.code} has not been accepted`);
  const at = typeof order.receivedAt === 'string' && order.receivedAt ? new Date(order.receivedAt) : now;
  if (isQuoteExpired(quote.validUntil, at))
    return no(
      `报价单 ${quote.code} 已过有效期（至 ${quote.validUntil}）`,
      `quote ${quote.code} expired (valid until ${quote.validUntil})`,
    );
  const quoted = (Array.isArray(quote.lines) ? (quote.lines as DocRecord[]) : []).filter(
    (l) => Number(l.productId) === Number(product.id),
  );
  if (quoted.length === 0)
    return no(`报价单 ${quote.code} 没有此商品`, `quote ${quote.code} does not quote this product`);
  if (
    !quoted.some((l) => typeof l.unitPrice === 'number' && yuanToFen(l.unitPrice) === yuanToFen(Number(line.unitPrice)))
  ) {
    return no(
      `价格与报价单 ${quote.code} 不符（报价 ${quoted[0].unitPrice} 元）`,
      `price differs from quote ${quote.code} (${quoted[0].unitPrice} yuan)`,
    );
  }
  return null;
}

/**
 * 5.2.2 / 5.6.4 a line short of stock is flagged (it leads to a requisition or transfer). A line
 * with no product yet (the empty line the order form adds) is short of nothing: what it lacks is
 * a product, which the rules refuse on their own.
 */
export function shortBy(qty: number, product: DocRecord | undefined): number {
  if (!product) return 0;
  const stock = typeof product.stock === 'number' ? product.stock : 0;
  return Math.max(0, qty - stock);
}
