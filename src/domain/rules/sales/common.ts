import type { DocRecord, RuleContext } from '../../definition';
import { fenToYuan, yuanToFen, type Fen } from '../../money';
import { refusal, type Refusal } from '../../refusal';

/**
 * Helpers shared by the sales documents (quotes, inquiries, requisitions, special orders,
 * handwritten notes, urgent deliveries, memberships).
 */

/** Assistants act on their own documents (owner field, or the creator); other roles are not limited. */
export const ownDocument =
  (ownerField: string) =>
  (doc: DocRecord, ctx: RuleContext): Refusal | null => {
    if (ctx.user.role !== 'assistant') return null;
    const owner = doc[ownerField] ?? doc.createdBy;
    return owner == null || owner === ctx.user.id || doc.createdBy === ctx.user.id
      ? null
      : refusal('forbidden', '只能处理自己的单据', 'You can only act on your own documents');
  };

/** 5.10.3 custom goods: 30 % deposit before ordering (rounded half up to the fen). */
export const CUSTOM_DEPOSIT_PERCENT = 30;
export function depositFen(totalFen: Fen, percent = CUSTOM_DEPOSIT_PERCENT): Fen {
  return Math.floor((totalFen * percent + 50) / 100);
}

export const yuan = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
export const fen = (v: unknown): Fen => yuanToFen(yuan(v));
export { fenToYuan };

export const linesOf = (doc: DocRecord, field = 'lines'): DocRecord[] =>
  Array.isArray(doc[field]) ? (doc[field] as DocRecord[]) : [];

export const nowIso = (ctx: RuleContext) => ctx.now.toISOString();

/** Statuses of an order from approval on (approved or later, not cancelled). */
export const ORDER_APPROVED_OR_LATER: readonly string[] = [
  'approved',
  'picked',
  'invoiced',
  'shipped',
  'delivered',
  'closed',
];
