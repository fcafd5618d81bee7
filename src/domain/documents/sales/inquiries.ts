import { approvalSteps, rejectedState, submitStep } from '../../approvalSteps';
import {
  bool,
  column,
  date,
  datetime,
  defineDocument,
  int,
  longText,
  money,
  ref,
  text,
  type DocRecord,
  type RuleContext,
} from '../../definition';
import { lineTotalFen } from '../../money';
import { ruleRefusal, type Refusal } from '../../refusal';
import { isKeyAccount } from '../../rules/customerTerms';
import { CUSTOM_DEPOSIT_PERCENT, depositFen, fen, fenToYuan, nowIso, ownDocument } from '../../rules/sales/common';
import { t } from '../../text';
import type { Effect, Workflow } from '../../workflow';

/**
 * Inquiry 询价单 (5.10.1–5.10.3, 6.5.4). Custom / non-catalog goods are offered to key accounts
 * only (5.10.1): the assistant records the request and hands it to the key-account rep, the rep
 * fills the inquiry, the csManager or the officeSupervisor reviews it, merchPlanning answers price,
 * minimum quantity and lead time (5.10.2). The rep then quotes the customer; custom-made goods need
 * a 30 % deposit before they are ordered (5.10.3), after which the inquiry becomes a special order.
 *
 * One inquiry is about one item (the 询价单 asks about one product: price, performance, minimum
 * order quantity — 6.5.4); several items are several inquiries.
 */

export const INQUIRY_STATUSES = {
  draft: { label: t('草稿', 'Draft'), color: 'default', editable: true, waitingOn: ['salesRep'] },
  review: { label: t('待审核', 'Awaiting review'), color: 'info', waitingOn: ['csManager', 'officeSupervisor'] },
  rejected: rejectedState(['salesRep']),
  pricing: {
    label: t('商品计划部询价中', 'With merchandise planning'),
    color: 'secondary',
    waitingOn: ['merchPlanning'],
  },
  answered: {
    label: t('已答复待客户确认', 'Answered, customer to confirm'),
    color: 'primary',
    waitingOn: ['salesRep'],
  },
  depositPaid: { label: t('已收订金', 'Deposit received'), color: 'primary', waitingOn: ['salesRep'] },
  ordered: { label: t('已转特殊商品订购单', 'Turned into a special order'), color: 'success', final: true },
  declined: { label: t('客户放弃', 'Declined by customer'), color: 'default', final: true },
  cancelled: { label: t('已取消', 'Cancelled'), color: 'default', final: true },
} as const;

/** 5.10.3 estimated total = answered unit price × max(qty, minimum qty); 30 % of it for custom goods. */
export function inquiryEstimate(doc: DocRecord): DocRecord {
  const qty = Math.max(Number(doc.qty) || 0, Number(doc.minQty) || 0);
  const estimatedFen = typeof doc.answerPrice === 'number' ? lineTotalFen(fen(doc.answerPrice), qty) : 0;
  return {
    orderQty: qty,
    estimatedTotal: fenToYuan(estimatedFen),
    depositRequired: doc.customMade === false ? 0 : fenToYuan(depositFen(estimatedFen)),
  };
}

export function computeInquiry(doc: DocRecord, ctx: RuleContext): DocRecord {
  const customer = ctx.refs.customerId;
  return {
    ...doc,
    customerName: customer?.name ?? doc.customerName ?? '',
    repId: customer?.salesRepId ?? doc.repId ?? (ctx.user.role === 'salesRep' ? ctx.user.id : null),
    ...inquiryEstimate(doc),
  };
}

export function inquiryRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const customer = ctx.refs.customerId;
  if (!customer) return [ruleRefusal('6.3', '客户不存在', 'No such customer', 'customerId')];
  const out: Refusal[] = [];
  // 5.10.1 custom goods only for key accounts (explain and apologise to other members)
  if (!isKeyAccount(customer))
    out.push(
      ruleRefusal(
        '5.10.1',
        '定制/非目录商品原则上只对大客户提供，请向客户说明并致歉',
        'Custom / non-catalog goods are for key accounts only; explain and apologise to the customer',
        'customerId',
      ),
    );
  if (customer.active === false)
    out.push(ruleRefusal('6.3', '该客户已停用', 'This customer is inactive', 'customerId'));
  const product = ctx.refs.productId;
  if (doc.productId != null && !product) out.push(ruleRefusal('5.10.1', '商品不存在', 'No such product', 'productId'));
  if (product && product.catalog !== false)
    out.push(
      ruleRefusal(
        '5.10.1',
        `${product.name} 是导购手册商品，无需询价，请直接下单或请购`,
        `${product.name} is in the catalog: order or requisition it, no inquiry needed`,
        'productId',
      ),
    );
  return out;
}

/** 5.10.2 merchPlanning answers price, minimum quantity and lead time (entered with `answer`). */
function answerGuard(doc: DocRecord): Refusal | null {
  const missing = [
    !(typeof doc.answerPrice === 'number' && doc.answerPrice > 0) && 'answerPrice',
    !(typeof doc.minQty === 'number' && doc.minQty >= 1) && 'minQty',
    !(typeof doc.leadTimeDays === 'number' && doc.leadTimeDays >= 0) && 'leadTimeDays',
  ].filter((x): x is string => !!x);
  if (missing.length === 0) return null;
  const r = ruleRefusal(
    '5.10.2',
    '请填写报价（单价）、起订数量和交货周期',
    'Enter the price, minimum quantity and lead time',
    missing[0],
  );
  return { ...r, errors: Object.fromEntries(missing.map((f) => [f, r.message])) };
}

/** 5.10.3 custom goods: the 30 % deposit is received before the goods are ordered. */
function orderGuard(doc: DocRecord): Refusal | null {
  if (Number(doc.depositRequired) > 0 && doc.depositPaid !== true) {
    return ruleRefusal(
      '5.10.3',
      `定制商品须先收取30%订金（${doc.depositRequired} 元）才能订货`,
      `Custom goods: the 30 % deposit (${doc.depositRequired} yuan) comes before ordering`,
      'depositPaid',
    );
  }
  return null;
}

/** The inquiry becomes a special order (6.5.5) with the answered price; the deposit goes with it. */
function orderEffects(doc: DocRecord, ctx: RuleContext): Effect[] {
  const customer = ctx.refs.customerId;
  const record: DocRecord = {
    customerId: doc.customerId,
    inquiryId: doc.id,
    lines: [
      {
        productId: doc.productId ?? null,
        name: doc.itemName,
        spec: doc.spec ?? null,
        colour: doc.colour ?? null,
        qty: doc.orderQty,
        unitPrice: doc.answerPrice,
        requirement: null,
      },
    ],
    requirements: doc.requirements ?? null,
    depositAmount: doc.depositPaid === true ? doc.depositRequired : 0,
    contractNo: null,
    assistantId: customer?.assistantId ?? doc.assistantId ?? null,
  };
  return [{ kind: 'create', resource: 'specialOrders', record, rule: '5.10.3', link: 'specialOrderId' }];
}

const stamp = (field: string) => (_d: DocRecord, ctx: RuleContext) => ({ [field]: nowIso(ctx) });
const own = ownDocument('assistantId');

export const inquiryWorkflow: Workflow = {
  initial: () => 'draft',
  states: INQUIRY_STATUSES,
  transitions: [
    // 5.10.2 the rep fills the inquiry and sends it for review
    submitStep({ roles: ['salesRep'], to: 'review', label: t('提交审核', 'Submit for review') }),
    ...approvalSteps(
      [
        {
          state: 'review',
          roles: ['csManager', 'officeSupervisor'],
          next: 'pricing',
          label: t('审核通过，转商品计划部', 'Approve, to merchandise planning'),
        },
      ],
      { rule: '5.10' },
    ),
    {
      action: 'answer',
      label: t('答复询价', 'Answer'),
      from: ['pricing'],
      roles: ['merchPlanning'],
      to: 'answered',
      params: ['answerPrice', 'minQty', 'leadTimeDays', 'answerNote'],
      guard: answerGuard,
      effect: (d, ctx) => ({ answeredAt: nowIso(ctx), answeredBy: ctx.user.id, ...inquiryEstimate(d) }),
      tone: 'primary',
      list: true,
    },
    // 5.10.3 the rep quotes the customer; custom goods: 30 % deposit first
    {
      action: 'recordDeposit',
      label: t('已收订金', 'Deposit received'),
      from: ['answered'],
      roles: ['salesRep', 'finance'],
      to: 'depositPaid',
      guard: (d) =>
        Number(d.depositRequired) > 0
          ? null
          : ruleRefusal('5.10.3', '此询价无需订金', 'No deposit is required for this inquiry', 'depositRequired'),
      effect: (_d, ctx) => ({ depositPaid: true, depositPaidAt: nowIso(ctx) }),
      list: true,
    },
    {
      action: 'order',
      label: t('转特殊商品订购单', 'Turn into special order'),
      from: ['answered', 'depositPaid'],
      roles: ['salesRep'],
      to: 'ordered',
      guard: orderGuard,
      effects: orderEffects,
      effect: stamp('orderedAt'),
      tone: 'primary',
    },
    {
      action: 'decline',
      label: t('客户放弃', 'Customer declined'),
      from: ['answered', 'depositPaid'],
      roles: ['salesRep'],
      to: 'declined',
      commentRequired: true,
    },
    {
      action: 'cancel',
      label: t('取消', 'Cancel'),
      from: ['draft', 'rejected', 'review'],
      roles: ['salesRep', 'assistant'],
      to: 'cancelled',
      actor: own,
      commentRequired: true,
      tone: 'danger',
    },
  ],
};

export const inquiries = defineDocument({
  resource: 'inquiries',
  clause: '5.10',
  label: t('询价单', 'Inquiry'),
  menuLabel: t('询价单', 'Inquiries'),
  codePrefix: 'IQ',
  fields: {
    code: text(t('询价单号', 'Inquiry no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    customerId: ref(t('客户', 'Customer'), 'customers', {
      required: true,
      help: t('定制商品只对大客户提供 (5.10.1)', 'Custom goods for key accounts only (5.10.1)'),
    }),
    itemName: text(t('商品名称', 'Item'), { required: true, maxLength: 100, search: true }),
    productId: ref(t('非目录商品（如已建档）', 'Non-catalog product (if on file)'), 'products'),
    spec: text(t('规格型号', 'Spec / model'), { maxLength: 200 }),
    colour: text(t('颜色', 'Colour'), { maxLength: 30 }),
    qty: int(t('数量', 'Qty'), { required: true, min: 1, max: 1_000_000 }),
    targetPrice: money(t('客户期望单价', 'Customer’s target unit price'), { max: 1_000_000 }),
    requiredBy: date(t('需求日期', 'Required by')),
    customMade: bool(t('订制品（须收30%订金）', 'Custom-made (30 % deposit)'), {
      default: true,
      help: t('订制品要先收取30%订金 (5.10.3)', 'Custom goods: 30 % deposit first (5.10.3)'),
    }),
    requirements: longText(t('特殊要求', 'Special requirements'), { maxLength: 2000 }),
    // merchPlanning's answer, entered with the `answer` step (5.10.2)
    answerPrice: money(t('商品计划部报价（单价）', 'Answered unit price'), { max: 1_000_000, readOnly: true }),
    minQty: int(t('起订数量', 'Minimum order qty'), { min: 1, max: 1_000_000, readOnly: true }),
    leadTimeDays: int(t('交货周期（天）', 'Lead time (days)'), { min: 0, max: 365, readOnly: true }),
    answerNote: longText(t('答复说明', 'Answer note'), { maxLength: 2000, readOnly: true }),
    answeredBy: ref(t('答复人', 'Answered by'), 'users', { readOnly: true }),
    // computed / set by steps
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    repId: ref(t('大客户代表', 'Key-account rep'), 'users', { computed: true }),
    assistantId: ref(t('记录的客户助理', 'Recorded by assistant'), 'users', { readOnly: true }),
    orderQty: int(t('订货数量', 'Order qty'), { computed: true }),
    estimatedTotal: money(t('预计金额', 'Estimated total'), { computed: true }),
    depositRequired: money(t(`应收订金（${CUSTOM_DEPOSIT_PERCENT}%）`, `Deposit due (${CUSTOM_DEPOSIT_PERCENT} %)`), {
      computed: true,
    }),
    depositPaid: bool(t('已收订金', 'Deposit received'), { readOnly: true }),
    submittedAt: datetime(t('提交时间', 'Submitted at'), { readOnly: true }),
    answeredAt: datetime(t('答复时间', 'Answered at'), { readOnly: true }),
    depositPaidAt: datetime(t('收订金时间', 'Deposit received at'), { readOnly: true }),
    orderedAt: datetime(t('转订购时间', 'Ordered at'), { readOnly: true }),
    specialOrderId: ref(t('特殊商品订购单', 'Special order'), 'specialOrders', { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('itemName', 'text'),
    column('answerPrice', 'money'),
    column('status', 'status'),
    column('qty', 'number', 2),
    column('submittedAt', 'datetime', 2),
    column('depositRequired', 'money', 3),
  ],
  filters: ['status', 'customerId', 'repId', 'assistantId', 'submittedAt'],
  defaultSort: { field: 'id', order: 'DESC' },
  columns: [
    'code',
    'status',
    'customerId',
    'customerName',
    'itemName',
    'repId',
    'assistantId',
    'createdBy',
    'estimatedTotal',
    'submittedAt',
    'answeredAt',
    'specialOrderId',
  ],
  access: {
    read: [
      'assistant',
      'teamLead',
      'csManager',
      'salesRep',
      'officeSupervisor',
      'merchPlanning',
      'purchasing',
      'finance',
      'branchGM',
      'admin',
    ],
    create: ['assistant', 'salesRep'],
    edit: ['assistant', 'salesRep'],
  },
  editableIn: ['draft', 'rejected'],
  ownerField: 'assistantId',
  menuGroup: 'sales',
  compute: computeInquiry,
  rules: inquiryRules,
  workflow: inquiryWorkflow,
});
