import type { DocRecord } from '../definition';
import { yuanToFen } from '../money';
import { ruleRefusal, type Refusal } from '../refusal';
import { isKeyAccount, isNewCustomer } from './customerTerms';

/**
 * 6.2.2 / 6.4.3 SMB and new customers pay catalog (导购手册) prices. A key account may have a
 * quoted price, which must come from an accepted, unexpired quote (6.4.4): a line priced off
 * the catalog needs the order's `quoteId` (the quote itself is checked by the quotes rules).
 */
export function linePriceRefusal(
  line: DocRecord,
  index: number,
  product: DocRecord | undefined,
  customer: DocRecord,
  order: DocRecord,
  now: Date,
): Refusal | null {
  if (!product || typeof line.unitPrice !== 'number' || typeof product.catalogPrice !== 'number') return null;
  if (yuanToFen(line.unitPrice) === yuanToFen(product.catalogPrice)) return null;
  const field = `lines.${index}.unitPrice`;
  if (!isKeyAccount(customer) || isNewCustomer(customer, now)) {
    return ruleRefusal('6.2.2', `中小客户及新客户按导购手册价格：${product.name} 应为 ${product.catalogPrice} 元`, `SMB and new customers pay the catalog price: ${product.name} is ${product.catalogPrice} yuan`, field);
  }
  if (!order.quoteId) {
    return ruleRefusal('6.4.4', '大客户的非目录价须来自已接受且在有效期内的报价单', 'A key-account price off the catalog must come from an accepted, unexpired quote', field);
  }
  return null;
}

/** 5.2.2 / 5.6.4 a line short of stock is flagged (it leads to a requisition or transfer). */
export function shortBy(qty: number, product: DocRecord | undefined): number {
  const stock = typeof product?.stock === 'number' ? product.stock : 0;
  return Math.max(0, qty - stock);
}
