import { canAccess, editRefusal, historyFor, readScope, rowVisible } from '../../src/domain/access';
import { getDefinition } from '../../src/domain/documents';
import { canRole, type DocRecord, type DocumentDefinition, type RuleContext } from '../../src/domain/definition';
import { nextCustomerCode } from '../../src/domain/documents/customers';
import { shanghaiDate } from '../../src/domain/calendar';
import { MAX_YUAN } from '../../src/domain/money';
import { combineRefusals, ruleRefusal } from '../../src/domain/refusal';
import { refusal, RefusedError, toHttp } from './refusal';
import type { Actor } from '../../src/domain/roles';
import { printRefusal } from '../../src/domain/prints';
import { availableActions, decide, paramsOf } from '../../src/domain/workflow';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password';
import type { ListQuery, Reader, Store, Tx } from '../store/types';
import { loadContext, loadSettings } from './context';
import { checkActionBody, checkBody } from './validate';
import { applyEffects } from './effects';
import { handOffFirstCreditOrder } from './handoff';

/**
 * The document service: list / get / create / update / workflow actions for any definition.
 * Every write is one transaction together with its audit entry; a refusal changes nothing.
 */

export interface DocDeps {
  store: Store;
  now: () => Date;
}

const notFound = () => new RefusedError(refusal(404, '没有这条记录', 'No such record'));
const stale = () =>
  new RefusedError(
    refusal(409, '这条记录已被他人修改，请刷新后再试', 'This record was changed by someone else; reload and try again'),
  );

/** Fields that must be unique, checked with a clear message before the database constraint. */
const UNIQUE: Record<string, { field: string; rule: string; zh: (v: string) => string; en: (v: string) => string }> = {
  customers: {
    field: 'code',
    rule: '6.3.3',
    zh: (v) => `客户编号 ${v} 已存在`,
    en: (v) => `Customer code ${v} already exists`,
  },
  products: { field: 'sku', rule: '6.3', zh: (v) => `货号 ${v} 已存在`, en: (v) => `SKU ${v} already exists` },
  users: {
    field: 'username',
    rule: 'users',
    zh: (v) => `用户名 ${v} 已存在`,
    en: (v) => `Username ${v} already exists`,
  },
};

function assertRead(def: DocumentDefinition, actor: Actor) {
  if (!canRole(def.access.read, actor.role))
    throw new RefusedError(refusal(403, '您的角色不能查看此类资料', 'Your role may not read these records'));
}

export async function listDocs(deps: DocDeps, def: DocumentDefinition, actor: Actor, q: ListQuery) {
  assertRead(def, actor);
  const scope = readScope(def, actor);
  return deps.store.list(def.resource, scope ? { ...q, filter: { ...q.filter, ...narrow(q.filter, scope) } } : q);
}

/** a scope narrows a filter: a requested value outside the scope matches nothing */
function narrow(filter: ListQuery['filter'], scope: Record<string, unknown>): ListQuery['filter'] {
  const out: ListQuery['filter'] = {};
  for (const [k, allowed] of Object.entries(scope) as [string, (string | number)[]][]) {
    const asked = filter[k];
    if (asked === undefined) out[k] = allowed;
    else out[k] = (Array.isArray(asked) ? asked : [asked]).filter((v) => allowed.includes(v as never));
  }
  return out;
}

export async function getDoc(reader: Reader, def: DocumentDefinition, actor: Actor, id: number) {
  assertRead(def, actor);
  return visibleTo(def, actor, await reader.get(def.resource, id));
}

/** the record if the caller may see it; else 404, as for a record that does not exist */
function visibleTo(def: DocumentDefinition, actor: Actor, rec: DocRecord | undefined): DocRecord {
  if (!rec || !rowVisible(def, rec, actor)) throw notFound();
  return rec;
}

/** Human numbers `SO-20261127-0042`: a daily counter per prefix (the key is the code's head). */
const codeKey = (def: DocumentDefinition, now: Date) => `${def.codePrefix}-${shanghaiDate(now).replaceAll('-', '')}`;
const codeFor = (key: string, n: number) => `${key}-${String(n).padStart(4, '0')}`;

/** the key under which creators of a resource with a unique field take turns (Tx.serialize) */
export const uniqueKey = (resource: string) => `${resource}.${UNIQUE[resource]?.field ?? 'id'}`;

/**
 * A unique field's value is checked with the other creators of the resource waiting (one at a
 * time: two clerks entering the same proposed customer code — one gets it, the other the 6.3.3
 * refusal, not a database error); the database's UNIQUE constraint stays the last word.
 */
async function checkUnique(tx: Tx, def: DocumentDefinition, doc: DocRecord) {
  const u = UNIQUE[def.resource];
  if (!u || typeof doc[u.field] !== 'string') return;
  await tx.serialize?.(uniqueKey(def.resource));
  const { total } = await tx.list(def.resource, {
    filter: { [u.field]: doc[u.field] as string },
    sort: { field: 'id', order: 'ASC' },
    range: [0, 0],
  });
  if (total > 0)
    throw new RefusedError(ruleRefusal(u.rule, u.zh(String(doc[u.field])), u.en(String(doc[u.field])), u.field));
}

/** compute + rules; `loaded` is a context already read for this document (its refs and facts) */
async function runRules(
  tx: Tx,
  def: DocumentDefinition,
  doc: DocRecord,
  actor: Actor,
  now: Date,
  loaded?: RuleContext,
) {
  const ctx = loaded ?? (await loadContext(tx, def, doc, actor, now));
  const computed = def.compute ? def.compute(doc, ctx) : doc;
  const r = combineRefusals(def.rules?.(computed, ctx) ?? []);
  if (r) throw new RefusedError(r);
  const tooLarge = amountTooLarge(def, computed);
  if (tooLarge) throw new RefusedError(tooLarge);
  return { computed, ctx };
}

/** a computed amount (an order's total) past what any store keeps: refused on every store alike */
function amountTooLarge(def: DocumentDefinition, doc: DocRecord) {
  for (const [name, f] of Object.entries(def.fields)) {
    const v = doc[name];
    if (f.type === 'money' && typeof v === 'number' && !(Math.abs(v) <= MAX_YUAN)) {
      const message = {
        zh: `${f.label.zh}超出可记录的金额`,
        en: `${f.label.en} is larger than any amount the desk keeps`,
      };
      return { status: 422 as const, message, errors: { [name]: message } };
    }
  }
  return null;
}

async function takePassword(def: DocumentDefinition, values: DocRecord): Promise<string | null> {
  if (def.resource !== 'users' || !('password' in values)) return null;
  const pw = values.password;
  delete values.password;
  if (pw == null || pw === '') return null;
  if (typeof pw !== 'string' || pw.length < MIN_PASSWORD_LENGTH) {
    throw new RefusedError({
      status: 400,
      message: {
        zh: `密码至少${MIN_PASSWORD_LENGTH}位`,
        en: `Password needs at least ${MIN_PASSWORD_LENGTH} characters`,
      },
      errors: { password: { zh: `至少${MIN_PASSWORD_LENGTH}位`, en: `At least ${MIN_PASSWORD_LENGTH} characters` } },
    });
  }
  return hashPassword(pw);
}

export async function createDoc(deps: DocDeps, def: DocumentDefinition, actor: Actor, body: unknown) {
  if (!canAccess(actor, def.resource, 'create'))
    throw new RefusedError(refusal(403, '您的角色不能新建此类单据', 'Your role may not create these records'));
  const { values, refusal: bad } = checkBody(def, body, 'create', actor.role);
  if (bad) throw new RefusedError(bad);
  const passwordHash = await takePassword(def, values);
  if (def.resource === 'users' && !passwordHash)
    throw new RefusedError({
      status: 400,
      message: { zh: '请设置密码', en: 'A password is required' },
      errors: { password: { zh: '请设置密码', en: 'Required' } },
    });
  const now = deps.now();
  return deps.store
    .transaction(async (tx) => {
      const saved = await createInTx(tx, def, actor, values, now);
      if (passwordHash) await tx.setPasswordHash(Number(saved.id), passwordHash);
      return saved;
    })
    .catch((e: unknown) =>
      def.resource === 'orders' ? handOffFirstCreditOrder(deps.store, actor, values, now, e) : Promise.reject(e),
    ); // 5.5.2
}

/**
 * Create a record inside a transaction: initial state, computed fields, rules, unique fields,
 * its code, system fields, the insert and its audit entry. Used by POST and by step effects
 * (a quote becomes an order) alike, so both pass the same rules.
 */
export async function createInTx(
  tx: Tx,
  def: DocumentDefinition,
  actor: Actor,
  values: DocRecord,
  now: Date,
  action = 'create',
): Promise<DocRecord> {
  let doc: DocRecord = { ...values };
  if (def.ownerField && doc[def.ownerField] == null && actor.role === 'assistant') doc[def.ownerField] = actor.id;
  // one read of the context serves the initial state and the rules (the status changes neither refs nor facts)
  const ctx = await loadContext(tx, def, doc, actor, now);
  if (def.workflow) doc.status = def.workflow.initial(doc, ctx);
  doc = (await runRules(tx, def, doc, actor, now, ctx)).computed;
  await checkUnique(tx, def, doc);
  if (def.codePrefix) {
    const key = codeKey(def, now);
    doc.code = codeFor(key, await tx.nextNumber(key));
  }
  Object.assign(doc, {
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    createdBy: actor.id,
    version: 1,
    ...(def.workflow ? { approvals: [] } : {}),
  });
  const saved = await tx.insert(def.resource, doc).catch((e: unknown) => {
    // the database's UNIQUE constraint, should a writer have got past checkUnique: the same refusal
    const u = UNIQUE[def.resource];
    if (
      u &&
      (e as { code?: string }).code === '23505' &&
      String((e as { constraint?: string }).constraint ?? '').includes(u.field)
    )
      throw new RefusedError(ruleRefusal(u.rule, u.zh(String(doc[u.field])), u.en(String(doc[u.field])), u.field));
    throw e;
  });
  await tx.audit({
    at: now.toISOString(),
    userId: actor.id,
    userName: actor.fullName,
    resource: def.resource,
    recordId: Number(saved.id),
    code: (saved.code as string) ?? null,
    action,
    changes: values,
  });
  return saved;
}

function diff(before: DocRecord, after: DocRecord): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (k === 'version' || k === 'updatedAt') continue;
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
      out[k] = [before[k] ?? null, after[k] ?? null];
  }
  return out;
}

function expectVersion(body: unknown, ifMatch: string | undefined, current: DocRecord) {
  const given =
    body && typeof body === 'object' && 'version' in body
      ? (body as DocRecord).version
      : ifMatch
        ? Number(ifMatch.replaceAll('"', ''))
        : undefined;
  if (given !== undefined && given !== null && given !== current.version) throw stale();
}

export async function updateDoc(
  deps: DocDeps,
  def: DocumentDefinition,
  actor: Actor,
  id: number,
  body: unknown,
  ifMatch?: string,
) {
  if (!canRole(def.access.edit, actor.role))
    throw new RefusedError(refusal(403, '您的角色不能修改此类资料', 'Your role may not edit these records'));
  let attempted: DocRecord | null = null;
  const handOff = (e: unknown) =>
    def.resource === 'orders' && attempted
      ? handOffFirstCreditOrder(deps.store, actor, attempted, deps.now(), e)
      : Promise.reject(e); // 5.5.2
  return deps.store
    .transaction(async (tx) => {
      const current = await tx.lock(def.resource, id);
      if (!current || !rowVisible(def, current, actor)) throw notFound();
      expectVersion(body, ifMatch, current);
      const no = editRefusal(def, current, actor);
      if (no) throw new RefusedError(no);
      const { values, refusal: bad } = checkBody(def, body, 'update', actor.role, current);
      if (bad) throw new RefusedError(bad);
      const passwordHash = await takePassword(def, values);
      const now = deps.now();
      attempted = { ...current, ...values };
      const merged = (await runRules(tx, def, attempted, actor, now)).computed;
      const next = {
        ...merged,
        id,
        version: Number(current.version) + 1,
        updatedAt: now.toISOString(),
      } as DocRecord & { id: number };
      const changes = diff(current, next);
      if (Object.keys(changes).length === 0 && !passwordHash) return current;
      if (!(await tx.update(def.resource, next, Number(current.version)))) throw stale();
      if (passwordHash) await tx.setPasswordHash(id, passwordHash);
      // a deactivated user's sessions end for good: reactivating them later does not revive an old token
      if (def.resource === 'users' && current.active !== false && next.active === false)
        await tx.revokeSessionsOf(id, now.toISOString());
      await tx.audit({
        at: now.toISOString(),
        userId: actor.id,
        userName: actor.fullName,
        resource: def.resource,
        recordId: id,
        code: (next.code as string) ?? null,
        action: 'update',
        changes: passwordHash ? { ...changes, password: ['***', '***'] } : changes,
      });
      return next;
    })
    .catch(handOff);
}

export async function actOnDoc(
  deps: DocDeps,
  def: DocumentDefinition,
  actor: Actor,
  id: number,
  action: string,
  body: unknown,
) {
  const wf = def.workflow;
  if (!wf) throw new RefusedError(refusal(404, '此类资料没有审批流程', 'This resource has no workflow'));
  const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as DocRecord;
  return deps.store.transaction(async (tx) => {
    const stored = await tx.lock(def.resource, id);
    if (!stored || !rowVisible(def, stored, actor)) throw notFound();
    const checked = checkActionBody(def, body, paramsOf(wf, stored, action, actor.role));
    if (checked.refusal) throw new RefusedError(checked.refusal);
    expectVersion(b, undefined, stored);
    // the step's params are part of the document the rules look at
    const current = { ...stored, ...checked.values };
    const now = deps.now();
    // and its prints (kept in the audit log, not on the record): the van needs the printed delivery list (6.2.4)
    // (read together with the references and facts: one statement, not one more round trip)
    const [ctx, prints] = await Promise.all([loadContext(tx, def, current, actor, now), printsOf(tx, def, id)]);
    const seen = prints ? { ...current, prints } : current;
    const outcome = decide(wf, seen, action, ctx, b.comment as string | undefined);
    if (!outcome.ok) throw new RefusedError(outcome.refusal);
    const d = outcome.decision;
    const links = await applyEffects(tx, d.effects, actor, now, def.resource, current);
    const next = {
      ...current,
      ...d.patch,
      ...links,
      status: d.to,
      approvals: [...((current.approvals as unknown[]) ?? []), d.approval],
      version: Number(current.version) + 1,
      updatedAt: now.toISOString(),
    } as DocRecord & { id: number };
    if (!(await tx.update(def.resource, next, Number(stored.version)))) throw stale();
    await tx.audit({
      at: now.toISOString(),
      userId: actor.id,
      userName: actor.fullName,
      resource: def.resource,
      recordId: id,
      code: (next.code as string) ?? null,
      action,
      changes: {
        status: [d.from, d.to],
        ...checked.values,
        ...(d.approval.comment ? { comment: d.approval.comment } : {}),
      },
    });
    return next;
  });
}

export async function actionsFor(deps: DocDeps, def: DocumentDefinition, actor: Actor, id: number) {
  if (!def.workflow) {
    await getDoc(deps.store, def, actor, id);
    return [];
  }
  // the record, its prints and the settings together, then its references and facts together: two statements
  const [found, settings, prints] = await Promise.all([
    getDoc(deps.store, def, actor, id),
    loadSettings(deps.store),
    printsOf(deps.store, def, id),
  ]);
  const rec = prints ? { ...found, prints } : found;
  const ctx = await loadContext(deps.store, def, rec, actor, deps.now(), settings);
  // the API answers each refusal with its status, as it always has (server/core/refusal.ts)
  return availableActions(def.workflow, rec, ctx).map((x) => (x.refusal ? { ...x, refusal: toHttp(x.refusal) } : x));
}

/**
 * Dry run: the record as the server would compute it, and what the rules say — for live forms.
 * Only for whoever may do what it previews: create these records (or, with an `id`, edit that
 * one), and read each record it references — a record the caller may not read is refused as if it
 * did not exist (404 naming the field), so a preview never tells what a read would not.
 */
export async function previewDoc(deps: DocDeps, def: DocumentDefinition, actor: Actor, body: unknown) {
  const given = body && typeof body === 'object' && !Array.isArray(body) ? (body as DocRecord).id : undefined;
  let current: DocRecord | undefined;
  if (given != null) {
    if (typeof given !== 'number' || !Number.isInteger(given) || given < 1)
      throw new RefusedError({
        status: 400,
        message: { zh: 'id 应为记录编号', en: 'id must be a record id' },
        errors: { id: { zh: '无效', en: 'Invalid' } },
      });
    current = await deps.store.get(def.resource, given);
    if (!current || !canRole(def.access.read, actor.role) || !rowVisible(def, current, actor)) throw notFound();
    const no = editRefusal(def, current, actor);
    if (no) throw new RefusedError(no);
  } else if (!canAccess(actor, def.resource, 'create'))
    throw new RefusedError(refusal(403, '您的角色不能新建此类单据', 'Your role may not create these records'));
  const { values } = checkBody(def, body, current ? 'update' : 'create', actor.role, current);
  const doc = current ? { ...current, ...values } : values;
  const ctx = await loadContext(deps.store, def, doc, actor, deps.now());
  assertRefsReadable(def, ctx, actor);
  const computed = def.compute ? def.compute(doc, ctx) : doc;
  const refusals = def.rules?.(computed, ctx) ?? [];
  // what the definition tells whoever decides (src/domain/explain.ts): the margin against its band, credit…
  return {
    record: computed,
    facts: ctx.facts,
    refusals: refusals.map(toHttp),
    explain: def.explain?.(computed, ctx) ?? [],
  };
}

/** each referenced record (and each a line references) the caller may read — else 404 naming the field */
function assertRefsReadable(def: DocumentDefinition, ctx: RuleContext, actor: Actor) {
  const unreadable = (resource: string | undefined, rec: DocRecord | undefined) => {
    const d = resource ? getDefinition(resource) : undefined;
    return !!rec && !!d && !canAccess(actor, d.resource, 'show', rec);
  };
  for (const [name, rec] of Object.entries(ctx.refs)) {
    if (unreadable(def.fields[name]?.ref, rec))
      throw new RefusedError({
        ...notFound().refusal,
        errors: { [name]: { zh: '没有这条记录', en: 'No such record' } },
      });
  }
  for (const [lineField, recs] of Object.entries(ctx.lineRefs)) {
    const owner = Object.values(def.fields).find((f) => f.type === 'lines' && f.lineFields?.[lineField]);
    const target = owner?.lineFields?.[lineField]?.ref;
    for (const rec of Object.values(recs))
      if (unreadable(target, rec))
        throw new RefusedError({
          ...notFound().refusal,
          errors: { [lineField]: { zh: '没有这条记录', en: 'No such record' } },
        });
  }
}

export async function proposeCustomerCode(store: Store) {
  const max = await store.max('customers', 'code');
  return { code: nextCustomerCode(max == null ? null : String(max)) };
}

export async function historyOf(deps: DocDeps, def: DocumentDefinition, actor: Actor, id: number) {
  assertRead(def, actor);
  // the record and its history asked together (one statement); the history only goes out when the caller may see the record
  const [rec, { rows }] = await Promise.all([
    deps.store.get(def.resource, id),
    deps.store.list('auditLog', {
      filter: { resource: def.resource, recordId: id },
      sort: { field: 'id', order: 'ASC' },
      range: null,
    }),
  ]);
  visibleTo(def, actor, rec);
  // only the entries the caller may read (src/domain/access.ts): not a user's password change for a driver
  return historyFor(def, rows, actor);
}

/** who printed which of the record's forms when: its print entries in the audit log, oldest first */
async function printsOf(reader: Reader, def: DocumentDefinition, id: number) {
  if (!def.prints) return undefined;
  const { rows } = await reader.list('auditLog', {
    filter: { resource: def.resource, recordId: id, action: 'print' },
    sort: { field: 'id', order: 'ASC' },
    range: null,
  });
  return rows.map((e) => ({
    form: (e.changes as DocRecord | undefined)?.form,
    by: e.userId,
    byName: e.userName,
    at: e.at,
  }));
}

/** GET /<res>/<id>: the record, with its prints (a document with printed forms) */
export async function showDoc(reader: Reader, def: DocumentDefinition, actor: Actor, id: number) {
  assertRead(def, actor);
  const [rec, prints] = await Promise.all([reader.get(def.resource, id), printsOf(reader, def, id)]);
  const doc = visibleTo(def, actor, rec);
  return prints ? { ...doc, prints } : doc;
}

/**
 * Printing is recorded (6.2.4): the record keeps who printed which form when (`prints`), and the
 * audit log has the entry — only as the form's definition names it: its printers, in the statuses
 * in which it is the company's paper (src/domain/prints.ts; 403 / 409 naming the clause otherwise).
 */
export async function recordPrint(deps: DocDeps, def: DocumentDefinition, actor: Actor, id: number, body: unknown) {
  const form = body && typeof body === 'object' ? (body as DocRecord).form : undefined;
  if (typeof form !== 'string' || !/^[a-zA-Z]{1,40}$/.test(form))
    throw new RefusedError({
      status: 400,
      message: { zh: '请指明打印的表单', en: 'Name the printed form' },
      errors: { form: { zh: '无效的表单', en: 'Invalid form' } },
    });
  assertRead(def, actor);
  // a record without printed forms (users, settings, the audit log) has nothing to record
  if (!def.prints) throw new RefusedError(refusal(404, '此类资料没有打印表单', 'These records have no printed forms'));
  return deps.store.transaction(async (tx) => {
    // locked while the print is recorded, so its status is the one the form's declaration was checked against
    const current = await tx.lock(def.resource, id);
    if (!current || !rowVisible(def, current, actor)) throw notFound();
    const no = printRefusal(def, form, current, actor.role);
    if (no) throw new RefusedError(no);
    const at = deps.now().toISOString();
    // the print is the audit entry alone: the document itself (its version) does not change, so
    // nobody's open edit of it is made stale by a print
    await tx.audit({
      at,
      userId: actor.id,
      userName: actor.fullName,
      resource: def.resource,
      recordId: id,
      code: (current.code as string) ?? null,
      action: 'print',
      changes: { form },
    });
    return { ...current, prints: (await printsOf(tx, def, id)) ?? [] };
  });
}
