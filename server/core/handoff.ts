import type { DocRecord } from '../../src/domain/definition';
import { creditFollowUps } from '../../src/domain/documents/approvals/creditFollowUps';
import { fenToYuan, lineTotalFen, sumFen, yuanToFen } from '../../src/domain/money';
import { RefusedError } from './refusal';
import { isFirstOrder } from '../../src/domain/rules/customerTerms';
import type { Actor } from '../../src/domain/roles';
import type { Store } from '../store/types';
import { createInTx } from './documents';

/**
 * 5.5.2 首次订货但要求使用赊销方式付款的客户 … 转交给销售人员进行进一步跟踪、洽谈: the order is refused as
 * credit (nothing of it is saved), and the hand-off is recorded — in its own transaction, after
 * the refusal — as a credit follow-up in the sales rep's inbox: the customer, the order (when it
 * was a saved draft switched to credit), the amount asked, the rep and who handed it over. One
 * open hand-off per customer: asking again refers to the same one. The refusal then names it.
 */
export async function handOffFirstCreditOrder(
  store: Store,
  actor: Actor,
  order: DocRecord,
  now: Date,
  error: unknown,
): Promise<never> {
  if (
    !(error instanceof RefusedError) ||
    error.refusal.status !== 422 ||
    order.paymentMethod !== 'credit' ||
    typeof order.customerId !== 'number'
  )
    throw error;
  const customerId = order.customerId;
  const code = await store.transaction(async (tx) => {
    const customer = await tx.lock('customers', customerId); // hand-offs of one customer take turns
    if (!customer || !isFirstOrder(customer)) return null;
    const { rows } = await tx.list('creditFollowUps', {
      filter: { customerId, kind: 'firstCreditOrder', status: 'open' },
      sort: { field: 'id', order: 'DESC' },
      range: [0, 0],
    });
    if (rows[0]) return String(rows[0].code);
    const lines = Array.isArray(order.lines) ? (order.lines as DocRecord[]) : [];
    const goods = sumFen(
      lines.map((l) =>
        typeof l.qty === 'number' && typeof l.unitPrice === 'number' ? lineTotalFen(yuanToFen(l.unitPrice), l.qty) : 0,
      ),
    );
    const saved = await createInTx(
      tx,
      creditFollowUps,
      actor,
      {
        kind: 'firstCreditOrder',
        customerId,
        salesRepId: typeof customer.salesRepId === 'number' ? customer.salesRepId : null,
        orderId: typeof order.id === 'number' ? order.id : null,
        orderTotal: fenToYuan(goods),
        handedBy: actor.id,
      },
      now,
      'handoff',
    );
    return String(saved.code);
  });
  if (!code) throw error;
  const r = error.refusal;
  throw new RefusedError({
    ...r,
    message: {
      zh: `${r.message.zh}；已转交销售代表跟进：${code}`,
      en: `${r.message.en}; handed to the sales rep: ${code}`,
    },
  });
}
