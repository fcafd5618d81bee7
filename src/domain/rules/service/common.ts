import { shanghaiDate } from '../../calendar';
import type { DocRecord, RuleContext } from '../../definition';
import { refusal, type Refusal } from '../../refusal';

/** Helpers shared by the service documents (returns, complaints, loans, tickets, logs, feedback). */

const DAY_MS = 86_400_000;

function utcDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** Calendar days from `from` to `to` ('YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

/** The Shanghai day of an ISO instant, or null. */
export function dayOf(iso: unknown): string | null {
  return typeof iso === 'string' && iso ? shanghaiDate(new Date(iso)) : null;
}

export const nowIso = (ctx: RuleContext): string => ctx.now.toISOString();

/** Assistants act only on their own documents (the owner field, else the creator); other roles pass. */
export const ownDocument =
  (field = 'assistantId') =>
  (doc: DocRecord, ctx: RuleContext): Refusal | null =>
    ctx.user.role !== 'assistant' || doc[field] === ctx.user.id || doc.createdBy === ctx.user.id
      ? null
      : refusal('forbidden', '只能处理自己的单据', 'You can only act on your own documents');

export const linesOf = (doc: DocRecord, field = 'lines'): DocRecord[] =>
  Array.isArray(doc[field]) ? (doc[field] as DocRecord[]) : [];

export const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v) || 0);
