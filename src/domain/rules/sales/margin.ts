import type { DocRecord } from '../../definition';
import type { Fen } from '../../money';
import type { SalesSettings } from './settings';

/**
 * 6.4.3 price control of key-account quotes: the overall gross margin is kept at 10–20 % for
 * normal goods, about 30 % for special (non-catalog) goods; equipment is priced flexibly at
 * market price (exempt). Outside the band the quote needs the csManager's approval.
 *
 * Margin = gross margin on the selling price: (price − cost) / price (毛利率). The band is
 * checked on the overall margin (总体利润) of each class of lines, inclusive at both ends, in
 * exact integer arithmetic (fen × basis points), so 10 % and 20 % are inside, 9.9 % and 20.1 % not.
 */

export type MarginClass = 'normal' | 'special' | 'equipment';

export const MARGIN_CLASS_LABEL: Record<MarginClass, { zh: string; en: string }> = {
  normal: { zh: '常销商品', en: 'normal goods' },
  special: { zh: '特殊商品', en: 'special goods' },
  equipment: { zh: '设备类', en: 'equipment' },
};

/** Equipment (OA equipment) is exempt; a product off the catalog (导购手册) is a special good. */
export function marginClass(product: DocRecord | undefined): MarginClass {
  if (product?.category === 'oaEquipment') return 'equipment';
  return product?.catalog === false ? 'special' : 'normal';
}

/** Margin in percent with 2 decimals, for display; null when there is no price. */
export function marginPct(amountFen: Fen, costFen: Fen): number | null {
  if (amountFen <= 0) return null;
  return Math.round(((amountFen - costFen) / amountFen) * 10000) / 100;
}

/** Exact check lo ≤ (amount − cost) / amount ≤ hi (percent, inclusive); no price → outside. */
export function withinBand(amountFen: Fen, costFen: Fen, band: readonly [number, number]): boolean {
  if (amountFen <= 0) return false;
  const diff = BigInt(amountFen - costFen) * 10000n;
  const amount = BigInt(amountFen);
  const lo = BigInt(Math.round(band[0] * 100));
  const hi = BigInt(Math.round(band[1] * 100));
  return diff >= lo * amount && diff <= hi * amount;
}

export function bandOf(cls: Exclude<MarginClass, 'equipment'>, s: SalesSettings): [number, number] {
  return cls === 'special' ? [s.quoteSpecialMarginMin, s.quoteSpecialMarginMax] : [s.quoteMarginMin, s.quoteMarginMax];
}

export interface ClassMargin {
  cls: MarginClass;
  amountFen: Fen;
  costFen: Fen;
  margin: number | null;
  band: [number, number] | null;
  inBand: boolean;
}

/** The overall margin of each class present in the lines; equipment is always "in band". */
export function classMargins(
  lines: { cls: MarginClass; amountFen: Fen; costFen: Fen }[],
  s: SalesSettings,
): ClassMargin[] {
  const out: ClassMargin[] = [];
  for (const cls of ['normal', 'special', 'equipment'] as const) {
    const mine = lines.filter((l) => l.cls === cls);
    if (mine.length === 0) continue;
    const amountFen = mine.reduce((a, l) => a + l.amountFen, 0);
    const costFen = mine.reduce((a, l) => a + l.costFen, 0);
    const band = cls === 'equipment' ? null : bandOf(cls, s);
    out.push({
      cls,
      amountFen,
      costFen,
      margin: marginPct(amountFen, costFen),
      band,
      inBand: band === null || withinBand(amountFen, costFen, band),
    });
  }
  return out;
}
