import { createHash, timingSafeEqual } from 'node:crypto';
import type { DocRecord } from '../../src/domain/definition';
import { getDefinition } from '../../src/domain/documents';
import { nextCustomerCode } from '../../src/domain/documents/customers';
import { isIsoInstant } from '../../src/domain/input';
import { ruleRefusal } from '../../src/domain/refusal';
import { refusal, RefusedError } from './refusal';
import type { Actor } from '../../src/domain/roles';
import {
  appliesFrom,
  isWebMember,
  membershipApplication,
  membershipOffer,
  openMembershipOf,
  ORDER_QTY,
  pickWebDesk,
  webCustomer,
  webDesk as webDeskView,
  webDeskLoad,
  webOrderNote,
  type WebCustomer,
} from '../../src/domain/rules/webIntake';
import type { Text } from '../../src/domain/text';
import type { View } from '../../src/domain/where';
import type { Filter, Store, Tx } from '../store/types';
import { actOnDoc, createInTx, uniqueKey } from './documents';
import type { ApiRequest, ApiResponse } from './types';

/**
 * Web shop intake (4.1.2, 5.2.2): the company website posts orders and membership applications
 * with its own API key (header `X-Intake-Key`), not a user login.
 *
 * - `POST /api/intake/orders` `{ member: {code?} | null, customer: {name, phone, address, contact},
 *   lines: [{sku, qty}], receivedAt? }` → a web order (channel web → pendingConfirmation; the
 *   10-minute confirmation clock of 5.1.1 runs from its arrival here, the server's time). Members
 *   are matched by customer code, else by phone; a non-member is matched by phone or entered as a
 *   new customer with `member: false`, and a membership offer (`memberships`, state toOffer) is
 *   opened for the e-commerce assistant, who judges the customer's potential and invites them to
 *   apply online (5.2.2). Prices are the catalog's (6.2.2); the website's own time is kept in the
 *   order's note. The order goes to the e-commerce assistant with the fewest web orders waiting;
 *   its lines are confirmed by that assistant with the customer (6.2.1) before `confirm`.
 * - `POST /api/intake/memberships` `{ customer: {name, phone, address, contact, email?}, note? }` →
 *   a membership application (`memberships`, state applied) for the e-commerce assistant to approve.
 *
 * Everything runs through the real document services (computed fields, rules, codes, audit) as a
 * system actor: the active `admin` user, named "网上商城" in the audit log.
 */
export interface IntakeDeps {
  store: Store;
  now: () => Date;
  /** the website's key; intake is closed when unset */
  intakeKey?: string;
}

const MAX_LINES = 100;
const SYSTEM_NAME = '网上商城';

const bad = (zh: string, en: string, errors?: Record<string, Text>): RefusedError =>
  new RefusedError({ status: 400, message: { zh, en }, ...(errors ? { errors } : {}) });

/** Constant-time comparison of the given key with the configured one (hashes equalise the lengths). */
export function intakeKeyMatches(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export async function handleIntake(deps: IntakeDeps, req: ApiRequest, path: string[]): Promise<ApiResponse> {
  const key = deps.intakeKey?.trim();
  if (!key)
    throw new RefusedError(
      refusal(503, '网上商城接口未开放（未配置接口密钥）', 'The web shop intake is closed (no intake key configured)'),
    );
  if (!intakeKeyMatches(req.headers['x-intake-key'], key))
    throw new RefusedError(refusal(401, '网上商城接口密钥无效', 'Invalid intake key'));
  const m = req.method.toUpperCase();
  if (path.length === 1 && m === 'POST' && path[0] === 'orders')
    return { status: 201, body: await intakeOrder(deps, req.body) };
  if (path.length === 1 && m === 'POST' && path[0] === 'memberships')
    return { status: 201, body: await intakeMembership(deps, req.body) };
  throw new RefusedError(refusal(404, '没有这个接口', 'No such endpoint'));
}

// ---- input ----

function str(v: unknown, field: string, max: number, errors: Record<string, Text>, required = true): string {
  if (v === undefined || v === null || v === '') {
    if (required) errors[field] = { zh: '必填', en: 'Required' };
    return '';
  }
  if (typeof v !== 'string' || v.length > max || [...v].some((c) => c.charCodeAt(0) < 32)) {
    errors[field] = { zh: `应为最多${max}字的文字`, en: `Text of at most ${max} characters` };
    return '';
  }
  return v.trim();
}

function readCustomer(raw: unknown, errors: Record<string, Text>): WebCustomer {
  const c = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  if (raw === undefined || raw === null || typeof raw !== 'object')
    errors.customer = { zh: '请提供客户资料', en: 'Customer details are required' };
  return {
    name: str(c.name, 'customer.name', 100, errors),
    phone: str(c.phone, 'customer.phone', 30, errors),
    address: str(c.address, 'customer.address', 200, errors),
    contact: str(c.contact, 'customer.contact', 50, errors),
    email: str(c.email, 'customer.email', 100, errors, false) || null,
  };
}

const objectBody = (body: unknown): Record<string, unknown> => {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw bad('请求内容应为 JSON 对象', 'The body must be a JSON object');
  return body as Record<string, unknown>;
};

// ---- the system actor and customers ----

async function systemActor(store: Store): Promise<Actor> {
  const { rows } = await store.list('users', {
    filter: { role: 'admin', active: true },
    sort: { field: 'id', order: 'ASC' },
    range: [0, 49],
  });
  const u = rows.find((r) => r.username === 'admin') ?? rows[0];
  if (!u)
    throw new RefusedError(
      refusal(503, '网上商城接口暂不可用（没有系统用户）', 'The intake is unavailable (no system user)'),
    );
  return { id: Number(u.id), username: String(u.username), fullName: SYSTEM_NAME, role: 'admin', group: null };
}

async function findOne(tx: Tx, resource: string, filter: Filter): Promise<DocRecord | undefined> {
  const { rows } = await tx.list(resource, { filter, sort: { field: 'id', order: 'ASC' }, range: [0, 0] });
  return rows[0];
}

const firstOf = (tx: Tx, v: View) => findOne(tx, v.resource, v.where);

async function findByPhone(tx: Tx, phone: string): Promise<DocRecord | undefined> {
  return (await findOne(tx, 'customers', { phone })) ?? (await findOne(tx, 'customers', { mobile: phone }));
}

/**
 * The customer with this phone, or a new one. Found and made with the other makers of customers
 * waiting (two web orders of one new customer at once make one customer, and two new customers
 * get two codes, 6.3.3), and returned locked: the open membership it may get (5.2.2, one per
 * customer) is looked for and made by one intake at a time.
 */
async function customerByPhone(tx: Tx, actor: Actor, c: WebCustomer, now: Date): Promise<DocRecord> {
  await tx.serialize?.(uniqueKey('customers'));
  const cust = (await findByPhone(tx, c.phone)) ?? (await newWebCustomer(tx, actor, c, now));
  return (await tx.lock('customers', Number(cust.id))) ?? cust;
}

/** A new non-member customer (6.3.3: the next code; 5.2.2: member false; SMB, cash). */
async function newWebCustomer(tx: Tx, actor: Actor, c: WebCustomer, now: Date): Promise<DocRecord> {
  const max = await tx.max('customers', 'code');
  return createInTx(
    tx,
    def('customers'),
    actor,
    webCustomer(c, nextCustomerCode(max == null ? null : String(max))),
    now,
    'create from intake',
  );
}

/**
 * 5.2.2 web orders are received by the e-commerce group: the order goes to the active e-commerce
 * assistant with the fewest web orders awaiting confirmation (ties: the first), who owns it.
 */
async function webDesk(tx: Tx): Promise<number | null> {
  const { rows } = await tx.list(webDeskView.resource, {
    filter: webDeskView.where,
    sort: { field: 'id', order: 'ASC' },
    range: [0, 49],
  });
  const loads: { id: number; open: number }[] = [];
  for (const u of rows) {
    const load = webDeskLoad(Number(u.id));
    const { total } = await tx.list(load.resource, {
      filter: load.where,
      sort: { field: 'id', order: 'ASC' },
      range: [0, 0],
    });
    loads.push({ id: Number(u.id), open: total });
  }
  return pickWebDesk(loads);
}

function def(resource: string) {
  const d = getDefinition(resource);
  if (!d) throw new Error(`no definition ${resource}`);
  return d;
}

// ---- orders ----

async function intakeOrder(deps: IntakeDeps, body: unknown) {
  const b = objectBody(body);
  const errors: Record<string, Text> = {};
  const member = b.member;
  if (member !== null && member !== undefined && (typeof member !== 'object' || Array.isArray(member)))
    errors.member = { zh: '应为对象或 null', en: 'Must be an object or null' };
  const memberCode =
    member && typeof member === 'object'
      ? str((member as Record<string, unknown>).code, 'member.code', 12, errors, false)
      : '';
  const customer = readCustomer(b.customer, errors);
  const rawLines = Array.isArray(b.lines) ? b.lines : null;
  if (!rawLines || rawLines.length === 0 || rawLines.length > MAX_LINES)
    errors.lines = { zh: `应有1到${MAX_LINES}行`, en: `1 to ${MAX_LINES} lines` };
  const lines = (rawLines ?? []).map((l, i) => {
    const o = (l && typeof l === 'object' && !Array.isArray(l) ? l : {}) as Record<string, unknown>;
    const sku = str(o.sku, `lines.${i}.sku`, 30, errors);
    const qty = o.qty;
    if (typeof qty !== 'number' || !Number.isInteger(qty) || qty < ORDER_QTY.min || qty > ORDER_QTY.max) {
      errors[`lines.${i}.qty`] = {
        zh: `数量应为${ORDER_QTY.min}到${ORDER_QTY.max}的整数`,
        en: `Quantity: a whole number from ${ORDER_QTY.min} to ${ORDER_QTY.max}`,
      };
    }
    return { sku, qty: Number(qty) };
  });
  let webTime: string | null = null;
  if (b.receivedAt !== undefined && b.receivedAt !== null) {
    if (!isIsoInstant(b.receivedAt)) errors.receivedAt = { zh: '不是有效时间', en: 'Not a valid date-time' };
    else webTime = new Date(b.receivedAt).toISOString();
  }
  if (Object.keys(errors).length) throw bad('网上订单内容有误', 'The web order is malformed', errors);

  const actor = await systemActor(deps.store);
  const now = deps.now();
  const result = await deps.store.transaction(async (tx) => {
    // 5.2.2 members by code (else phone); non-members by phone, or a new customer
    let cust: DocRecord | undefined;
    if (memberCode) {
      cust = await findOne(tx, 'customers', { code: memberCode });
      if (!cust)
        throw new RefusedError(
          ruleRefusal('5.2.2', `会员编号 ${memberCode} 不存在`, `No member with code ${memberCode}`, 'member.code'),
        );
    } else cust = await customerByPhone(tx, actor, customer, now);
    if (cust.active === false)
      throw new RefusedError(
        ruleRefusal(
          '5.2.2',
          '该客户已停用，请电话联系客服',
          'This customer is inactive; please call the service desk',
          'customer',
        ),
      );
    const isMember = isWebMember(cust);

    // the catalog price of each SKU (6.2.2)
    const skus = [...new Set(lines.map((l) => l.sku))];
    const { rows: products } = await tx.list('products', {
      filter: { sku: skus },
      sort: { field: 'id', order: 'ASC' },
      range: [0, skus.length],
    });
    const bySku = new Map(products.map((p) => [String(p.sku), p]));
    const unknown: ReturnType<typeof ruleRefusal>[] = [];
    lines.forEach((l, i) => {
      if (!bySku.has(l.sku))
        unknown.push(
          ruleRefusal(
            '5.2.2',
            `第${i + 1}行：货号 ${l.sku} 不存在`,
            `Line ${i + 1}: no product with SKU ${l.sku}`,
            `lines.${i}.sku`,
          ),
        );
    });
    if (unknown.length)
      throw new RefusedError({ ...unknown[0], errors: Object.assign({}, ...unknown.map((r) => r.errors)) });

    const note = webOrderNote(isMember, webTime);
    const order = await createInTx(
      tx,
      def('orders'),
      actor,
      {
        customerId: Number(cust.id),
        channel: 'web',
        paymentMethod: 'cash',
        lines: lines.map((l) => ({
          productId: Number(bySku.get(l.sku)!.id),
          qty: l.qty,
          unitPrice: bySku.get(l.sku)!.catalogPrice,
        })),
        linesConfirmed: false,
        assistantId: await webDesk(tx),
        receiver: customer.contact,
        receiverPhone: customer.phone,
        deliveryAddress: customer.address,
        note,
      },
      now,
      'create from intake',
    );

    // 5.2.2 a non-member: the e-commerce assistant learns about them and may invite them
    let membership: DocRecord | undefined;
    if (!isMember) {
      membership = await firstOf(tx, openMembershipOf(Number(cust.id)));
      if (!membership)
        membership = await createInTx(
          tx,
          def('memberships'),
          actor,
          membershipOffer(Number(cust.id), Number(order.id), customer),
          now,
          'create from intake',
        );
    }
    return { order, cust, isMember, membership };
  });
  const { order, cust, isMember, membership } = result;
  return {
    orderId: order.id,
    code: order.code,
    status: order.status,
    receivedAt: order.receivedAt,
    confirmDeadline: order.confirmDeadline,
    subtotal: order.subtotal,
    deliveryFee: order.deliveryFee,
    total: order.total,
    customerId: cust.id,
    customerCode: cust.code,
    member: isMember,
    membershipOffer: !isMember,
    membershipId: membership?.id ?? null,
    assistantId: order.assistantId ?? null,
  };
}

// ---- memberships ----

async function intakeMembership(deps: IntakeDeps, body: unknown) {
  const b = objectBody(body);
  const errors: Record<string, Text> = {};
  const customer = readCustomer(b.customer, errors);
  const note = str(b.note, 'note', 2000, errors, false) || null;
  if (Object.keys(errors).length) throw bad('会员申请内容有误', 'The membership application is malformed', errors);
  const actor = await systemActor(deps.store);
  const now = deps.now();
  const found = await deps.store.transaction(async (tx) => {
    const cust = await customerByPhone(tx, actor, customer, now);
    if (cust.member === true)
      throw new RefusedError(
        refusal(
          409,
          `${cust.name} 已是会员（客户编号 ${cust.code}）`,
          `${cust.name} is already a member (customer ${cust.code})`,
          '5.2.2',
        ),
      );
    const open = await firstOf(tx, openMembershipOf(Number(cust.id)));
    if (open) return { cust, membership: open };
    const membership = await createInTx(
      tx,
      def('memberships'),
      actor,
      membershipApplication(Number(cust.id), customer, note),
      now,
      'create from intake',
    );
    return { cust, membership };
  });
  let membership = found.membership;
  // an open offer / invitation: the application moves it on (same record, its own step)
  if (appliesFrom(membership.status)) {
    membership = await actOnDoc(
      { store: deps.store, now: deps.now },
      def('memberships'),
      actor,
      Number(membership.id),
      'apply',
      note ? { comment: note.slice(0, 1000) } : {},
    );
  }
  return {
    membershipId: membership.id,
    code: membership.code,
    status: membership.status,
    customerId: found.cust.id,
    customerCode: found.cust.code,
    member: false,
  };
}
