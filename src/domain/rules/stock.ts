import type { DocRecord } from '../definition';
import { ruleRefusal, type Refusal } from '../refusal';
import { t, type Text } from '../text';

/**
 * Stock against an order's lines (5.2.2, 5.6.4): the assistant checks stock for every line; a line
 * the stock cannot serve is flagged and leads to a requisition (请购单, 6.5) or a transfer from a
 * sister unit (调拨, 6.13) — the order goes on once the goods are in (6.13.5). The warehouse picks
 * by the delivery note (6.2.5): picking takes the quantities out of stock, so a pick that would take
 * stock below zero is refused, naming the line.
 *
 * The same product on several lines is counted together, in line order: the first lines take what
 * there is, the line where it runs out is the short one.
 */

export interface ShortLine {
  /** 0-based line index */
  index: number;
  productId: number;
  name: string;
  sku: string;
  qty: number;
  /** stock on hand for this line (after the earlier lines of the same product) */
  available: number;
  short: number;
}

/** What the procedure offers for a short line (5.6.4 → 6.5 / 6.13). */
export const SHORT_OFFER: Text = t(
  '可开请购单 (6.5) 或申请调拨 (6.13)，到货后再拣配',
  'raise a requisition (6.5) or a transfer (6.13); pick once the goods are in',
);

const lineQty = (l: DocRecord) => (Number.isInteger(Number(l.qty)) && Number(l.qty) > 0 ? Number(l.qty) : 0);

/** The lines stock cannot serve now, given the products as they are (their `stock`). */
export function shortLines(lines: readonly DocRecord[], products: Record<number, DocRecord | undefined>): ShortLine[] {
  const left = new Map<number, number>();
  const out: ShortLine[] = [];
  lines.forEach((l, index) => {
    const productId = Number(l.productId);
    const p = products[productId];
    if (!p) return; // no product yet: what it lacks is a product, which the rules refuse on their own
    const qty = lineQty(l);
    const available = left.get(productId) ?? (typeof p.stock === 'number' ? Math.max(0, p.stock) : 0);
    left.set(productId, Math.max(0, available - qty));
    if (qty > available)
      out.push({
        index,
        productId,
        name: String(p.name ?? ''),
        sku: String(p.sku ?? ''),
        qty,
        available,
        short: qty - available,
      });
  });
  return out;
}

/** "第2行 A4复印纸（PA-A4-70）：订 200，库存 99，缺 101" */
export function shortLineText(s: ShortLine): Text {
  return {
    zh: `第${s.index + 1}行 ${s.name}（${s.sku}）：订 ${s.qty}，库存 ${s.available}，缺 ${s.short}`,
    en: `Line ${s.index + 1} ${s.name} (${s.sku}): ordered ${s.qty}, in stock ${s.available}, short ${s.short}`,
  };
}

/** 5.6.4 / 6.2.5 picking takes the lines from stock: refused (naming the first short line) while stock cannot serve them. */
export function stockCoversRefusal(
  lines: readonly DocRecord[],
  products: Record<number, DocRecord | undefined>,
): Refusal | null {
  const short = shortLines(lines, products);
  if (short.length === 0) return null;
  const first = shortLineText(short[0]);
  const more =
    short.length > 1
      ? { zh: `（另有 ${short.length - 1} 行缺货）`, en: ` (${short.length - 1} more lines short)` }
      : { zh: '', en: '' };
  return ruleRefusal(
    '5.6.4',
    `库存不足，不能拣配：${first.zh}${more.zh}；${SHORT_OFFER.zh}`,
    `Not enough stock to pick: ${first.en}${more.en}; ${SHORT_OFFER.en}`,
    `lines.${short[0].index}.qty`,
  );
}
