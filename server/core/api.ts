import { redactFor, type DocRecord, type DocumentDefinition } from '../../src/domain/definition';
import type { Role } from '../../src/domain/roles';
import { getDefinition } from '../../src/domain/documents';
import { findUnstorable, MAX_INT, unstorableText } from '../../src/domain/input';
import { RefusedError, refusal, type Refusal } from './refusal';
import type { DeriveKey } from '../auth/password';
import type { Store } from '../store/types';
import { authenticate, isBackupToken, login, logout, publicUser, type AuthDeps } from './auth';
import { parseListQuery } from './dialect';
import {
  actionsFor,
  actOnDoc,
  createDoc,
  historyOf,
  listDocs,
  previewDoc,
  proposeCustomerCode,
  recordPrint,
  showDoc,
  updateDoc,
} from './documents';
import { exportDocs } from './export';
import { factsOf } from './explain';
import { myWork } from './inbox';
import { reportsRoute } from './reportsApi';
import { handleIntake } from './intake';
import { localeOf, refusalResponse, type ApiRequest, type ApiResponse } from './types';

/**
 * The API core: one function from request to response, driven by Express (server/http.ts) and
 * by MSW (mock-api/msw). Auth → dialect → rules/actions → store → audit.
 */

export interface ApiDeps {
  store: Store;
  secret: Buffer;
  /** the web shop's key for /api/intake (4.1.2) */
  intakeKey?: string;
  now?: () => Date;
  log?: (msg: string, err?: unknown) => void;
  /** scrypt for logins off the server's thread (server/auth/hashPool.ts); in this thread if not given (the training desk) */
  deriveKey?: DeriveKey;
}

const ID = /^[1-9]\d{0,9}$/;
/** a record id in the path: a whole number the database's id column holds (else no such record) */
const isRecordId = (s: string | undefined): s is string => !!s && ID.test(s) && Number(s) <= MAX_INT;

/**
 * Text no store can keep (NUL, half a character) anywhere in the request — the body, a query
 * parameter (inside its JSON: `filter.q`), a path segment — is refused up front, naming where,
 * before any store sees it: so PostgreSQL never has to refuse it and the json store never keeps it.
 */
function unstorableInput(req: ApiRequest): Refusal | null {
  let hit = findUnstorable(req.body, 'body');
  for (const [name, raw] of req.query) {
    if (hit) break;
    let parsed: unknown = raw;
    try {
      if (/^[[{"]/.test(raw)) parsed = JSON.parse(raw);
    } catch {
      // not JSON: the parameter's own check refuses it
    }
    hit = findUnstorable(name, name) ?? findUnstorable(parsed, name);
  }
  hit ??= findUnstorable(req.path, 'path');
  if (!hit) return null;
  const where = [...(hit.path.replace(/^body\.?/, '') || 'body')]
    .map((c) => (unstorableText(c) ? '\ufffd' : c))
    .join('');
  const errors = {
    [where]: {
      zh: '含有无效字符（NUL 或不完整的字符）',
      en: 'contains an invalid character (NUL or half a character)',
    },
  };
  return {
    status: 400,
    message: { zh: `输入有误：${where} 含有无效字符`, en: `Invalid input: ${where} contains an invalid character` },
    errors,
  };
}
const NAME = /^[A-Za-z][A-Za-z0-9]{0,40}$/;

/** Fields no endpoint ever returns; and those the caller's role may not see (`readableBy`, e.g. a product's cost). */
const cleanFor =
  (def: DocumentDefinition, role: Role) =>
  (rec: DocRecord): DocRecord => {
    const out = clean(redactFor(def, rec, role));
    if (def.prints || !('prints' in out)) return out;
    // prints recorded on records without printed forms before issue 23 (users, settings) are not shown
    const { prints: _p, ...rest } = out;
    return rest;
  };

function clean(rec: DocRecord): DocRecord {
  if ('password' in rec || 'passwordHash' in rec) {
    const { password: _p, passwordHash: _h, ...rest } = rec;
    return rest;
  }
  return rec;
}

/** Unique constraints the database enforces as a backstop, by name → the clause they stand for. */
const UNIQUE_CLAUSES: Record<string, string> = { customers_code_key: '6.3.3', work_logs_one_a_day: '6.1.6' };

function dbErrorRefusal(e: unknown): Refusal | null {
  const code = (e as { code?: string })?.code;
  if (code === '23505') {
    const name = String((e as { constraint?: string }).constraint ?? '');
    const rule = Object.hasOwn(UNIQUE_CLAUSES, name) ? UNIQUE_CLAUSES[name] : undefined;
    return {
      status: 422,
      ...(rule ? { rule } : {}),
      message: {
        zh: `已存在相同的记录${rule ? ` (${rule})` : ''}`,
        en: `Such a record already exists${rule ? ` (${rule})` : ''}`,
      },
    };
  }
  if (code === '23514' || code === '23503' || code === '22003' || code === '22P02')
    return {
      status: 422,
      message: {
        zh: '数据不符合约束（金额、数量或引用无效）',
        en: 'The data breaks a constraint (amount, quantity or reference)',
      },
    };
  if (code === '40001' || code === '40P01')
    return { status: 409, message: { zh: '并发冲突，请重试', en: 'Concurrent change; try again' } };
  return null;
}

export function createApi(deps: ApiDeps) {
  const now = deps.now ?? (() => new Date());
  const authDeps: AuthDeps = { store: deps.store, secret: deps.secret, now, deriveKey: deps.deriveKey };
  const docDeps = { store: deps.store, now };

  async function route(req: ApiRequest): Promise<ApiResponse> {
    const unstorable = unstorableInput(req);
    if (unstorable) throw new RefusedError(unstorable);
    const parts = req.path.split('/').filter(Boolean);
    const m = req.method.toUpperCase();
    if (parts[0] === 'auth' && parts[1] === 'login' && parts.length === 2 && m === 'POST') {
      return { status: 200, body: await login(authDeps, req.body, req.ip) };
    }
    if (parts[0] === 'intake')
      return handleIntake({ store: deps.store, now, intakeKey: deps.intakeKey }, req, parts.slice(1));
    if (parts[0] === 'admin' && parts[1] === 'export' && parts.length === 2 && m === 'GET') {
      // a consistent snapshot for `npm run backup` (backup token) or an admin
      if (!isBackupToken(authDeps, req)) {
        const caller = await authenticate(authDeps, req);
        if (!caller) throw new RefusedError(refusal(401, '请先登录', 'Not logged in'));
        if (caller.actor.role !== 'admin')
          throw new RefusedError(refusal(403, '只有管理员可以导出备份', 'Only an administrator may export a backup'));
      }
      return { status: 200, body: await deps.store.exportState() };
    }
    const who = await authenticate(authDeps, req);
    if (!who) throw new RefusedError(refusal(401, '请先登录', 'Not logged in'));
    const actor = who.actor;
    if (parts[0] === 'auth' && parts.length === 2) {
      // the user as this request's authentication read it (with its session): no second read
      if (parts[1] === 'me' && m === 'GET') return { status: 200, body: publicUser(actor) };
      if (parts[1] === 'logout' && m === 'POST') {
        await logout(authDeps, who.sid);
        return { status: 200, body: { ok: true } };
      }
    }
    if (parts[0] === 'myWork' && parts.length === 1 && m === 'GET')
      return { status: 200, body: await myWork(deps.store, actor, now()) };
    if (parts[0] === 'reports' && parts.length === 2 && m === 'GET')
      return { status: 200, body: await reportsRoute(deps.store, actor, parts[1], req.query, now()) };
    const [resource, second, third, fourth] = parts;
    const def = resource && NAME.test(resource) ? getDefinition(resource) : undefined;
    if (!def || parts.length > 4) throw new RefusedError(refusal(404, '没有这个接口', 'No such endpoint'));
    const out = cleanFor(def, actor.role);

    if (parts.length === 1) {
      if (m === 'GET') {
        const q = parseListQuery(def, req.query);
        const { rows, total, exact } = await listDocs(docDeps, def, actor, q);
        const start = q.range ? q.range[0] : 0;
        const end = rows.length ? start + rows.length - 1 : start;
        // X-Total-Exact: false — the total is a lower bound (a broad filtered list, see COUNT_BEYOND_PAGE)
        const headers: Record<string, string> = { 'Content-Range': `${def.resource} ${start}-${end}/${total}` };
        if (exact === false) headers['X-Total-Exact'] = 'false';
        return { status: 200, headers, body: rows.map(out) };
      }
      if (m === 'POST') return { status: 201, body: out(await createDoc(docDeps, def, actor, req.body)) };
    }
    if (parts.length === 2 && second === 'preview' && m === 'POST') {
      const p = await previewDoc(docDeps, def, actor, req.body);
      return { status: 200, body: { ...p, record: out(p.record) } };
    }
    if (parts.length === 2 && second === 'export' && m === 'GET')
      return exportDocs(docDeps, def, actor, req.query, localeOf(req));
    if (parts.length === 2 && second === 'next-code' && m === 'GET' && def.resource === 'customers')
      return { status: 200, body: await proposeCustomerCode(deps.store) };
    if (!isRecordId(second)) throw new RefusedError(refusal(404, '没有这条记录', 'No such record'));
    const id = Number(second);
    if (parts.length === 2) {
      if (m === 'GET') return { status: 200, body: out(await showDoc(deps.store, def, actor, id)) };
      if (m === 'PUT' || m === 'PATCH')
        return { status: 200, body: out(await updateDoc(docDeps, def, actor, id, req.body, req.headers['if-match'])) };
      if (m === 'DELETE')
        throw new RefusedError(
          refusal(403, '单据不能删除，请使用"取消"', 'Records are never deleted; cancel the document instead'),
        );
    }
    if (third === 'actions') {
      if (parts.length === 3 && m === 'GET') return { status: 200, body: await actionsFor(docDeps, def, actor, id) };
      if (parts.length === 4 && m === 'POST' && fourth && NAME.test(fourth))
        return { status: 200, body: out(await actOnDoc(docDeps, def, actor, id, fourth, req.body)) };
    }
    if (third === 'history' && parts.length === 3 && m === 'GET')
      return { status: 200, body: await historyOf(docDeps, def, actor, id) };
    if (third === 'facts' && parts.length === 3 && m === 'GET')
      return { status: 200, body: await factsOf(docDeps, def, actor, id) };
    if (third === 'printed' && parts.length === 3 && m === 'POST')
      return { status: 200, body: out(await recordPrint(docDeps, def, actor, id, req.body)) };
    throw new RefusedError(refusal(404, '没有这个接口', 'No such endpoint'));
  }

  return async function handle(req: ApiRequest): Promise<ApiResponse> {
    try {
      return await route(req);
    } catch (e) {
      const locale = localeOf(req);
      if (e instanceof RefusedError) return refusalResponse(e.refusal, locale);
      const dbRefusal = dbErrorRefusal(e);
      if (dbRefusal) return refusalResponse(dbRefusal, locale);
      deps.log?.(`${req.method} ${req.path} failed`, e);
      // the transaction did not commit: nothing changed. Storage trouble → 503, never a stack trace.
      return refusalResponse(
        {
          status: 503,
          message: {
            zh: '服务器暂时无法保存或读取数据，请稍后重试；本次操作未生效',
            en: 'The server could not read or save data; nothing was changed. Try again shortly.',
          },
        },
        locale,
      );
    }
  };
}

export type ApiHandler = ReturnType<typeof createApi>;
