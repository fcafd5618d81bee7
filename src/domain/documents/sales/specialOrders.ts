import { approvalSteps, rejectedState, submitStep } from '../../approvalSteps';
import {
  bool,
  column,
  date,
  datetime,
  defineDocument,
  int,
  lines,
  longText,
  money,
  ref,
  text,
  type DocRecord,
  type Fact,
  type RuleContext,
} from '../../definition';
import { fact } from '../../explain';
import { lineTotalFen, sumFen } from '../../money';
import { ruleRefusal, type Refusal } from '../../refusal';
import { isKeyAccount } from '../../rules/customerTerms';
import { fen, fenToYuan, linesOf, nowIso, ownDocument } from '../../rules/sales/common';
import { salesSettings } from '../../rules/sales/settings';
import { t } from '../../text';
import type { Workflow } from '../../workflow';

/**
 * Special goods order 特殊商品订购单 (6.5.3–6.5.6, 5.10.3). Special goods are not returnable, so:
 * the sales rep confirms the order in writing before it is placed (6.5.4); large amounts need a
 * deposit or a purchase contract (6.5.4); 5000 yuan or more → the csManager approves, below that it
 * goes straight on (6.5.5); purchasing orders it from the supplier (6.5.6). From then on it cannot
 * be returned (`nonReturnable`, read by the returns family).
 */

/** 6.5.5 订货金额在5000元以上 → csManager approval (5000 itself included). */
export const SPECIAL_ORDER_REVIEW_FROM_FEN = 5000_00;

export const SPECIAL_ORDER_STATUSES = {
  draft: { label: t('草稿', 'Draft'), color: 'default', editable: true, waitingOn: ['assistant'] },
  rejected: rejectedState(['assistant']),
  repConfirmation: {
    label: t('待销售代表书面确认', 'Awaiting the rep’s written confirmation'),
    color: 'info',
    waitingOn: ['salesRep'],
  },
  review: {
    label: t('待经理审批（≥5000元）', 'Awaiting manager (≥ 5000 yuan)'),
    color: 'secondary',
    waitingOn: ['csManager'],
  },
  approved: { label: t('待采购订货', 'Awaiting purchasing'), color: 'primary', waitingOn: ['purchasing'] },
  ordered: {
    label: t('已向供应商订货', 'Ordered from supplier'),
    color: 'primary',
    waitingOn: ['purchasing', 'warehouse'],
  },
  received: { label: t('已回货', 'Goods received'), color: 'success', final: true },
  cancelled: { label: t('已取消', 'Cancelled'), color: 'default', final: true },
} as const;

const PURCHASING = ['purchasing'] as const;
/** an inquiry whose answer may be ordered (5.10.3) */
export const INQUIRY_ORDERABLE = ['answered', 'depositPaid', 'ordered'];

export const needsManagerApproval = (totalFen: number) => totalFen >= SPECIAL_ORDER_REVIEW_FROM_FEN;

/** Lines in the exact shape of the definition (so an effect-created order compares equal on PUT). */
function normalLine(l: DocRecord): DocRecord {
  return {
    productId: l.productId ?? null,
    name: l.name ?? null,
    spec: l.spec ?? null,
    colour: l.colour ?? null,
    qty: l.qty ?? null,
    unitPrice: l.unitPrice ?? null,
    requirement: l.requirement ?? null,
  };
}

export function computeSpecialOrder(doc: DocRecord, ctx: RuleContext): DocRecord {
  const customer = ctx.refs.customerId;
  const lineList = linesOf(doc).map(normalLine);
  const totalFen = sumFen(lineList.map((l) => lineTotalFen(fen(l.unitPrice), Number(l.qty) || 0)));
  return {
    ...doc,
    lines: lineList,
    customerName: customer?.name ?? doc.customerName ?? '',
    total: fenToYuan(totalFen),
    needsManagerApproval: needsManagerApproval(totalFen),
    // 6.5.4 special goods are not returnable
    nonReturnable: true,
  };
}

export function specialOrderRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const customer = ctx.refs.customerId;
  if (!customer) return [ruleRefusal('6.3', '客户不存在', 'No such customer', 'customerId')];
  const out: Refusal[] = [];
  // 6.5.2 / 6.5.3 SMB customers: catalog goods only; special goods ordering is a key-account service
  if (!isKeyAccount(customer))
    out.push(
      ruleRefusal(
        '6.5.2',
        '中小客户只能销售目录商品，特殊商品订购仅限大客户',
        'SMB customers buy catalog goods only; special goods are ordered for key accounts',
        'customerId',
      ),
    );
  if (customer.active === false)
    out.push(ruleRefusal('6.3', '该客户已停用', 'This customer is inactive', 'customerId'));
  const lineList = linesOf(doc);
  if (lineList.length === 0)
    out.push(ruleRefusal('6.5.5', '订购单至少要有一行商品', 'A special order needs at least one line', 'lines'));
  lineList.forEach((l, i) => {
    if (l.productId == null) return;
    const p = ctx.lineRefs.productId?.[Number(l.productId)];
    if (!p)
      out.push(
        ruleRefusal('6.5.5', `第${i + 1}行：商品不存在`, `Line ${i + 1}: no such product`, `lines.${i}.productId`),
      );
    else if (p.catalog !== false)
      out.push(
        ruleRefusal(
          '6.5.4',
          `第${i + 1}行：${p.name} 是目录常销商品，请用请购单订货`,
          `Line ${i + 1}: ${p.name} is a catalog good: use a requisition`,
          `lines.${i}.productId`,
        ),
      );
  });
  // 6.5.4 a special order starts from its special-goods inquiry (price, performance, minimum quantity)
  if (doc.inquiryId == null)
    out.push(
      ruleRefusal(
        '6.5.4',
        '特殊商品须先填写询价单（价格、性能、起订数量），订购单须注明所依据的询价单',
        'Special goods start from an inquiry (price, performance, minimum quantity): name the inquiry this order follows',
        'inquiryId',
      ),
    );
  // 5.10.3 custom goods from an inquiry: same customer, answered, and its 30 % deposit received
  else {
    const inquiry = ctx.refs.inquiryId;
    if (!inquiry) out.push(ruleRefusal('5.10.2', '询价单不存在', 'No such inquiry', 'inquiryId'));
    else {
      if (inquiry.customerId !== doc.customerId)
        out.push(ruleRefusal('5.10.2', '询价单属于另一客户', 'The inquiry is another customer’s', 'inquiryId'));
      if (!INQUIRY_ORDERABLE.includes(String(inquiry.status)))
        out.push(ruleRefusal('5.10.2', '询价单尚未答复', 'The inquiry has not been answered', 'inquiryId'));
      const due = fen(inquiry.depositRequired);
      if (due > 0 && (inquiry.depositPaid !== true || fen(doc.depositAmount) < due)) {
        out.push(
          ruleRefusal(
            '5.10.3',
            `定制商品须先收取30%订金（${inquiry.depositRequired} 元）`,
            `Custom goods: a 30 % deposit (${inquiry.depositRequired} yuan) first`,
            'depositAmount',
          ),
        );
      }
    }
  }
  if (fen(doc.depositAmount) > fen(doc.total))
    out.push(
      ruleRefusal('6.5.4', '订金不能超过订购金额', 'The deposit cannot exceed the order total', 'depositAmount'),
    );
  return out;
}

/**
 * 6.5.4 what the special-goods inquiry answered — price, minimum quantity, lead time (and the
 * requirements asked about) — beside the order, for the rep who confirms it and the approvers.
 */
export function explainSpecialOrder(_doc: DocRecord, ctx: RuleContext): Fact[] {
  const inq = ctx.refs.inquiryId;
  if (!inq)
    return [
      fact('inquiry', t('询价单', 'Inquiry'), t('未注明询价单', 'no inquiry named'), { rule: '6.5.4', tone: 'error' }),
    ];
  const plain = (v: unknown) => ({
    zh: v == null || v === '' ? '—' : String(v),
    en: v == null || v === '' ? '—' : String(v),
  });
  return [
    fact(
      'inquiry',
      t('询价单', 'Inquiry'),
      plain(`${String(inq.code ?? inq.id)} ${String(inq.itemName ?? '')}`.trim()),
      { rule: '6.5.4' },
    ),
    fact('inquiryPrice', t('询价答复单价', 'Answered unit price'), plain(inq.answerPrice), {
      rule: '6.5.4',
      amount: typeof inq.answerPrice === 'number' ? inq.answerPrice : undefined,
    }),
    fact('inquiryMinQty', t('起订数量', 'Minimum order qty'), plain(inq.minQty), {
      rule: '6.5.4',
      amount: typeof inq.minQty === 'number' ? inq.minQty : undefined,
    }),
    fact('inquiryLeadTime', t('交货周期（天）', 'Lead time (days)'), plain(inq.leadTimeDays), {
      rule: '6.5.4',
      amount: typeof inq.leadTimeDays === 'number' ? inq.leadTimeDays : undefined,
    }),
    fact(
      'inquirySpec',
      t('规格及要求（性能）', 'Spec and requirements (performance)'),
      plain([inq.spec, inq.requirements].filter((x) => typeof x === 'string' && x).join('；')),
      { rule: '6.5.4' },
    ),
  ];
}

/** 6.5.4 "large amounts" of special goods: from the branch's threshold (settings; an assumption) */
export function isLargeSpecialOrder(doc: DocRecord, settings: Record<string, unknown> | undefined): boolean {
  return fen(doc.total) >= fen(salesSettings(settings).specialOrderDepositFrom);
}

/** 6.5.4 large amounts: does this special order still need a deposit or a formal purchase contract? */
export function lacksDepositOrContract(doc: DocRecord, settings: Record<string, unknown> | undefined): boolean {
  if (!isLargeSpecialOrder(doc, settings)) return false;
  return !(fen(doc.depositAmount) > 0 || (typeof doc.contractNo === 'string' && doc.contractNo.trim()));
}

/** 6.5.4 large amounts: a deposit or a formal purchase contract before the order goes on. */
function depositOrContract(doc: DocRecord, ctx: RuleContext): Refusal | null {
  if (!lacksDepositOrContract(doc, ctx.settings)) return null;
  const from = salesSettings(ctx.settings).specialOrderDepositFrom;
  return ruleRefusal(
    '6.5.4',
    `金额较大（≥${from}元）的特殊商品须收取订金或签订正式购销合同`,
    `Special goods of a large amount (≥ ${from} yuan) need a deposit or a formal purchase contract`,
    'depositAmount',
  );
}

/** 6.5.4 / 6.5.6 before purchasing orders: the rep's written confirmation, and the supplier PO number. */
function orderGuard(doc: DocRecord): Refusal | null {
  if (doc.repConfirmed !== true)
    return ruleRefusal(
      '6.5.4',
      '须有销售代表的书面确认才能订货',
      'The sales rep’s written confirmation comes before ordering',
      'repConfirmed',
    );
  if (!(typeof doc.supplierPo === 'string' && doc.supplierPo.trim()))
    return ruleRefusal('6.5.6', '请先填写供应商采购订单号', 'Record the supplier PO number first', 'supplierPo');
  const approvals = Array.isArray(doc.approvals) ? (doc.approvals as DocRecord[]) : [];
  if (
    doc.needsManagerApproval === true &&
    !approvals.some((a) => a.role === 'csManager' && a.decision === 'approve' && a.step === 'review')
  ) {
    return ruleRefusal(
      '6.5.5',
      '5000元以上的特殊商品订购须经客户服务中心经理审批',
      'Special orders of 5000 yuan or more need the CS Center manager’s approval',
      'total',
    );
  }
  return null;
}

const stamp = (field: string) => (_d: DocRecord, ctx: RuleContext) => ({ [field]: nowIso(ctx) });
const own = ownDocument('assistantId');

export const specialOrderWorkflow: Workflow = {
  initial: () => 'draft',
  states: SPECIAL_ORDER_STATUSES,
  transitions: [
    // the assistant enters it; the rep confirms in writing before ordering (6.5.4)
    submitStep({
      roles: ['assistant', 'teamLead'],
      to: 'repConfirmation',
      label: t('提交销售代表确认', 'Submit for the rep’s confirmation'),
      actor: own,
      guard: depositOrContract,
      effect: () => ({ repConfirmed: false, repConfirmedBy: null, repConfirmedAt: null }),
    }),
    // 6.5.5 ≥ 5000 → csManager; below goes straight on to purchasing
    {
      action: 'confirm',
      label: t('书面确认订货', 'Confirm in writing'),
      from: ['repConfirmation'],
      roles: ['salesRep'],
      to: (d) => (needsManagerApproval(fen(d.total)) ? 'review' : 'approved'),
      decision: 'approve',
      effect: (_d, ctx) => ({ repConfirmed: true, repConfirmedBy: ctx.user.id, repConfirmedAt: nowIso(ctx) }),
      tone: 'primary',
    },
    {
      action: 'repReject',
      label: t('不予确认', 'Do not confirm'),
      from: ['repConfirmation'],
      roles: ['salesRep'],
      to: 'rejected',
      decision: 'reject',
      commentRequired: true,
      tone: 'danger',
    },
    ...approvalSteps([{ state: 'review', roles: ['csManager'], next: 'approved' }], { rule: '6.5.4' }),
    // 6.5.6 purchasing orders from the supplier; from here on the goods are not returnable (6.5.4)
    {
      action: 'order',
      label: t('已向供应商订货', 'Ordered from supplier'),
      from: ['approved'],
      roles: PURCHASING,
      to: 'ordered',
      params: ['supplierPo', 'expectedAt'],
      guard: orderGuard,
      effect: stamp('orderedAt'),
      tone: 'primary',
      list: true,
    },
    {
      action: 'receive',
      label: t('特殊商品回货', 'Goods received'),
      from: ['ordered'],
      roles: ['purchasing', 'warehouse'],
      to: 'received',
      effect: stamp('receivedAt'),
      bulk: true,
    },
    {
      action: 'cancel',
      label: t('取消', 'Cancel'),
      from: ['draft', 'rejected', 'repConfirmation', 'review', 'approved'],
      roles: ['assistant', 'csManager'],
      to: 'cancelled',
      actor: own,
      commentRequired: true,
      tone: 'danger',
    },
  ],
};

export const specialOrders = defineDocument({
  resource: 'specialOrders',
  clause: '6.5.5',
  label: t('特殊商品订购单', 'Special goods order'),
  menuLabel: t('特殊商品订购单', 'Special goods orders'),
  codePrefix: 'SP',
  fields: {
    code: text(t('订购单号', 'Order no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    customerId: ref(t('客户', 'Customer'), 'customers', { required: true }),
    // 6.5.4 先输入特殊商品询价单: the answered inquiry of this customer the order follows (required; the rules say why)
    inquiryId: ref(t('询价单', 'Inquiry'), 'inquiries', {
      help: t(
        '特殊商品须先询价（价格、性能、起订数量）(6.5.4)',
        'Special goods start from an answered inquiry: price, performance, minimum quantity (6.5.4)',
      ),
      pick: {
        filter: (d) =>
          typeof d.customerId === 'number' ? { customerId: d.customerId, status: INQUIRY_ORDERABLE } : null,
        after: 'customerId',
        rule: '6.5.4',
        why: t('须为该客户已答复的询价单', "must be this customer's answered inquiry"),
        inRules: true,
      },
    }),
    lines: lines(
      t('订购明细', 'Lines'),
      {
        productId: ref(t('商品（如已建档）', 'Product (if on file)'), 'products'),
        name: text(t('商品名称', 'Item'), { required: true, maxLength: 100 }),
        spec: text(t('规格型号', 'Spec / model'), { maxLength: 200 }),
        colour: text(t('颜色', 'Colour'), { maxLength: 30 }),
        qty: int(t('数量', 'Qty'), { required: true, min: 1, max: 1_000_000 }),
        unitPrice: money(t('销售单价', 'Unit price'), { required: true, max: 1_000_000 }),
        requirement: text(t('特殊要求', 'Special requirement'), { maxLength: 200 }),
      },
      { required: true, maxLines: 100 },
    ),
    requirements: longText(t('特殊要求说明', 'Special requirements'), { maxLength: 2000 }),
    depositAmount: money(t('已收订金', 'Deposit received'), {
      default: 0,
      max: 100_000_000,
      help: t('金额较大须收订金或签购销合同 (6.5.4)', 'Large amounts: a deposit or a contract (6.5.4)'),
    }),
    contractNo: text(t('购销合同号', 'Purchase contract no.'), { maxLength: 40 }),
    // entered by purchasing with the `order` step (6.5.6)
    supplierPo: text(t('供应商采购订单号', 'Supplier PO no.'), { maxLength: 40, search: true, readOnly: true }),
    expectedAt: date(t('预计回货日期', 'Expected on'), { readOnly: true }),
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    total: money(t('订购金额', 'Order total'), { computed: true }),
    needsManagerApproval: bool(t('需经理审批（≥5000元）', 'Needs manager (≥ 5000 yuan)'), {
      computed: true,
      help: t('订货金额5000元以上须经理审批 (6.5.5)', '5000 yuan or more: manager approval (6.5.5)'),
    }),
    nonReturnable: bool(t('不可退货', 'Non-returnable'), {
      computed: true,
      help: t('特殊商品原则上不允许退货 (6.5.4)', 'Special goods are not returnable (6.5.4)'),
    }),
    repConfirmed: bool(t('销售代表已书面确认', 'Confirmed in writing by the rep'), { readOnly: true }),
    repConfirmedBy: ref(t('确认的销售代表', 'Confirmed by'), 'users', { readOnly: true }),
    repConfirmedAt: datetime(t('确认时间', 'Confirmed at'), { readOnly: true }),
    assistantId: ref(t('客户助理', 'Assistant'), 'users', { readOnly: true }),
    submittedAt: datetime(t('提交时间', 'Submitted at'), { readOnly: true }),
    orderedAt: datetime(t('订货时间', 'Ordered at'), { readOnly: true }),
    receivedAt: datetime(t('回货时间', 'Received at'), { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('total', 'money'),
    column('status', 'status'),
    column('submittedAt', 'datetime'),
    column('needsManagerApproval', 'flag', 2),
    column('repConfirmed', 'flag', 3),
    column('supplierPo', 'text', 3),
  ],
  filters: ['status', 'customerId', 'assistantId', 'needsManagerApproval', 'submittedAt'],
  defaultSort: { field: 'id', order: 'DESC' },
  columns: [
    'code',
    'status',
    'customerId',
    'customerName',
    'inquiryId',
    'assistantId',
    'createdBy',
    'total',
    'depositAmount',
    'needsManagerApproval',
    'supplierPo',
    'submittedAt',
    'orderedAt',
    'expectedAt',
  ],
  access: {
    read: [
      'assistant',
      'teamLead',
      'csManager',
      'salesRep',
      'purchasing',
      'merchPlanning',
      'warehouse',
      'lossPrevention',
      'finance',
      'branchGM',
      'admin',
    ],
    create: ['assistant', 'teamLead'],
    edit: ['assistant', 'salesRep', 'teamLead'],
  },
  editableIn: ['draft', 'rejected'],
  ownerField: 'assistantId',
  menuGroup: 'sales',
  explain: explainSpecialOrder,
  compute: computeSpecialOrder,
  rules: specialOrderRules,
  workflow: specialOrderWorkflow,
});
