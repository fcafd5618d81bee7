import type { DocRecord, RuleContext } from '../../definition';
import { fenToYuan, lineTotalFen, sumFen, yuanToFen, type Fen } from '../../money';
import { refusal, type Refusal } from '../../refusal';
import type { Effect } from '../../workflow';

/**
 * Helpers shared by the approval documents (gifts 6.12, transfers 6.13, discounts 6.14,
 * scraps 6.15, credit applications 5.11): ownership of drafts, line arithmetic in fen, stock moves.
 */

export const nowIso = (ctx: RuleContext): string => ctx.now.toISOString();

/** Assistants act only on their own applications (the owner field, else the creator); other roles by their step. */
export const ownerOnly =
  (ownerField: string) =>
  (doc: DocRecord, ctx: RuleContext): Refusal | null =>
    ctx.user.role !== 'assistant' || doc[ownerField] === ctx.user.id || doc.createdBy === ctx.user.id
      ? null
      : refusal('forbidden', '只能处理自己的申请', 'You can only act on your own applications');

/** The creator of a document (other roles than assistants: sales reps, merchandise planning). */
export const creatorOnly = (doc: DocRecord, ctx: RuleContext): Refusal | null =>
  doc.createdBy == null || doc.createdBy === ctx.user.id || ctx.user.role === 'admin'
    ? null
    : refusal('forbidden', '只能处理自己录入的单据', 'You can only act on documents you entered');

export const linesOf = (doc: DocRecord, field: string): DocRecord[] =>
  Array.isArray(doc[field]) ? (doc[field] as DocRecord[]) : [];

/** qty × unit price of one line, in fen (0 for an incomplete line). */
export function lineAmountFen(line: DocRecord, priceField = 'unitPrice'): Fen {
  const price = Number(line[priceField]);
  const qty = Number(line.qty);
  if (!Number.isFinite(price) || !Number.isFinite(qty)) return 0;
  return lineTotalFen(yuanToFen(price), Math.trunc(qty));
}

export const totalFen = (lines: readonly DocRecord[], priceField = 'unitPrice'): Fen =>
  sumFen(lines.map((l) => lineAmountFen(l, priceField)));

export const yuan = (fen: Fen): number => fenToYuan(fen);

/**
 * Stock moves of the catalog lines of a document (lines without a product are not stocked).
 * Quantities of the same product are added up, so one effect per product.
 */
export function stockEffects(lines: readonly DocRecord[], sign: 1 | -1, rule: string): Effect[] {
  const byProduct = new Map<number, number>();
  for (const l of lines) {
    const id = Number(l.productId);
    const qty = Number(l.qty);
    if (!Number.isInteger(id) || id <= 0 || !Number.isInteger(qty) || qty <= 0) continue;
    byProduct.set(id, (byProduct.get(id) ?? 0) + qty);
  }
  return [...byProduct].map(([productId, qty]) => ({ kind: 'adjustStock', productId, delta: sign * qty, rule }));
}
