import { addDays } from '../../src/domain/calendar';
import type { DocRecord } from '../../src/domain/definition';
import type { Actor, AssistantGroup, Role } from '../../src/domain/roles';
import type { Store } from '../store/types';
import { buildProducts } from './catalog';
import { atMinute, shanghaiDate } from './clock';
import { buildCustomers } from './customers';
import { seedCreditFollowUps } from './creditFollowUps';
import { generateOrders } from './orders';
import { DEMO_PASSWORD, DEMO_USERS } from './people';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { seedApprovalsDocs } from './docs-approvals';
import { seedSalesDocs } from './docs-sales';
import { seedServiceDocs } from './docs-service';
import { seedMemberFollowUps } from './service/memberFollowUps';
import { seedByWorkflow } from './byWorkflow';
import { DEFINITIONS } from '../../src/domain/documents';
import { createRng } from './random';
import type { SeedDocsContext } from './walk';
import { branchCatalog } from './branch/catalog';
import { orderInfo, type OrderInfo } from './branch/kit';
import { seedBranchVolume } from './branch';

/**
 * The demo branch (深圳分公司 客户服务中心): users, catalog, customers and several weeks of
 * orders up to `now`, written through the Store. Deterministic for a given `seed` and `now`
 * (password hashes aside: they are salted).
 */

export interface SeedOptions {
  /** the end of the seeded history (default: the real clock) */
  now?: Date;
  /** number of customers (default 200) */
  customers?: number;
  /** calendar days of orders back from today, today included (default 35) */
  days?: number;
  /** orders on an average full working day (default 40) */
  perWorkingDay?: number;
  seed?: number;
  /**
   * 'demo' (default): the demo's handful of documents in every state, a ~150-product catalog.
   * 'branch': a branch's real volume over the seeded window — ~1,500 products and documents in
   * proportion to the orders (quotes ≈ 10 %, returns ≈ 2.5 %, complaints ≈ 2 %, sample loans ≈ 1.25 %,
   * the other documents a few a week), spread over the days, old ones mostly closed, recent ones open.
   */
  volume?: SeedVolume;
  /** told what the branch volume is doing (a line per document family, with its seconds) */
  progress?: (msg: string) => void;
  hashPassword: (pw: string) => Promise<string>;
}

export type SeedVolume = 'demo' | 'branch';

export const SEED_DEFAULTS = { customers: 200, days: 35, perWorkingDay: 40, seed: 20_260_101 } as const;

/** Records per transaction, so a big seed does not hold one giant transaction. */
const CHUNK = 500;

export async function seedDemoBranch(store: Store, opts: SeedOptions): Promise<Record<string, number>> {
  const now = opts.now ?? new Date();
  const seed = opts.seed ?? SEED_DEFAULTS.seed;
  const days = opts.days ?? SEED_DEFAULTS.days;
  const rng = createRng(seed);
  // master data "exists" from a month before the first seeded day
  const systemStart = atMinute(addDays(shanghaiDate(now), -(Math.max(1, days) + 30)), 8 * 60 + 30);
  const stamp = (createdBy: number | null, at = systemStart.toISOString()) => ({
    createdAt: at,
    updatedAt: at,
    createdBy,
    version: 1,
    approvals: [],
  });

  // users (password hashes beside them), hashed before the transaction, in parallel
  const hashes = await Promise.all(DEMO_USERS.map(() => opts.hashPassword(DEMO_PASSWORD)));
  const users = await store.transaction(async (tx) => {
    const stored: DocRecord[] = [];
    for (const [i, u] of DEMO_USERS.entries()) {
      const rec = await tx.insert('users', { ...u, ...stamp(null) });
      await tx.setPasswordHash(Number(rec.id), hashes[i]);
      stored.push(rec);
    }
    return stored;
  });
  const actors = users.map(toActor);
  const byUsername = new Map(actors.map((a) => [a.username, a]));
  const adminId = byUsername.get('admin')?.id ?? null;
  const idsOf = (group: AssistantGroup) =>
    actors.filter((a) => a.role === 'assistant' && a.group === group).map((a) => a.id);

  const branch = opts.volume === 'branch';
  const catalog = branch ? branchCatalog() : undefined;
  const products = await insertChunked(
    store,
    'products',
    buildProducts(rng.fork('products'), catalog).map((p) => ({ ...p, ...stamp(adminId) })),
  );

  const customerRecords = buildCustomers(rng.fork('customers'), {
    count: opts.customers ?? SEED_DEFAULTS.customers,
    now,
    systemStart,
    assistants: { keyAccount: idsOf('keyAccount'), smb: idsOf('smb'), salesSupport: idsOf('salesSupport') },
    salesRepId: actors.find((a) => a.role === 'salesRep')?.id ?? null,
    adminId,
  }).map((c) => ({ ...c, version: 1, approvals: [] }));
  const customers = await insertChunked(store, 'customers', customerRecords);

  const orderStream = generateOrders(rng.fork('orders'), {
    now,
    days,
    perWorkingDay: opts.perWorkingDay ?? SEED_DEFAULTS.perWorkingDay,
    customers,
    products,
    users: actors,
  });
  // codes come from the store's daily counters, so orders entered later continue the sequence
  let orders = 0;
  // the branch volume's documents refer to the seeded orders: a light index of them (the stream is not kept)
  const orderIndex: OrderInfo[] | null = branch ? [] : null;
  for (let chunk = takeChunk(orderStream); chunk.length; chunk = takeChunk(orderStream)) {
    orders += await store.transaction(async (tx) => {
      for (const rec of chunk) {
        const key = String(rec.code).slice(0, 11); // 'SO-YYYYMMDD'
        const n = await tx.nextNumber(key);
        const { prints, ...fields } = rec as DocRecord & { prints?: DocRecord[] };
        const saved = await tx.insert('orders', { ...fields, code: `${key}-${String(n).padStart(4, '0')}` });
        // 6.2.4 the order desk's prints of the delivery list: audit entries, as recordPrint writes them
        for (const p of prints ?? []) {
          await tx.audit({
            at: String(p.at),
            userId: Number(p.by),
            userName: String(p.byName),
            resource: 'orders',
            recordId: Number(saved.id),
            code: String(saved.code),
            action: 'print',
            changes: { form: p.form },
          });
        }
        orderIndex?.push(orderInfo(saved));
      }
      return chunk.length;
    });
  }

  const settingsRows = await insertChunked(store, 'settings', [{ ...DEFAULT_SETTINGS, ...stamp(adminId) }]);

  // every other document, through the real services (rules, routing, effects)
  const docsCtx: SeedDocsContext = {
    store,
    now,
    rng: rng.fork('documents'),
    users: actors,
    user: (username) => {
      const a = byUsername.get(username);
      if (!a) throw new Error(`no demo user ${username}`);
      return a;
    },
  };
  const docCounts = {
    ...(await seedSalesDocs({ ...docsCtx, rng: rng.fork('sales') })),
    ...(await seedServiceDocs({ ...docsCtx, rng: rng.fork('service') })),
    ...(await seedApprovalsDocs({ ...docsCtx, rng: rng.fork('approvals') })),
  };
  // 5.5.2 hand-offs, and the daily job's first run: tiers by volume (5.6.2), reviews due (5.11.4)
  Object.assign(docCounts, await seedCreditFollowUps(docsCtx, customers, products));
  // a type without a seed module of its own (one registered beside these): a document in every state, by walking its workflow
  for (const def of Object.values(DEFINITIONS)) {
    if (
      !def.workflow ||
      def.resource === 'orders' ||
      def.resource === 'memberFollowUps' ||
      Object.hasOwn(docCounts, def.resource)
    )
      continue;
    docCounts[def.resource] = await seedByWorkflow({ ...docsCtx, rng: rng.fork(def.resource) }, def);
  }
  // 5.8.4 last of all (its dormant members change no other seeded document): idle members on their
  // assistants' lists; then the customers counted with them
  const followUps = () => seedMemberFollowUps({ ...docsCtx, rng: rng.fork('memberFollowUps') });
  const total = async (resource: string) =>
    (await store.list(resource, { filter: {}, sort: { field: 'id', order: 'ASC' }, range: [0, 0] })).total;

  if (!orderIndex) {
    const memberFollowUps = await followUps();
    return {
      users: users.length,
      products: products.length,
      customers: await total('customers'),
      orders,
      settings: settingsRows.length,
      ...docCounts,
      memberFollowUps,
    };
  }

  // the branch volume: a year's worth of every document on top of the demo's showcase above
  const volumeCounts = await seedBranchVolume({
    store,
    now,
    rng: rng.fork('branch'),
    users: actors,
    days,
    perWorkingDay: opts.perWorkingDay ?? SEED_DEFAULTS.perWorkingDay,
    orders: orderIndex,
    progress: opts.progress,
  });
  await followUps();
  // (the demo's `salesOrders` is not reported: `ordersFromDocuments` counts all orders the documents made)
  const rest: Record<string, number> = {
    users: users.length,
    products: products.length,
    orders,
    settings: settingsRows.length,
    ...docCounts,
  };
  delete rest.salesOrders;
  return {
    ...rest,
    ...volumeCounts,
    customers: await total('customers'),
    memberFollowUps: await total('memberFollowUps'),
    auditLog: await total('auditLog'),
  };
}

async function insertChunked(store: Store, resource: string, records: readonly DocRecord[]): Promise<DocRecord[]> {
  const stored: DocRecord[] = [];
  for (let i = 0; i < records.length; i += CHUNK) {
    const chunk = records.slice(i, i + CHUNK);
    const rows = await store.transaction(async (tx) => {
      const out: DocRecord[] = [];
      for (const rec of chunk) out.push(await tx.insert(resource, rec));
      return out;
    });
    stored.push(...rows);
  }
  return stored;
}

function takeChunk(it: Iterator<DocRecord>): DocRecord[] {
  const chunk: DocRecord[] = [];
  while (chunk.length < CHUNK) {
    const r = it.next();
    if (r.done) break;
    chunk.push(r.value);
  }
  return chunk;
}

function toActor(u: DocRecord): Actor {
  return {
    id: Number(u.id),
    username: String(u.username),
    fullName: String(u.fullName),
    role: u.role as Role,
    group: (u.group ?? null) as AssistantGroup | null,
  };
}

export { DEMO_PASSWORD, DEMO_USERS } from './people';
export { CATALOG } from './catalog';
