import { expect } from 'vitest';
import { loginAs, type client } from './server';
import { giveTerms, splitTerms, STORES } from './customerTerms';

type Client = ReturnType<typeof client>;
let n = 0;
const uniq = () => `${Date.now() % 100000}${++n}`;

/** A product with a known price and stock (created through the API as admin). */
export async function makeProduct(
  admin: Client,
  catalogPrice: number,
  stock = 100,
  extra: Record<string, unknown> = {},
) {
  const r = await admin.post('/products', {
    sku: `T-${uniq()}`,
    name: `测试商品${n}`,
    category: 'stationery',
    catalogPrice,
    cost: Math.round(catalogPrice * 80) / 100,
    stock,
    ...extra,
  });
  if (r.status !== 201) throw new Error(`product: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * A customer. firstTradeAt defaults to a year ago. A key-account tier (5.6.2) or credit terms
 * (5.11.2), which no request may set, are written into the test server's store as the daily job
 * and an approved credit application would have left them (customerTerms.ts).
 */
export async function makeCustomer(admin: Client, extra: Record<string, unknown> = {}) {
  const code = (await admin.get('/customers/next-code')).body.code;
  const { terms, rest } = splitTerms(extra);
  const r = await admin.post('/customers', {
    code,
    name: `测试客户${uniq()}`,
    tier: 'smb',
    phone: '0755-12345678',
    address: '深圳市福田区测试路1号',
    firstTradeAt: '2025-06-01T02:00:00.000Z',
    ...rest,
  });
  if (r.status !== 201) throw new Error(`customer: ${r.status} ${JSON.stringify(r.body)}`);
  if (Object.keys(terms).length === 0) return r.body;
  const store = STORES.get(admin.base);
  if (store) return giveTerms(store, Number(r.body.id), terms);
  // a server in another process (browser journeys): a key account by the CS manager's override, with its reason (5.6.2)
  if (Object.keys(terms).some((k) => k !== 'tier'))
    throw new Error('credit terms come only from an approved credit application (5.11.2)');
  const csm = await loginAs(admin.base, 'csmanager');
  const o = await csm.put(`/customers/${r.body.id}`, {
    tierOverride: 'keyAccount',
    tierOverrideReason: '测试：集团统一采购',
  });
  if (o.status !== 200) throw new Error(`override: ${o.status} ${JSON.stringify(o.body)}`);
  return o.body;
}

export const creditKeyAccount = (creditLimit: number, extra: Record<string, unknown> = {}) => ({
  tier: 'keyAccount',
  settlement: 'credit',
  creditLimit,
  ...extra,
});

/** A cash order for a fresh SMB customer, submitted and waiting for the csManager. */
export async function submittedOrder(admin: Client, assistant: Client) {
  const cust = await makeCustomer(admin);
  const p = await makeProduct(admin, 200);
  const o = (
    await assistant.post('/orders', {
      customerId: cust.id,
      channel: 'phone',
      paymentMethod: 'cash',
      linesConfirmed: true,
      lines: [{ productId: p.id, qty: 1, unitPrice: 200 }],
    })
  ).body;
  expect((await assistant.post(`/orders/${o.id}/actions/submit`, {})).status).toBe(200);
  return o;
}
