import { expect } from 'vitest';
import type { loginAs } from '../../helpers/server';

type C = Awaited<ReturnType<typeof loginAs>>;

/** A cash order walked to "delivered" by its roles (assistant2 → csManager → orderDesk → driver). */
export async function deliveredOrder(r: { assistant2: C; csm: C; orderdesk: C; driver: C }, customerId: number, lines: { productId: number; qty: number; unitPrice: number }[]) {
  const o = await r.assistant2.post('/orders', { customerId, channel: 'phone', paymentMethod: 'cash', linesConfirmed: true, lines });
  expect(o.status, JSON.stringify(o.body)).toBe(201);
  const id = o.body.id;
  for (const [who, action] of [[r.assistant2, 'submit'], [r.csm, 'approve'], [r.orderdesk, 'pick'], [r.driver, 'ship'], [r.driver, 'deliver']] as const) {
    const s = await who.post(`/orders/${id}/actions/${action}`, {});
    expect(s.status, `${action} ${JSON.stringify(s.body)}`).toBe(200);
  }
  return (await r.csm.get(`/orders/${id}`)).body;
}

/** POST an action and expect a status (and, for 422, the clause). */
export async function act(c: C, path: string, action: string, status: number, body: Record<string, unknown> = {}, rule?: string) {
  const r = await c.post(`${path}/actions/${action}`, body);
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(status);
  if (rule) expect(r.body.rule).toBe(rule);
  return r.body;
}
