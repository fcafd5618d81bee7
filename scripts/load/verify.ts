import { login, q, type Api } from './http';
import { contentDiff, csApproveCount, type Ack, type Ledger, type Tracked } from './ledger';

/**
 * After the run, everything is read back (as admin, not counted in the load figures) and compared
 * with what the server acknowledged:
 *   - every order answered 201 is found exactly once by its code, with the customer, lines and
 *     total of its last acknowledged content write (create or PUT), the status and version of its
 *     last acknowledged write, and one approval entry per acknowledged workflow action;
 *   - the orders created since the run started are exactly the acknowledged ones (no order that no
 *     clerk was told about, none twice);
 *   - no two acknowledged writes of one order answered the same version (a lost update);
 *   - every acknowledged approval is there: status approved (or what the approval answered, e.g.
 *     gmApproval for a seeded credit order), and exactly one csManager approve entry.
 */

export interface VerifyResult {
  ok: boolean;
  acknowledgedCreates: number;
  foundSinceStart: number;
  ordersChecked: number;
  acknowledgedUpdates: number;
  acknowledgedActions: Record<string, number>;
  lost: string[];
  duplicated: string[];
  unacknowledged: string[];
  mismatched: string[];
  ms: number;
}

const AFTER_APPROVAL = ['gmApproval', 'approved', 'picked', 'invoiced', 'shipped', 'delivered', 'closed'];
const ACTIONS = new Set(['submit', 'approve', 'reject']);
const MAX_LISTED = 30;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Rec = any;

async function all(api: Api, filter: Record<string, unknown>): Promise<{ rows: Rec[]; total: number }> {
  const rows: Rec[] = [];
  let total = 0;
  for (let start = 0; ; start += 1000) {
    const r = await api.get('verify', '/orders' + q({ filter, sort: ['id', 'ASC'], range: [start, start + 999] }));
    if (r.status !== 200 || !Array.isArray(r.body))
      throw new Error(
        `verify: list orders ${JSON.stringify(filter)} → ${r.status} ${r.error ?? JSON.stringify(r.body)}`,
      );
    rows.push(...r.body);
    total = Number(/\/(\d+)$/.exec(r.headers?.get('content-range') ?? '')?.[1] ?? rows.length);
    if (r.body.length < 1000) break;
  }
  return { rows, total };
}

function checkOrder(t: Tracked, rec: Rec, out: VerifyResult) {
  const name = t.code ?? `order ${t.id}`;
  const acks = [...t.acks].sort((a, b) => a.version - b.version);
  const last = acks[acks.length - 1];
  // two acknowledged writes answering the same version: one of them was lost
  const versions = acks.map((a) => a.version);
  const dupVersion = versions.find((v, i) => versions.indexOf(v) !== i);
  if (dupVersion !== undefined)
    out.lost.push(
      `${name}: two acknowledged writes both answered version ${dupVersion} (${acks
        .filter((a) => a.version === dupVersion)
        .map((a) => `${a.kind} by ${a.by}`)
        .join(', ')})`,
    );
  const v = Number(rec.version);
  if (v < last.version)
    out.lost.push(`${name}: version ${v} < last acknowledged ${last.version} (${last.kind} by ${last.by})`);
  else if (v > last.version)
    out.unacknowledged.push(`${name}: version ${v} > last acknowledged ${last.version}: a write nobody was told about`);
  if (t.runCreated && v !== acks.length)
    out.mismatched.push(
      `${name}: version ${v} after ${acks.length} acknowledged writes (${acks.map((a) => a.kind).join(', ')})`,
    );
  if (rec.status !== last.status)
    out.mismatched.push(`${name}: status ${rec.status}, last acknowledged ${last.kind} answered ${last.status}`);
  const content = acks.filter((a): a is Ack & { content: NonNullable<Ack['content']> } => !!a.content).pop();
  if (content) {
    const diff = contentDiff(content.content, rec);
    if (diff)
      (v > last.version ? out.unacknowledged : out.lost).push(
        `${name}: not what the last acknowledged ${content.kind} (v${content.version} by ${content.by}) sent: ${diff}`,
      );
  }
  const approvals: Rec[] = Array.isArray(rec.approvals) ? rec.approvals : [];
  const actions = acks.filter((a) => ACTIONS.has(a.kind));
  if (t.runCreated && approvals.length !== actions.length) {
    (approvals.length > actions.length ? out.duplicated : out.lost).push(
      `${name}: ${approvals.length} approval entries for ${actions.length} acknowledged actions (${actions.map((a) => a.kind).join(', ') || 'none'})`,
    );
  }
  const approves = acks.filter((a) => a.kind === 'approve');
  if (approves.length > 0) {
    const cs = csApproveCount(rec);
    if (!AFTER_APPROVAL.includes(String(rec.status)))
      out.lost.push(`${name}: approval acknowledged but status is ${rec.status}`);
    if (approves.length > 1)
      out.duplicated.push(
        `${name}: ${approves.length} approvals of one order acknowledged (${approves.map((a) => a.by).join(', ')})`,
      );
    if (t.runCreated && cs !== 1)
      (cs > 1 ? out.duplicated : out.lost).push(`${name}: ${cs} csManager approve entries, expected exactly 1`);
    if (!t.runCreated && cs !== approves[approves.length - 1].csApprovals)
      out.mismatched.push(
        `${name}: ${cs} csManager approve entries, the approval answered ${approves[approves.length - 1].csApprovals}`,
      );
  }
}

export async function verify(
  base: string,
  ledger: Ledger,
  runStartIso: string,
  preexisting: ReadonlySet<number>,
): Promise<VerifyResult> {
  const t0 = performance.now();
  const { api } = await login(base, null, 'admin');
  const out: VerifyResult = {
    ok: false,
    acknowledgedCreates: 0,
    foundSinceStart: 0,
    ordersChecked: 0,
    acknowledgedUpdates: 0,
    acknowledgedActions: {},
    lost: [],
    duplicated: [],
    unacknowledged: [...ledger.ackMismatches.map((m) => `acknowledged answer differs from the request: ${m}`)],
    mismatched: [],
    ms: 0,
  };
  for (const t of ledger.orders.values()) {
    for (const a of t.acks) {
      if (a.kind === 'update') out.acknowledgedUpdates++;
      else if (a.kind !== 'create') out.acknowledgedActions[a.kind] = (out.acknowledgedActions[a.kind] ?? 0) + 1;
    }
  }

  // 1. the orders created since the start = the acknowledged creates
  const since = await all(api, { createdAt_gte: runStartIso });
  out.foundSinceStart = since.rows.length;
  if (since.total !== since.rows.length)
    out.mismatched.push(`list since start: Content-Range says ${since.total}, ${since.rows.length} rows read`);
  const created = [...ledger.orders.values()].filter((t) => t.runCreated);
  out.acknowledgedCreates = created.length;
  const createdIds = new Set(created.map((t) => t.id));
  const seenIds = new Map<number, number>();
  const seenCodes = new Map<string, number>();
  for (const r of since.rows) {
    seenIds.set(Number(r.id), (seenIds.get(Number(r.id)) ?? 0) + 1);
    seenCodes.set(String(r.code), (seenCodes.get(String(r.code)) ?? 0) + 1);
    if (!createdIds.has(Number(r.id)) && !preexisting.has(Number(r.id)))
      out.unacknowledged.push(
        `${r.code} (id ${r.id}, by user ${r.createdBy}, ${r.createdAt}): created during the run but no clerk got a 201 for it`,
      );
  }
  for (const [id, n] of seenIds) if (n > 1) out.duplicated.push(`id ${id} listed ${n} times`);
  for (const [code, n] of seenCodes) if (n > 1) out.duplicated.push(`code ${code} on ${n} orders`);
  for (const t of created)
    if (!seenIds.has(t.id))
      out.lost.push(`${t.code} (id ${t.id}): acknowledged (201) but not among the orders created since the start`);

  // 2. every acknowledged order read back by code, exactly once
  const byCode = new Map<string, Rec[]>();
  const codes = created.map((t) => t.code!);
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    const r = await api.get('verify', '/orders' + q({ filter: { code: chunk }, sort: ['id', 'ASC'], range: [0, 999] }));
    if (r.status !== 200 || !Array.isArray(r.body))
      throw new Error(`verify: orders by code → ${r.status} ${r.error ?? JSON.stringify(r.body)}`);
    for (const rec of r.body) byCode.set(String(rec.code), [...(byCode.get(String(rec.code)) ?? []), rec]);
  }
  for (const t of created) {
    const found = byCode.get(t.code!) ?? [];
    if (found.length === 0) out.lost.push(`${t.code}: acknowledged (201) but not found by its code`);
    else if (found.length > 1) out.duplicated.push(`${t.code}: found ${found.length} times by its code`);
    else if (Number(found[0].id) !== t.id)
      out.mismatched.push(`${t.code}: has id ${found[0].id}, the 201 said ${t.id}`);
    else {
      checkOrder(t, found[0], out);
      out.ordersChecked++;
    }
  }

  // 3. the seed's orders the run wrote to (approvals of its submitted backlog), one by one
  for (const t of ledger.orders.values()) {
    if (t.runCreated) continue;
    const r = await api.get('verify', `/orders/${t.id}`);
    if (r.status !== 200) {
      out.lost.push(`${t.code ?? t.id}: acknowledged writes but GET → ${r.status}`);
      continue;
    }
    checkOrder(t, r.body, out);
    out.ordersChecked++;
  }

  out.ok = out.lost.length + out.duplicated.length + out.unacknowledged.length + out.mismatched.length === 0;
  out.ms = Math.round(performance.now() - t0);
  return out;
}

/** the lists shortened for printing and for the json */
export function trimmed(v: VerifyResult): VerifyResult {
  const cut = (xs: string[]) =>
    xs.length > MAX_LISTED ? [...xs.slice(0, MAX_LISTED), `… and ${xs.length - MAX_LISTED} more`] : xs;
  return {
    ...v,
    lost: cut(v.lost),
    duplicated: cut(v.duplicated),
    unacknowledged: cut(v.unacknowledged),
    mismatched: cut(v.mismatched),
  };
}
