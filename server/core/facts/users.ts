import type { Reader, Tx } from '../../store/types';
import type { FactName } from '../../../src/domain/factNames';
import type { FactLoader } from './types';

/** the key under which writes that may take away an admin wait for each other */
export const ADMINS_KEY = 'users.activeAdmins';

export const userFacts: Partial<Record<FactName, FactLoader>> = {
  /**
   * Active admins other than this user (rules/users.ts: the last one stays). In a write it is read
   * with the other such writes waiting (Tx.serialize): two admins demoting each other at once — the
   * second reads the first's change and is refused, so the desk never ends with none.
   */
  otherActiveAdmins: async (r: Reader, doc) => {
    if (doc.id == null) return null;
    const tx = r as Partial<Tx>;
    if (typeof tx.serialize === 'function') await tx.serialize(ADMINS_KEY);
    const { total } = await r.list('users', {
      filter: { role: 'admin', active: true, id_neq: Number(doc.id) },
      sort: { field: 'id', order: 'ASC' },
      range: [0, 0],
    });
    return total;
  },
};
