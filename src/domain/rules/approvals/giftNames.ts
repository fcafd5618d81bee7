import type { DocRecord, RuleContext } from '../../definition';
import { linesOf } from './common';

/**
 * 6.12.2 a gift line typed as free text that names a catalog product (导购手册) is valued at least at
 * that product's catalog price — as a line that picks the product is — so the approval limit (500
 * yuan to the branch GM, above it the group finance director) is not dodged by typing the name and
 * a low price. The server looks the names up among the catalog products (the fact
 * `giftCatalogNames`); the rules read its answer here.
 */

/** a typed name as it is compared: trimmed, inner runs of white space as one space */
export const giftItemName = (name: unknown): string =>
  typeof name === 'string' ? name.trim().replace(/\s+/g, ' ') : '';

/** the names of the free-text lines (no product picked) of a gift application */
export function freeTextGiftNames(doc: DocRecord): string[] {
  return [
    ...new Set(
      linesOf(doc, 'items')
        .filter((l) => l.productId == null)
        .map((l) => giftItemName(l.name))
        .filter((n) => n !== ''),
    ),
  ];
}

/**
 * The fact's value: each typed name that is a catalog product's name, with the lowest catalog price
 * of the catalog products of that name (several brands or specs may share it), as JSON.
 */
export const catalogNamesFact = (prices: Record<string, number>): string | null =>
  Object.keys(prices).length ? JSON.stringify(prices) : null;

/** the catalog price a typed name is valued at, if it names a catalog product */
export function catalogPriceOfName(ctx: RuleContext, name: unknown): number | undefined {
  const raw = ctx.facts.giftCatalogNames;
  if (typeof raw !== 'string' || !raw) return undefined;
  try {
    const prices = JSON.parse(raw) as Record<string, unknown>;
    const key = giftItemName(name);
    const v = Object.hasOwn(prices, key) ? prices[key] : undefined;
    return typeof v === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}
