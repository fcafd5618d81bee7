import { addDays } from '../../../src/domain/calendar';
import type { DocRecord } from '../../../src/domain/definition';
import { isKeyAccount, isNewCustomer } from '../../../src/domain/rules/customerTerms';
import { shanghaiDate } from '../clock';
import { round2, WeightedPicker } from '../random';
import type { BranchKit, Job, Step } from './kit';
import { walkOrder } from './orders';

/**
 * A year of quotes (6.4): ~10 % of the orders. Key accounts ask most (their prices are quoted within
 * the margin band, some outside it → the csManager first), SMB customers are quoted catalog prices,
 * customers in their first 3 months by the sales rep (6.4.6). Sent within 4 working hours mostly;
 * then accepted and converted into an order (which goes on through the order flow), declined, or
 * left unanswered until they expire (6.4.4).
 */

const INQUIRY_NOTES = [
  '客户询问季度办公用品采购价格',
  '行政部年度集中采购询价',
  '新办公室开业，整批采购询价',
  '客户比价，要求报最优价格',
  '客户要求按项目报价',
  null,
  null,
  null,
];
const DECLINE = ['客户选择了其他供应商', '客户预算调整，暂不采购', '价格高于客户预期', '客户改为网上直接下单'];
const CHANGED_MIND = ['客户内部审批未通过，取消采购', '客户改订其他型号'];
const CANCEL = ['客户来电表示暂不采购', '重复录入，作废', '客户需求变更，重新报价'];
const REJECT = [
  '毛利低于10%，请与销售代表商量后重新报价 (6.4.3)',
  '毛利偏高，客户难以接受，请调整 (6.4.3)',
  '请核实成本价后重新报价',
];

export function quoteJobs(k: BranchKit): Job[] {
  const rng = k.rng.fork('quotes');
  const csm = k.user('csmanager');
  const rep = k.user('salesrep');
  const sellable = k.products.filter((p) => p.catalog !== false && p.active !== false);
  const normal = sellable.filter((p) => p.category !== 'oaEquipment');
  const equipment = sellable.filter((p) => p.category === 'oaEquipment');
  const special = k.products.filter((p) => p.catalog === false && p.active !== false);
  if (normal.length < 5) return [];
  const normalPicker = new WeightedPicker(normal, (p) => (Number(p.catalogPrice) < 500 ? 3 : 1));
  // who asks: key accounts much more than SMB; prospects (no trade yet) now and then
  const pool = k.customers.filter((c) => c.active !== false);
  const customerPicker = new WeightedPicker(pool, (c) =>
    typeof c.firstTradeAt !== 'string' ? 0.3 : isKeyAccount(c) ? 4 : 1,
  );
  if (pool.length === 0) return [];

  const jobs: Job[] = [];
  for (const at of k.arrivals(k.perDay * 0.1)) {
    const c = customerPicker.pick(rng);
    const key = isKeyAccount(c);
    const by = isNewCustomer(c, at) ? rep : k.assistantOf(c);
    // lines: normal goods at a margin (key accounts) or the catalog price (SMB); equipment at market price
    const count = 1 + rng.weightedIndex([30, 30, 20, 12, 8]);
    const picked = new Set<DocRecord>();
    for (let i = 0; i < count * 3 && picked.size < count; i++) picked.add(normalPicker.pick(rng));
    const outside = key && rng.chance(0.15);
    const margin = !key
      ? null
      : outside
        ? rng.chance(0.5)
          ? rng.float(0.03, 0.085)
          : rng.float(0.22, 0.3)
        : rng.float(0.11, 0.19);
    const lines: DocRecord[] = [...picked].map((p) => ({
      productId: Number(p.id),
      qty: rng.int(1, 20) * (Number(p.catalogPrice) < 20 ? 10 : 1),
      unitPrice: margin === null ? p.catalogPrice : round2(Number(p.cost) / (1 - margin)),
    }));
    if (key && equipment.length && rng.chance(0.12)) {
      const p = rng.pick(equipment);
      lines.push({
        productId: Number(p.id),
        qty: rng.int(1, 3),
        unitPrice: round2(Number(p.catalogPrice) * rng.float(0.9, 1)),
      });
    }
    if (key && special.length && rng.chance(0.05)) {
      const p = rng.pick(special);
      if (!lines.some((l) => l.productId === Number(p.id)))
        lines.push({
          productId: Number(p.id),
          qty: rng.int(2, 20) * 10,
          unitPrice: round2(Number(p.cost) / (1 - rng.float(0.27, 0.33))),
        });
    }
    const review = outside; // outside the band: the csManager approves before sending (6.4.3)
    let validUntil = addDays(shanghaiDate(at), rng.pick([7, 10, 14, 14, 15, 30]));
    const inquiryAt = new Date(at.getTime() - rng.int(5, 40) * 60_000);
    const note = rng.pick(INQUIRY_NOTES);

    // the planned life
    const steps: Step[] = [];
    let t = at;
    const add = (action: string, who: typeof by, gap: number, comment?: string): Date => {
      t = k.after(t, gap);
      steps.push({ action, by: who, at: t, ...(comment ? { comment } : {}) });
      return t;
    };
    const within = (d: Date) => shanghaiDate(d) <= validUntil;
    let convert = false;
    if (rng.chance(0.03)) {
      add('cancel', by, rng.float(20, 240), rng.pick(CANCEL));
    } else {
      let sendIt = true;
      if (review) {
        add('submit', by, rng.float(10, 60));
        if (rng.chance(0.25)) {
          add('reject', csm, rng.float(30, 300), rng.pick(REJECT));
          add('cancel', by, rng.float(60, 900), rng.pick(CANCEL));
          sendIt = false;
        } else {
          add('approve', csm, rng.float(20, 240));
        }
      }
      if (sendIt) {
        add('send', by, rng.chance(0.88) ? rng.float(15, 200) : rng.float(250, 700));
        // valid for some days after it reaches the customer (a holiday in between does not eat it up)
        if (addDays(shanghaiDate(t), 3) > validUntil) validUntil = addDays(shanghaiDate(t), 7);
        const r = rng.next();
        const answerAt = k.after(t, rng.float(240, 4000));
        if (r < 0.38 && within(answerAt)) {
          t = answerAt;
          steps.push({ action: 'accept', by, at: t });
          if (rng.chance(0.82) && within(k.after(t, 240))) {
            add('convert', by, rng.float(10, 200));
            convert = true;
          } else add('decline', by, rng.float(120, 1500), rng.pick(CHANGED_MIND));
        } else if (r < 0.68) {
          t = answerAt;
          steps.push({ action: 'decline', by, at: t, comment: rng.pick(DECLINE) });
        } else {
          // no answer: marked expired the next working day after the validity date (6.4.4)
          t = k.on(k.workingDaysAfter(validUntil, 1), 8 * 60 + 30, 10 * 60 + 30);
          steps.push({ action: 'expire', by: rng.chance(0.3) ? csm : by, at: t });
        }
      }
    }
    const body: DocRecord = { customerId: Number(c.id), inquiryAt: inquiryAt.toISOString(), validUntil, lines, note };
    jobs.push({
      at,
      run: async (s) => {
        const q = await k.walk(s, 'quotes', by, at, body, steps);
        if (convert && q.status === 'converted' && typeof q.orderId === 'number') {
          const order = await s.get('orders', q.orderId);
          const owner =
            k.users.find((u) => u.id === Number(order?.assistantId) && u.role === 'assistant') ?? k.assistantOf(c);
          if (order) await walkOrder(k, s, order, steps[steps.length - 1].at, { assistant: owner, confirmLines: true });
        }
      },
    });
  }
  return jobs;
}
