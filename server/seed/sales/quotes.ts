import { addDays } from '../../../src/domain/calendar';
import type { DocRecord } from '../../../src/domain/definition';
import { withinBand } from '../../../src/domain/rules/sales/margin';
import { yuanToFen } from '../../../src/domain/money';
import { assistantOf, establishedKeyAccounts, newKeyAccounts, priceAt, takeSome, type SalesKit } from './kit';

/**
 * Quotes (6.4) in every state: drafts and sent quotes inside the margin band, quotes outside it
 * going through the csManager (review / rejected / approved), accepted, declined, expired (6.4.4),
 * cancelled, one converted into a sales order, and a new customer's quote by the sales rep (6.4.6).
 *
 * The converted quote is at catalog prices, so its order passes the same checks as every seeded
 * order (catalog prices, 6.2.2); quoted prices on orders are exercised by the API tests.
 */
export async function seedQuotes(k: SalesKit): Promise<number> {
  const keys = takeSome(k, establishedKeyAccounts(k), 12);
  const catalog = k.products.filter((p) => p.catalog !== false && p.active !== false && p.category !== 'oaEquipment');
  const special = k.products.filter((p) => p.catalog === false && p.active !== false);
  const inBandAtCatalog = catalog.filter((p) =>
    withinBand(yuanToFen(Number(p.catalogPrice)), yuanToFen(Number(p.cost)), [10, 20]),
  );
  if (keys.length === 0 || catalog.length < 3) return 0;
  const rng = k.ctx.rng;
  const reps = k.user('salesrep');
  const csm = k.user('csmanager');
  let n = 0;
  let next = 0;
  const customer = () => keys[next++ % keys.length];

  /** lines at `margin` (fraction) over cost */
  const linesAt = (margin: number, pool = catalog, count = rng.int(1, 3)) =>
    takeSome(k, pool, count).map((p) => ({
      productId: Number(p.id),
      qty: rng.int(2, 20) * 5,
      unitPrice: priceAt(p, margin),
    }));

  /** create at `day` `hhmm` (inquiry 10 minutes before), valid for `validDays` calendar days */
  const quote = async (
    c: DocRecord,
    by = assistantOf(k, c),
    dayN: number,
    hhmm: string,
    lines: DocRecord[],
    validDays = 14,
    note: string | null = null,
  ) => {
    const at = k.at(dayN, hhmm);
    n++;
    return k.create('quotes', by, k.after(at, 10), {
      customerId: Number(c.id),
      inquiryAt: at.toISOString(),
      validUntil: addDays(k.day(dayN), validDays),
      lines,
      note,
    });
  };

  // draft: today's inquiry being priced
  {
    const c = customer();
    const by = assistantOf(k, c);
    const at = k.ago(50);
    n++;
    await k.create('quotes', by, k.after(at, 15), {
      customerId: Number(c.id),
      inquiryAt: at.toISOString(),
      validUntil: addDays(k.day(1), 16),
      lines: linesAt(0.15),
      note: '客户询问季度办公用品采购价格',
    });
  }
  // sent within 4 working hours
  {
    const c = customer();
    const q = await quote(c, undefined, 1, '09:40', linesAt(0.16));
    await k.act('quotes', q, 'send', assistantOf(k, c), k.at(1, '11:25'));
  }
  // outside the band → review (waiting), rejected, approved (to send)
  {
    const c = customer();
    const q = await quote(c, undefined, 1, '14:05', linesAt(0.26, catalog, 2), 10, '客户采购量小，按较高毛利报价');
    await k.act('quotes', q, 'submit', assistantOf(k, c), k.at(1, '14:40'));
  }
  {
    const c = customer();
    const q = await quote(c, undefined, 3, '10:15', linesAt(0.06, catalog, 2), 10, '客户比价，报低价争取订单');
    await k.act('quotes', q, 'submit', assistantOf(k, c), k.at(3, '10:50'));
    await k.act('quotes', q, 'reject', csm, k.at(3, '13:30'), '毛利低于10%，请与销售代表商量后重新报价 (6.4.3)');
  }
  {
    const c = customer();
    const q = await quote(c, undefined, 1, '09:10', linesAt(0.24, catalog, 1), 10, '小批量，含送货上楼');
    await k.act('quotes', q, 'submit', assistantOf(k, c), k.at(1, '09:35'));
    await k.act('quotes', q, 'approve', csm, k.at(1, '10:20'));
  }
  // special (non-catalog) goods at about 30 %, sent late (within the working day)
  if (special.length) {
    const c = customer();
    const q = await quote(c, undefined, 4, '15:20', linesAt(0.3, special, 1), 21, '定制商品，交期约15天');
    await k.act('quotes', q, 'send', assistantOf(k, c), k.at(3, '10:30'));
  }
  // accepted (to be converted), declined
  {
    const c = customer();
    const q = await quote(c, undefined, 4, '10:00', linesAt(0.14));
    await k.act('quotes', q, 'send', assistantOf(k, c), k.at(4, '11:30'));
    await k.act('quotes', q, 'accept', assistantOf(k, c), k.at(2, '15:10'));
  }
  {
    const c = customer();
    const q = await quote(c, undefined, 6, '11:00', linesAt(0.18));
    await k.act('quotes', q, 'send', assistantOf(k, c), k.at(6, '14:00'));
    await k.act('quotes', q, 'decline', assistantOf(k, c), k.at(4, '09:40'), '客户选择了其他供应商');
  }
  // converted: an accepted quote at catalog prices becomes a sales order
  if (inBandAtCatalog.length) {
    const c = customer();
    const lines = takeSome(k, inBandAtCatalog, 2).map((p) => ({
      productId: Number(p.id),
      qty: rng.int(2, 10),
      unitPrice: p.catalogPrice,
    }));
    const q = await quote(c, undefined, 5, '09:30', lines, 14, '年度框架报价，按导购手册价格');
    await k.act('quotes', q, 'send', assistantOf(k, c), k.at(5, '10:40'));
    await k.act('quotes', q, 'accept', assistantOf(k, c), k.at(3, '09:15'));
    await k.act('quotes', q, 'convert', assistantOf(k, c), k.at(3, '09:20'));
  }
  // expired: valid for the day only, the customer never answered (6.4.4)
  {
    const c = customer();
    const q = await quote(c, undefined, 12, '13:30', linesAt(0.15), 0);
    const sent = await k.act('quotes', q, 'send', assistantOf(k, c), k.at(12, '15:00'));
    await k.act('quotes', sent, 'expire', assistantOf(k, c), k.at(10, '08:40'));
  }
  // cancelled
  {
    const c = customer();
    const q = await quote(c, undefined, 2, '16:10', linesAt(0.15, catalog, 1));
    await k.act('quotes', q, 'cancel', assistantOf(k, c), k.at(2, '16:40'), '客户来电表示暂不采购');
  }
  // 6.4.6 a new customer is quoted by the sales rep
  const fresh = newKeyAccounts(k)[0];
  if (fresh) {
    const q = await quote(fresh, reps, 1, '10:30', linesAt(0.17), 14, '新客户首次报价（销售代表）');
    await k.act('quotes', q, 'send', reps, k.at(1, '13:20'));
  }
  return n;
}
