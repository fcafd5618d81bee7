import { DEFINITIONS } from '../../src/domain/documents';
import type { Store } from './types';

/** the tables that hold records, with their counts (the start's check before seeding: seed only into a store with none) */
export async function heldRecords(store: Store): Promise<Record<string, number>> {
  const held: Record<string, number> = {};
  for (const resource of Object.keys(DEFINITIONS)) {
    const { total } = await store.list(resource, { filter: {}, sort: { field: 'id', order: 'ASC' }, range: [0, 0] });
    if (total > 0) held[resource] = total;
  }
  return held;
}

/** a store without users but with other records is damaged: the start refuses it instead of seeding the demo into it */
export function damagedStoreMessage(where: string, held: Record<string, number>): string {
  const what = Object.entries(held)
    .map(([r, n]) => `${n} ${r}`)
    .join(', ');
  return (
    `${where}: 数据中没有用户，却有其他记录（${what}），未做任何更改 — the store holds no users but holds ${what}: ` +
    `it is damaged (users lost), so the demo branch is not seeded into it. Restore a backup into an empty DATA_DIR (npm run restore); nothing was changed.`
  );
}
