import { expect } from 'vitest';
import type { loginAs } from '../../helpers/server';

type C = Awaited<ReturnType<typeof loginAs>>;

/**
 * Between picking and the van: the order desk records the printed delivery list (6.2.4) and finance
 * invoices a cash order with its number (5.4.2). Returns the order as it then is.
 */
export async function readyToShip(r: { orderdesk: C; finance: C }, id: number, invoiceNo = `FP-T-${id}`) {
  const printed = await r.orderdesk.post(`/orders/${id}/printed`, { form: 'deliveryNote' });
  expect(printed.status, `print ${JSON.stringify(printed.body)}`).toBe(200);
  if (printed.body.paymentMethod === 'credit') return printed.body;
  const invoiced = await r.finance.post(`/orders/${id}/actions/invoice`, { invoiceNo });
  expect(invoiced.status, `invoice ${JSON.stringify(invoiced.body)}`).toBe(200);
  return invoiced.body;
}

/** A cash order walked to "delivered" by its roles (assistant2 → csManager → orderDesk picks and prints → finance invoices → driver). */
export async function deliveredOrder(
  r: { assistant2: C; csm: C; orderdesk: C; driver: C; finance: C },
  customerId: number,
  lines: { productId: number; qty: number; unitPrice: number }[],
) {
  const o = await r.assistant2.post('/orders', {
    customerId,
    channel: 'phone',
    paymentMethod: 'cash',
    linesConfirmed: true,
    lines,
  });
  expect(o.status, JSON.stringify(o.body)).toBe(201);
  const id = o.body.id;
  for (const [who, action] of [
    [r.assistant2, 'submit'],
    [r.csm, 'approve'],
    [r.orderdesk, 'pick'],
    [null, 'ready'],
    [r.driver, 'ship'],
    [r.driver, 'deliver'],
  ] as const) {
    if (!who) {
      await readyToShip(r, id);
      continue;
    }
    const s = await who.post(`/orders/${id}/actions/${action}`, {});
    expect(s.status, `${action} ${JSON.stringify(s.body)}`).toBe(200);
  }
  return (await r.csm.get(`/orders/${id}`)).body;
}

/** POST an action and expect a status (and, for 422, the clause). */
export async function act(
  c: C,
  path: string,
  action: string,
  status: number,
  body: Record<string, unknown> = {},
  rule?: string,
) {
  const r = await c.post(`${path}/actions/${action}`, body);
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(status);
  if (rule) expect(r.body.rule).toBe(rule);
  return r.body;
}
