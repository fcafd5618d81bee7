import { DEFINITIONS } from '../../../src/domain/documents';
import type { ExportedState } from '../types';
import type { PgStore } from './pgStore';

/** users first, then what refers to them; the rest in the definitions' order */
const ORDER = ['users', 'customers', 'products', 'orders', 'auditLog'];

/**
 * A snapshot in the json store's format (a backup, a db.json, an old PGlite folder's contents)
 * into an empty PostgreSQL store: ids, codes, password hashes and the daily code counters kept,
 * the records in one transaction, then the id sequences moved past them and the tables analysed.
 * Every table's count is checked against the snapshot; the counts are returned.
 */
export async function importState(store: PgStore, state: { [resource: string]: unknown; _meta: Pick<ExportedState['_meta'], 'counters' | 'passwordHashes'> }): Promise<Record<string, number>> {
  if (!(await store.isEmpty())) throw new Error('The target database already holds data; import only into an empty one.');
  const resources = [...ORDER, ...Object.keys(DEFINITIONS).filter((r) => !ORDER.includes(r))];
  const counts: Record<string, number> = {};
  await store.transaction(async (tx) => {
    for (const r of resources) {
      const rows = (state[r] as Record<string, unknown>[]) ?? [];
      for (const row of rows) {
        if (r === 'auditLog') await tx.audit(row as never);
        else await tx.insert(r, row);
      }
      counts[r] = rows.length;
    }
    for (const [userId, hash] of Object.entries(state._meta.passwordHashes)) await tx.setPasswordHash(Number(userId), hash);
  });
  for (const [key, value] of Object.entries(state._meta.counters)) await store.setCounter(key, value);
  await store.resetSequences();
  await store.settle();
  for (const r of resources) {
    const { total } = await store.list(r, { filter: {}, sort: { field: 'id', order: 'ASC' }, range: [0, 0] });
    if (total !== counts[r]) throw new Error(`${r}: imported ${counts[r]} but the database holds ${total}`);
  }
  return counts;
}
