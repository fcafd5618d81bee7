import { DEFINITIONS } from '../../../src/domain/documents';
import type { ExportedState } from '../types';
import { checkImportMeta, checkImportText, explainRefusedRecord } from './importCheck';
import type { PgStore } from './pgStore';

/** users first, then what refers to them; the rest in the definitions' order */
const ORDER = ['users', 'customers', 'products', 'orders', 'auditLog'];

/**
 * A snapshot in the json store's format (a backup, a db.json, an old PGlite folder's contents)
 * into an empty PostgreSQL store: ids, codes, password hashes and the daily code counters kept,
 * the records in one transaction, then the id sequences moved past them and the tables analysed.
 * Every table's count is checked against the snapshot; the counts are returned. A record PostgreSQL
 * would refuse stops it before anything is kept, naming the resource, id and field (importCheck.ts).
 */
export async function importState(
  store: PgStore,
  state: { [resource: string]: unknown; _meta: Pick<ExportedState['_meta'], 'counters' | 'passwordHashes'> },
): Promise<Record<string, number>> {
  if (!(await store.isEmpty()))
    throw new Error('The target database already holds data; import only into an empty one.');
  const resources = [...ORDER, ...Object.keys(DEFINITIONS).filter((r) => !ORDER.includes(r))];
  checkImportText(state, resources);
  checkImportMeta(state._meta);
  const counts: Record<string, number> = {};
  await store.transaction(async (tx) => {
    for (const r of resources) {
      const rows = (state[r] as Record<string, unknown>[]) ?? [];
      for (const row of rows) {
        try {
          if (r === 'auditLog') await tx.audit(row as never);
          else await tx.insert(r, row);
        } catch (e) {
          // the transaction is lost anyway (nothing is imported): say which record and field, not just PostgreSQL's words
          throw await explainRefusedRecord(store.sql, r, row, e);
        }
      }
      counts[r] = rows.length;
    }
    for (const [userId, hash] of Object.entries(state._meta.passwordHashes))
      await tx.setPasswordHash(Number(userId), hash);
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
