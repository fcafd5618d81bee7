import { canRole } from '../../src/domain/definition';
import { getDefinition } from '../../src/domain/documents';
import type { Role } from '../../src/domain/roles';
import { q, type Api, type Recorder } from './http';
import { expectedTotal, type Content, type Ledger, type Line } from './ledger';

/**
 * The simulated users. Each runs a bounded loop of steps with think time between them and stops
 * at the deadline (a step already under way finishes; no new request starts after the deadline).
 *   clerk   — assistant…assistant8: enters phone orders for SMB cash customers at catalog price,
 *             edits drafts (its own and its account's other sessions': PUT with the version it
 *             saw, so 409 races happen), submits them, picks up returned (rejected) orders.
 *   manager — csmanager: lists submitted orders (oldest first, so managers collide), opens some,
 *             approves (now and then returns one of the run's orders with a comment).
 *   reader  — teamlead, orderdesk, …: pages lists with filters, sort and search, opens records,
 *             resolves references (getMany), runs reports, looks at "my work".
 */

export interface World {
  base: string;
  rec: Recorder;
  ledger: Ledger;
  /** performance.now() after which no user starts a request */
  deadline: number;
  thinkMs: number;
  /** users start spread over this many ms after the window opens */
  rampMs: number;
  customers: { id: number; name: string }[];
  products: { id: number; catalogPrice: number }[];
  /** YYYY-MM-DD in Shanghai */
  today: string;
}

export interface Session {
  api: Api;
  user: { id: number; username: string; role: string; group: string | null };
}

/** mulberry32: small, seeded, good enough to pick things */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

/** at most this many steps per user, whatever the clock says */
const MAX_STEPS = 100_000;
const live = (w: World) => performance.now() < w.deadline;

/** wait a random part of the ramp before the first step, so the users do not all start at once */
async function rampUp(w: World, r: Rng) {
  const ms = r.next() * w.rampMs;
  if (ms > 0) await new Promise((res) => setTimeout(res, ms));
}

async function think(w: World, r: Rng) {
  if (w.thinkMs <= 0) return;
  const ms = Math.min(w.thinkMs * (0.2 + 1.6 * r.next()), Math.max(0, w.deadline - performance.now()));
  if (ms > 0) await new Promise((res) => setTimeout(res, ms));
}

// ---------------------------------------------------------------- clerks

interface Draft {
  version: number;
  content: Content;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const contentOf = (rec: any): Content => {
  const lines: Line[] = (rec.lines ?? []).map((l: Line) => ({
    productId: Number(l.productId),
    qty: Number(l.qty),
    unitPrice: Number(l.unitPrice),
  }));
  return { customerId: Number(rec.customerId), lines, total: expectedTotal(lines) };
};

function newLines(w: World, r: Rng): Line[] {
  const n = r.int(1, 4);
  const chosen = new Set<number>();
  const out: Line[] = [];
  while (out.length < n && chosen.size < w.products.length) {
    const p = r.pick(w.products);
    if (chosen.has(p.id)) continue;
    chosen.add(p.id);
    out.push({ productId: p.id, qty: r.int(1, 20), unitPrice: p.catalogPrice });
  }
  return out;
}

function editedLines(w: World, r: Rng, lines: Line[]): Line[] {
  const out = lines.map((l) => ({ ...l }));
  const op = r.next();
  if (op < 0.2 && out.length > 1) out.splice(r.int(0, out.length - 1), 1);
  else if (op < 0.45 && out.length < 8) {
    const used = new Set(out.map((l) => l.productId));
    const p = r.pick(w.products);
    if (!used.has(p.id)) out.push({ productId: p.id, qty: r.int(1, 20), unitPrice: p.catalogPrice });
  } else if (out.length > 0) {
    const l = out[r.int(0, out.length - 1)];
    l.qty = l.qty >= 20 ? l.qty - r.int(1, 10) : l.qty + r.int(1, 10);
  }
  return out;
}

export async function clerk(w: World, s: Session, seed: number, label: string) {
  const r = rng(seed);
  await rampUp(w, r);
  const mine = new Map<number, Draft>();
  let edits = 0;

  const submit = async (id: number, version: number) => {
    const res = await s.api.call(
      'order.submit',
      'POST',
      `/orders/${id}/actions/submit`,
      { version },
      { expect409: true },
    );
    if (res.status === 200) w.ledger.acted(label, 'submit', res.body);
    mine.delete(id);
  };

  const create = async () => {
    const lines = newLines(w, r);
    const content: Content = { customerId: r.pick(w.customers).id, lines, total: expectedTotal(lines) };
    const res = await s.api.call('order.create', 'POST', '/orders', {
      customerId: content.customerId,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      lines,
      note: `load ${label}`,
    });
    if (res.status !== 201) return;
    w.ledger.created(label, content, res.body);
    const id = Number(res.body.id);
    mine.set(id, { version: Number(res.body.version), content });
    if (r.chance(0.25) && live(w)) await submit(id, Number(res.body.version));
  };

  /** a draft to edit: one this session made, or one from the account's list of drafts/returned */
  const pickDraft = async (): Promise<[number, Draft] | null> => {
    if (mine.size > 0 && r.chance(0.5)) {
      const id = r.pick([...mine.keys()]);
      return [id, mine.get(id)!];
    }
    const res = await s.api.get(
      'order.list.mine',
      '/orders' +
        q({
          filter: { assistantId: s.user.id, status: ['draft', 'rejected'] },
          sort: ['updatedAt', 'DESC'],
          range: [0, 9],
        }),
    );
    if (res.status !== 200 || !Array.isArray(res.body)) return null;
    // only the run's orders: the seed's drafts may carry quote prices the run does not model
    const rows = res.body.filter((o: { id: number }) => w.ledger.isRunCreated(Number(o.id)));
    if (rows.length === 0) return null;
    const row = r.pick(rows) as { id: number; version: number };
    return [Number(row.id), { version: Number(row.version), content: contentOf(row) }];
  };

  const edit = async () => {
    const picked = await pickDraft();
    if (!picked || !live(w)) return;
    const [id, draft] = picked;
    const lines = editedLines(w, r, draft.content.lines);
    const customerId = r.chance(0.1) ? r.pick(w.customers).id : draft.content.customerId;
    const content: Content = { customerId, lines, total: expectedTotal(lines) };
    edits++;
    const res = await s.api.call(
      'order.update',
      'PUT',
      `/orders/${id}`,
      { version: draft.version, customerId, lines, note: `load ${label} edit ${edits}` },
      { expect409: true },
    );
    if (res.status === 200) {
      w.ledger.updated(label, content, res.body);
      mine.set(id, { version: Number(res.body.version), content });
      if (r.chance(0.35) && live(w)) await submit(id, Number(res.body.version));
    } else mine.delete(id); // stale or no longer editable: look it up again from the list
  };

  for (let step = 0; step < MAX_STEPS && live(w); step++) {
    const x = r.next();
    if (x < 0.4 || (mine.size === 0 && x < 0.55)) await create();
    else if (x < 0.75) await edit();
    else if (x < 0.88 && mine.size > 0) {
      const id = r.pick([...mine.keys()]);
      await submit(id, mine.get(id)!.version);
    } else
      await s.api.get(
        'order.list.mine',
        '/orders' + q({ filter: { assistantId: s.user.id }, sort: ['receivedAt', 'DESC'], range: [0, 24] }),
      );
    await think(w, r);
  }
}

// ---------------------------------------------------------------- managers

export async function manager(w: World, s: Session, seed: number, label: string) {
  const r = rng(seed);
  await rampUp(w, r);
  const refused = new Set<number>(); // 422 (e.g. 5.11.3 overdue credit): not asked again
  for (let step = 0; step < MAX_STEPS && live(w); step++) {
    if (r.chance(0.1)) {
      await s.api.get('myWork', '/myWork');
      await think(w, r);
      continue;
    }
    const list = await s.api.get(
      'order.list.submitted',
      '/orders' + q({ filter: { status: 'submitted' }, sort: ['receivedAt', 'ASC'], range: [0, 24] }),
    );
    const rows = (Array.isArray(list.body) ? list.body : []).filter(
      (o: { id: number }) => !refused.has(Number(o.id)),
    ) as { id: number; version: number; code: string }[];
    const head = rows.slice(0, 8);
    for (let k = r.int(1, 3); k > 0 && head.length > 0 && live(w); k--) {
      const row = head.splice(r.int(0, head.length - 1), 1)[0];
      let version = Number(row.version);
      if (r.chance(0.3)) {
        const shown = await s.api.get('order.show', `/orders/${row.id}`);
        await s.api.get('order.actions', `/orders/${row.id}/actions`);
        if (shown.status === 200) version = Number(shown.body.version);
        if (!live(w)) break;
      }
      const reject = w.ledger.isRunCreated(Number(row.id)) && r.chance(0.08);
      const res = reject
        ? await s.api.call(
            'order.reject',
            'POST',
            `/orders/${row.id}/actions/reject`,
            { version, comment: `load ${label}: please recheck the quantities` },
            { expect409: true },
          )
        : await s.api.call(
            'order.approve',
            'POST',
            `/orders/${row.id}/actions/approve`,
            { version },
            { expect409: true },
          );
      if (res.status === 200) w.ledger.acted(label, reject ? 'reject' : 'approve', res.body);
      else if (res.status === 422) refused.add(Number(row.id));
    }
    await think(w, r);
  }
}

// ---------------------------------------------------------------- readers

/** what each reading role looks at (kept to what the role may read) */
const MENUS: Record<string, string[]> = {
  teamlead: ['orders', 'orders', 'customers', 'complaints', 'quotes', 'workLogs', 'auditLog'],
  orderdesk: ['orders', 'orders', 'requisitions', 'urgentDeliveries', 'handwrittenNotes', 'transfers'],
  salesrep: ['customers', 'orders', 'quotes', 'complaints', 'inquiries', 'feedbacks'],
  supervisor: ['complaints', 'inquiries', 'feedbacks', 'quotes', 'orders'],
  warehouse: ['orders', 'orders', 'returns', 'transfers', 'scraps', 'products'],
  finance: ['orders', 'customers', 'sampleLoans', 'returns', 'serviceTickets'],
  salesmgr: ['quotes', 'complaints', 'feedbacks', 'creditApplications', 'orders'],
  gm: ['orders', 'discounts', 'gifts', 'quotes', 'auditLog'],
  merch: ['products', 'returns', 'serviceTickets', 'transfers', 'orders'],
  purchasing: ['products', 'requisitions', 'inquiries', 'specialOrders', 'orders'],
  driver: ['orders', 'returns', 'urgentDeliveries'],
  findirector: ['orders', 'gifts', 'scraps', 'customers'],
};
export const READER_USERNAMES = Object.keys(MENUS);
const REPORT_ROLES: readonly string[] = [
  'teamLead',
  'csManager',
  'branchGM',
  'salesManager',
  'financeDirector',
  'admin',
];

const SEARCH_WORDS = ['SO-', '公司', '科技', '贸易', '有限', '深圳', '138', 'A4', '0'];

function listQuery(
  w: World,
  r: Rng,
  resource: string,
): { filter: Record<string, unknown>; sort?: [string, 'ASC' | 'DESC'] } {
  const def = getDefinition(resource)!;
  const filter: Record<string, unknown> = {};
  if (def.workflow && r.chance(0.5)) filter.status = r.pick(Object.keys(def.workflow.states));
  if (resource === 'orders') {
    if (r.chance(0.2)) filter.channel = r.pick(['web', 'phone']);
    if (r.chance(0.15)) filter.paymentMethod = r.pick(['cash', 'credit']);
    if (r.chance(0.25)) filter.receivedAt_gte = new Date(Date.now() - r.int(1, 10) * 86_400_000).toISOString();
    if (r.chance(0.1)) filter.customerId = r.pick(w.customers).id;
  }
  if (resource === 'customers' && r.chance(0.4)) filter.tier = r.pick(['keyAccount', 'smb']);
  const searchable = Object.values(def.fields).some((f) => f.search);
  if (searchable && r.chance(0.25))
    filter.q = r.chance(0.3) ? r.pick(w.customers).name.slice(0, 2) : r.pick(SEARCH_WORDS);
  const sortable = [...def.columns, 'createdAt', 'id'];
  const sort = r.chance(0.6)
    ? ([r.pick(sortable), r.chance(0.5) ? 'ASC' : 'DESC'] as [string, 'ASC' | 'DESC'])
    : undefined;
  return { filter, ...(sort ? { sort } : {}) };
}

export async function reader(w: World, s: Session, seed: number) {
  const r = rng(seed);
  await rampUp(w, r);
  const role = s.user.role as Role;
  const menu = (MENUS[s.user.username] ?? ['orders', 'customers', 'products']).filter((res) => {
    const def = getDefinition(res);
    return def && canRole(def.access.read, role);
  });
  if (menu.length === 0) menu.push('orders');
  const fromDay = new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10);
  for (let step = 0; step < MAX_STEPS && live(w); step++) {
    const x = r.next();
    if (x < 0.06) {
      await s.api.get('myWork', '/myWork');
    } else if (x < 0.1 && REPORT_ROLES.includes(role)) {
      await s.api.get(
        'read.report',
        r.chance(0.5)
          ? `/reports/assistant-performance?date=${w.today}`
          : `/reports/complaint-trends?from=${fromDay}&to=${w.today}`,
      );
    } else {
      const resource = r.pick(menu);
      const kind = resource === 'orders' ? 'read.list.orders' : 'read.list.other';
      const { filter, sort } = listQuery(w, r, resource);
      const pages = r.int(1, 3);
      let rows: { id: number; customerId?: number; assistantId?: number }[] = [];
      for (let p = 0; p < pages && live(w); p++) {
        const res = await s.api.get(
          kind,
          `/${resource}` + q({ filter, ...(sort ? { sort } : {}), range: [p * 25, p * 25 + 24] }),
        );
        if (res.status !== 200 || !Array.isArray(res.body)) break;
        rows = res.body;
        // react-admin resolves the references of a page with getMany
        const refs = [...new Set(rows.map((o) => o.customerId).filter((v): v is number => typeof v === 'number'))];
        if (refs.length > 0 && live(w)) await s.api.get('read.getMany', '/customers' + q({ filter: { id: refs } }));
        if (rows.length < 25) break;
        await think(w, r);
      }
      if (rows.length > 0 && r.chance(0.4) && live(w)) {
        const one = r.pick(rows);
        await s.api.get('read.show', `/${resource}/${one.id}`);
        if (resource === 'orders' && r.chance(0.3) && live(w))
          await s.api.get('read.show', `/orders/${one.id}/history`);
      }
    }
    await think(w, r);
  }
}
