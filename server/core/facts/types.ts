import type { DocRecord } from '../../../src/domain/definition';
import type { Reader } from '../../store/types';

/** Computes a named fact for a document from other records (SQL through the store). */
export type FactLoader = ((r: Reader, doc: DocRecord, now: Date) => Promise<number | boolean | string | null>) & {
  /** the row that decides this fact's answer, locked before it is read in a write (see decidedBy) */
  lockRow?: (doc: DocRecord) => RowRef | null;
};

export interface RowRef {
  resource: string;
  id: number;
}

/**
 * A fact that decides a write from other rows — the credit the customer's other orders use, the
 * order's other notes, what its other returns take back — is only true while nobody adds to those
 * rows. Every write that reads it first locks one row they all share (the customer, the order,
 * the assistant: `SELECT … FOR UPDATE` in its transaction, server/core/context.ts), so two such
 * writes take turns: the second reads the fact once the first has committed, never a
 * check-then-insert race. Reads outside a transaction (previews, the actions a screen offers)
 * lock nothing.
 */
export function decidedBy(row: (doc: DocRecord) => RowRef | null, load: FactLoader): FactLoader {
  return Object.assign(load, { lockRow: row });
}

/** the row named by a document's reference field, when it is set */
export const refRow =
  (resource: string, field: string) =>
  (doc: DocRecord): RowRef | null =>
    typeof doc[field] === 'number' ? { resource, id: doc[field] as number } : null;
