import { addDays } from '../../../src/domain/calendar';
import type { DocRecord } from '../../../src/domain/definition';
import { isKeyAccount } from '../../../src/domain/rules/customerTerms';
import { round2 } from '../random';
import { getDefinition } from '../../../src/domain/documents';
import { updateDoc } from '../../core/documents';
import { actAs } from '../walk';
import { assistantOf, takeSome, type SalesKit } from './kit';
import { specialOrderViaInquiry, type InquiryServices } from './viaInquiry';

/** the services the inquiry → special order walk takes (6.5.4) */
const inquiryServices = (k: SalesKit): InquiryServices => ({
  create: (resource, by, at, body) => k.create(resource, by, at, body),
  act: (resource, id, action, by, at, extra) => actAs(k.ctx, resource, id, action, by, at, extra ?? {}),
  update: (resource, id, by, at, body) => {
    const def = getDefinition(resource);
    if (!def) throw new Error(`no definition ${resource}`);
    return updateDoc({ store: k.ctx.store, now: () => at }, def, by, id, body);
  },
});

/**
 * Custom and special goods (5.10, 6.5.4–6.5.6): inquiries in every state — one turned into a
 * special order after its 30 % deposit — and special goods orders in every state (the rep's
 * written confirmation, the csManager from 5000 yuan, purchasing's supplier PO, goods back).
 */

export interface InquiryItem {
  itemName: string;
  spec: string;
  colour?: string;
  qty: number;
  targetPrice: number;
  customMade?: boolean;
}

/** custom goods customers ask about (5.10); the branch volume adds a few more */
export const INQUIRY_ITEMS: InquiryItem[] = [
  { itemName: '定制LOGO笔记本', spec: 'A5 烫金LOGO 80页', colour: '深蓝色', qty: 300, targetPrice: 30 },
  { itemName: '定制印刷信封', spec: 'DL 110×220mm 双色印刷', colour: '白色', qty: 5000, targetPrice: 0.6 },
  { itemName: '非标铁皮文件柜', spec: '1800×900×400mm 五层', colour: '灰白色', qty: 6, targetPrice: 1200 },
  { itemName: '企业定制台历', spec: '210×140mm 13张 彩印', qty: 500, targetPrice: 18 },
  { itemName: '定制手提纸袋', spec: '32×25×11cm 印LOGO', colour: '白色', qty: 2000, targetPrice: 3 },
  { itemName: '定制工牌及挂绳', spec: 'PVC 双面印刷 + 涤纶挂绳', qty: 400, targetPrice: 8 },
  { itemName: '财务凭证纸（定制印刷）', spec: '240×140mm 500张/包', qty: 100, targetPrice: 26 },
  { itemName: '定制文件袋', spec: 'A4 牛皮纸 单色印LOGO', colour: '牛皮色', qty: 1000, targetPrice: 2.5 },
  {
    itemName: '碎纸机（非目录型号）',
    spec: '5级保密 30L',
    colour: '黑色',
    qty: 2,
    targetPrice: 2800,
    customMade: false,
  },
];

export async function seedInquiries(k: SalesKit): Promise<number> {
  const keys = takeSome(
    k,
    k.customers.filter((c) => isKeyAccount(c) && c.active !== false),
    9,
  );
  if (keys.length === 0) return 0;
  const rng = k.ctx.rng;
  const rep = k.user('salesrep');
  const merch = k.user('merch');
  const reviewers = [k.user('csmanager'), k.user('supervisor')];
  let n = 0;
  let i = 0;
  const draft = async (by = rep, at: Date) => {
    const item = INQUIRY_ITEMS[i % INQUIRY_ITEMS.length];
    const c = keys[i++ % keys.length];
    n++;
    return k.create('inquiries', by, at, {
      customerId: Number(c.id),
      itemName: item.itemName,
      spec: item.spec,
      colour: item.colour ?? null,
      qty: item.qty,
      targetPrice: item.targetPrice,
      requiredBy: addDays(k.day(1), rng.int(20, 40)),
      customMade: item.customMade ?? true,
      requirements: '按客户提供的样稿制作，颜色以色卡为准',
    });
  };
  const submitted = async (dayN: number) => {
    const q = await draft(rep, k.at(dayN, '09:20'));
    return k.act('inquiries', q, 'submit', rep, k.at(dayN, '10:05'));
  };
  const priced = async (dayN: number) => {
    const q = await k.act('inquiries', await submitted(dayN), 'approve', rng.pick(reviewers), k.at(dayN, '14:30'));
    return q;
  };
  const answered = async (dayN: number) => {
    const q = await priced(dayN);
    const item = INQUIRY_ITEMS[(i - 1) % INQUIRY_ITEMS.length];
    return k.act('inquiries', q, 'answer', merch, k.at(dayN - 1, '11:00'), {
      answerPrice: round2(item.targetPrice * rng.float(1, 1.15)),
      minQty: Math.max(1, Math.round(item.qty / rng.int(2, 4))),
      leadTimeDays: rng.int(7, 20),
      answerNote: '供应商确认可做，打样3天',
    });
  };

  // draft: the assistant recorded a key account's request for the rep (5.10.1)
  {
    const c = keys[i % keys.length];
    await draft(assistantOf(k, c), k.ago(70));
  }
  await submitted(1); // review
  await k.act(
    'inquiries',
    await submitted(4),
    'reject',
    rng.pick(reviewers),
    k.at(4, '15:20'),
    '规格、数量未与客户确认清楚，请补充后再提交',
  ); // rejected
  await priced(2); // pricing (with merchandise planning)
  await answered(4); // answered
  const deposit = await answered(7);
  await k.act('inquiries', deposit, 'recordDeposit', k.user('finance'), k.at(4, '11:30')); // depositPaid
  const toOrder = await answered(10);
  const paid = await k.act('inquiries', toOrder, 'recordDeposit', rep, k.at(8, '10:00'));
  await k.act('inquiries', paid, 'order', rep, k.at(8, '10:30')); // ordered → a special order draft
  await k.act('inquiries', await answered(9), 'decline', rep, k.at(6, '16:00'), '客户认为价格偏高，暂不订制'); // declined
  await k.act('inquiries', await draft(rep, k.at(3, '16:00')), 'cancel', rep, k.at(2, '09:10'), '客户改用目录商品'); // cancelled
  return n;
}

export interface SpecialLine {
  name: string;
  spec: string;
  colour: string | null;
  qty: number;
  unitPrice: number;
}

/** special goods orders (6.5): their lines — the branch volume's special orders extend the list */
export const SPECIAL_LINES: SpecialLine[][] = [
  [{ name: '定制LOGO保温杯', spec: '500ml 激光刻字', colour: '银色', qty: 60, unitPrice: 30 }],
  [{ name: '非标铁皮文件柜', spec: '1800×900×400mm', colour: '灰白色', qty: 6, unitPrice: 1280 }],
  [
    { name: '会议室定制白板', spec: '2400×1200mm 磁性', colour: '白色', qty: 4, unitPrice: 1500 },
    { name: '白板安装', spec: '上门安装', colour: null, qty: 4, unitPrice: 300 },
  ],
  [{ name: '定制印刷信纸', spec: 'A4 双色印刷 500张/包', colour: '白色', qty: 30, unitPrice: 158 }],
  [{ name: '档案密集架（非标）', spec: '定制尺寸 6列', colour: '灰色', qty: 1, unitPrice: 6400 }],
  [{ name: '定制纸杯', spec: '9盎司 印LOGO 1000只/箱', colour: '白色', qty: 10, unitPrice: 235 }],
  [{ name: '定制笔记本礼盒', spec: 'A5 笔记本+签字笔', colour: '黑色', qty: 100, unitPrice: 45 }],
];

export async function seedSpecialOrders(k: SalesKit): Promise<number> {
  const keys = takeSome(
    k,
    k.customers.filter((c) => isKeyAccount(c) && c.active !== false),
    7,
  );
  if (keys.length === 0) return 0;
  const rep = k.user('salesrep');
  const csm = k.user('csmanager');
  const purchasing = k.user('purchasing');
  let n = 0;
  let i = 0;
  const make = async (dayN: number, extra: DocRecord = {}) => {
    const c = keys[i % keys.length];
    const lines = SPECIAL_LINES[i++ % SPECIAL_LINES.length];
    n++;
    // 6.5.4 from its special-goods inquiry, answered by merchandise planning the days before
    const times = [
      k.at(dayN + 2, '09:00'),
      k.at(dayN + 2, '09:20'),
      k.at(dayN + 2, '11:00'),
      k.at(dayN + 1, '10:00'),
      k.at(dayN, '09:30'),
      k.at(dayN, '09:45'),
    ] as const;
    const so = await specialOrderViaInquiry(
      inquiryServices(k),
      { rep, reviewer: csm, merch: k.user('merch') },
      Number(c.id),
      lines.map((l) => ({ ...l })),
      { requirements: '特殊商品，不予退货，已告知客户 (6.5.4)', ...extra },
      times,
    );
    if (!so) throw new Error('seed: the special order was not made from its inquiry');
    return { so, by: k.userById(so.assistantId) ?? assistantOf(k, c) };
  };
  const confirmed = async (dayN: number, extra: DocRecord = {}) => {
    const { so, by } = await make(dayN, extra);
    const sub = await k.act('specialOrders', so, 'submit', by, k.at(dayN, '10:10'));
    return { so: await k.act('specialOrders', sub, 'confirm', rep, k.at(dayN, '14:20')), by };
  };
  const ordered = async (dayN: number, extra: DocRecord = {}) => {
    let { so } = await confirmed(dayN, extra);
    if (so.status === 'review') so = await k.act('specialOrders', so, 'approve', csm, k.at(dayN, '16:30'));
    return k.act('specialOrders', so, 'order', purchasing, k.at(dayN - 1, '09:40'), {
      supplierPo: `PO-${k.day(dayN - 1).replaceAll('-', '')}-${String(i).padStart(3, '0')}`,
      expectedAt: addDays(k.day(dayN - 1), 10),
    });
  };

  // repConfirmation: waiting for the rep's written confirmation
  {
    const { so, by } = await make(1);
    await k.act('specialOrders', so, 'submit', by, k.at(1, '10:10'));
  }
  await confirmed(2, { contractNo: `HT-${k.day(2).slice(0, 4)}-0${i + 1}8` }); // review (≥ 5000)
  {
    const { so } = await confirmed(5, { depositAmount: 2000 });
    await k.act('specialOrders', so, 'reject', csm, k.at(4, '09:30'), '请与供应商再次确认价格及交期后重新提交');
  } // rejected
  await confirmed(3); // approved: under 5000, straight to purchasing
  await ordered(4, { depositAmount: 2000 }); // ordered (≥ 5000, approved, PO)
  {
    const so = await ordered(9);
    await k.act('specialOrders', so, 'receive', k.user('warehouse'), k.at(2, '15:00'));
  } // received
  {
    const { so, by } = await make(6);
    await k.act('specialOrders', so, 'cancel', by, k.at(6, '11:00'), '客户取消订购');
  } // cancelled
  return n;
}
