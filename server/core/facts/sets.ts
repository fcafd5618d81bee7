import type { FactName } from '../../../src/domain/factNames';
import { SET_FACTS, type SetFact } from '../../../src/domain/facts';
import { fenToYuan, yuanToFen } from '../../../src/domain/money';
import { decidedBy, refRow, type FactLoader } from './types';

/** A declared set fact (src/domain/facts.ts) executed through the store: a count or a sum (of the others of its own type: the document itself left out). */
function setFactLoader(f: SetFact): FactLoader {
  const load: FactLoader = async (r, doc, now) => {
    const own = f.where(doc, now);
    if (!own) return 0;
    const filter = { ...f.of.where, ...own, ...(f.others && doc.id ? { id_neq: Number(doc.id) } : {}) };
    if ('sum' in f.measure) return fenToYuan(yuanToFen(await r.sum(f.of.resource, f.measure.sum, filter)));
    const { total } = await r.list(f.of.resource, { filter, sort: { field: 'id', order: 'ASC' }, range: [0, 0] });
    return total;
  };
  return f.decidedBy ? decidedBy(refRow(f.decidedBy.resource, f.decidedBy.field), load) : load;
}

export const setFacts: Partial<Record<FactName, FactLoader>> = Object.fromEntries(
  Object.entries(SET_FACTS).map(([name, f]) => [name, setFactLoader(f)]),
);
