import type { DocRecord } from '../../src/domain/definition';
import { tierOf } from '../../src/domain/rules/customerTier';
import type { Store } from '../../server/store/types';

/**
 * Test fixtures' customer terms. The tier (5.6.2) follows the volume and settlement / credit limit
 * (5.11.2) change only through an approved credit application, so no request may set them; a
 * fixture that needs a key account or a credit customer writes them into the store as the daily
 * job (a volume over 5000 a month) and an approved credit line (review in six months) would have
 * left them.
 */
export const TERM_FIELDS = ['tier', 'settlement', 'creditLimit', 'creditReviewDue'] as const;

export function splitTerms(extra: Record<string, unknown>): {
  terms: Record<string, unknown>;
  rest: Record<string, unknown>;
} {
  const terms: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(extra))
    ((TERM_FIELDS as readonly string[]).includes(k) && !(k === 'tier' && v === 'smb') ? terms : rest)[k] = v;
  return { terms, rest };
}

export async function giveTerms(
  store: Store,
  id: number,
  terms: Record<string, unknown>,
): Promise<DocRecord & { id: number }> {
  return store.transaction(async (tx) => {
    const current = await tx.lock('customers', id);
    if (!current) throw new Error(`no customer ${id}`);
    const next: DocRecord = { ...current };
    if (terms.tier === 'keyAccount') Object.assign(next, { volumeTier: 'keyAccount', monthlyVolume: 6000 });
    if (terms.settlement === 'credit')
      Object.assign(next, {
        settlement: 'credit',
        creditLimit: Number(terms.creditLimit ?? 0),
        creditReviewDue: terms.creditReviewDue ?? '2027-05-27',
      });
    else if (terms.creditLimit !== undefined) next.creditLimit = Number(terms.creditLimit);
    if (terms.creditReviewDue !== undefined) next.creditReviewDue = terms.creditReviewDue;
    Object.assign(next, tierOf(next), { version: Number(current.version) + 1 });
    if (!(await tx.update('customers', next as DocRecord & { id: number }, Number(current.version))))
      throw new Error('customer changed');
    return next as DocRecord & { id: number };
  });
}

/** the test server's stores by their base URL, for fixtures that only hold a client */
export const STORES = new Map<string, Store>();
