import type { DocRecord, DocumentDefinition, RuleContext } from '../../src/domain/definition';
import { getDefinition } from '../../src/domain/documents';
import { CREDIT_USING_STATUSES } from '../../src/domain/documents/orders';
import type { Actor } from '../../src/domain/roles';
import type { Reader } from '../store/types';

/**
 * Loads what a definition's rules look at: referenced records (customer), the records its
 * lines reference (products) and named facts computed from other records (creditUsed).
 */

type FactLoader = (r: Reader, doc: DocRecord) => Promise<number | boolean | string | null>;

const FACTS: Record<string, FactLoader> = {
  /** 5.10.4 credit in use: this customer's other open credit orders */
  creditUsed: (r, doc) =>
    doc.customerId
      ? r.sum('orders', 'total', { customerId: Number(doc.customerId), paymentMethod: 'credit', status: [...CREDIT_USING_STATUSES], ...(doc.id ? { id_neq: Number(doc.id) } : {}) })
      : Promise.resolve(0),
};

export async function loadContext(reader: Reader, def: DocumentDefinition, doc: DocRecord, user: Actor, now: Date, settings: Record<string, unknown> = {}): Promise<RuleContext> {
  const refs: RuleContext['refs'] = {};
  const lineRefs: RuleContext['lineRefs'] = {};
  for (const [name, f] of Object.entries(def.fields)) {
    if (f.type === 'ref' && f.ref && typeof doc[name] === 'number' && isStored(f.ref)) refs[name] = await reader.get(f.ref, doc[name] as number);
    if (f.type === 'lines' && Array.isArray(doc[name])) {
      for (const [ln, lf] of Object.entries(f.lineFields ?? {})) {
        if (lf.type !== 'ref' || !lf.ref || !isStored(lf.ref)) continue;
        const ids = [...new Set((doc[name] as DocRecord[]).map((l) => l[ln]).filter((v): v is number => typeof v === 'number'))];
        const rows = await reader.getMany(lf.ref, ids);
        lineRefs[ln] = Object.fromEntries(rows.map((r) => [Number(r.id), r]));
      }
    }
  }
  const facts: RuleContext['facts'] = {};
  for (const name of def.facts ?? []) facts[name] = FACTS[name] ? await FACTS[name](reader, doc) : null;
  return { now, user, refs, lineRefs, facts, settings };
}

/** refs to resources that have no definition yet (e.g. quotes before issue 3) are not loaded */
const isStored = (r: string) => getDefinition(r) !== undefined;
