import { approvalSteps, rejectedState, submitStep } from '../../approvalSteps';
import {
  bool,
  column,
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
import { fenToYuan, formatYuan, yuanToFen } from '../../money';
import { ruleRefusal, type Refusal } from '../../refusal';
import { linesOf, lineAmountFen, nowIso, ownerOnly, stockEffects, totalFen } from '../../rules/approvals/common';
import { monthlyAverageFen } from '../../rules/approvals/credit';
import { festivalWindowAt } from '../../rules/approvals/festival';
import { catalogPriceOfName, giftItemName } from '../../rules/approvals/giftNames';
import { GIFT_GM_LIMIT_FEN, needsFinanceDirector, withinGmLimit } from '../../rules/approvals/thresholds';
import { t } from '../../text';
import type { StateDef, Workflow } from '../../workflow';

/**
 * Gift application 赠送申请单 (6.12): only at the great festivals (6.12.1); csManager reviews, the
 * branchGM approves up to 500 yuan inclusive, above that the group financeDirector approves too
 * (6.12.2); the warehouse issues the gift on an "other outbound note" marked 赠送品 with the
 * customer's office, which the customer signs (6.12.3).
 */

export const GIFT_STATUSES = {
  draft: { label: t('草稿', 'Draft'), color: 'default', editable: true, waitingOn: ['assistant'] },
  rejected: rejectedState(['assistant']),
  csReview: {
    label: t('待客服中心经理审核', 'Awaiting CS manager'),
    color: 'info',
    waitingOn: ['csManager'],
    because: {
      text: t(
        '赠送申请由客户服务中心经理审核，再由分公司总经理审批',
        'the CS manager reviews a gift application, then the branch GM approves',
      ),
      rule: '6.12.1',
    },
  },
  gmApproval: {
    label: t('待总经理审批', 'Awaiting branch GM'),
    color: 'secondary',
    waitingOn: ['branchGM'],
    because: (d) => ({ text: giftGmText(d), rule: '6.12.2' }),
  },
  fdApproval: {
    label: t('待集团财务总监审批', 'Awaiting group finance director'),
    color: 'secondary',
    waitingOn: ['financeDirector'],
    because: (d) => ({
      text: {
        zh: `赠送金额 ${yuanText(d)} 超过500元，由集团财务总监审批`,
        en: `the gift of ${yuanText(d)} is over 500 yuan: the group finance director approves`,
      },
      rule: '6.12.2',
    }),
  },
  approved: { label: t('已批准待出库', 'Approved, to issue'), color: 'primary', waitingOn: ['warehouse'] },
  issued: { label: t('已出库待客户签收', 'Issued, awaiting signature'), color: 'primary', waitingOn: ['warehouse'] },
  signed: { label: t('客户已签收', 'Signed by customer'), color: 'success', final: true },
  cancelled: { label: t('已取消', 'Cancelled'), color: 'default', final: true },
} as const satisfies Record<string, StateDef>;

const yuanText = (d: DocRecord) => formatYuan(totalFen(linesOf(d, 'items')));
function giftGmText(d: DocRecord) {
  return giftReleasedByGm(d)
    ? {
        zh: `赠送金额 ${yuanText(d)}，500元（含）以内由分公司总经理审批`,
        en: `a gift of ${yuanText(d)}, within 500 yuan: the branch GM approves`,
      }
    : {
        zh: `赠送金额 ${yuanText(d)} 超过500元：分公司总经理审批后还须集团财务总监审批`,
        en: `a gift of ${yuanText(d)}, over 500 yuan: the group finance director approves after the branch GM`,
      };
}

/** What the approvers see beside the gift: the customer's monthly sales (6.12.1) and the amount against the GM's limit (6.12.2). */
export function explainGift(doc: DocRecord): Fact[] {
  const totalF = totalFen(linesOf(doc, 'items'));
  return [
    fact(
      'monthlySales',
      t('每月销售额（近3个整月月均）', 'Monthly sales (3 full months average)'),
      {
        zh: formatYuan(yuanToFen(Number(doc.avgMonthlyOrders ?? 0))),
        en: formatYuan(yuanToFen(Number(doc.avgMonthlyOrders ?? 0))),
      },
      { rule: '6.12.1', amount: Number(doc.avgMonthlyOrders ?? 0) },
    ),
    fact(
      'giftTotal',
      t('赠送金额', 'Gift total'),
      { zh: formatYuan(totalF), en: formatYuan(totalF) },
      { rule: '6.12.2', amount: fenToYuan(totalF) },
    ),
    fact(
      'approver',
      t('审批权限', 'Approved by'),
      withinGmLimit(totalF, GIFT_GM_LIMIT_FEN)
        ? t('500元（含）以内：分公司总经理', 'up to 500 yuan: the branch GM')
        : t('超过500元：集团财务总监', 'over 500 yuan: the group finance director'),
      { rule: '6.12.2', tone: withinGmLimit(totalF, GIFT_GM_LIMIT_FEN) ? 'ok' : 'info' },
    ),
  ];
}

/** 6.12.3 the other outbound note is marked 赠送品. */
export const GIFT_MARKING = '赠送品';

const ordersTotal = (ctx: RuleContext) => Number(ctx.facts.customerOrders3FullMonths ?? 0);

/** 6.12.2 the branchGM's approval releases a gift of at most 500 yuan (inclusive). */
export const giftReleasedByGm = (doc: DocRecord): boolean =>
  withinGmLimit(totalFen(linesOf(doc, 'items')), GIFT_GM_LIMIT_FEN);

/** 6.12.1 only inside a festival window of the settings (edges inclusive). */
const inFestival = (_doc: DocRecord, ctx: RuleContext): Refusal | null =>
  festivalWindowAt(ctx.now, ctx.settings.giftWindows)
    ? null
    : ruleRefusal(
        '6.12.1',
        '赠送申请只在中秋、春节等传统大型节日期间受理',
        'Gift applications are only taken at the great festivals (Mid-Autumn, Spring Festival)',
      );

const owner = ownerOnly('assistantId');

export const giftWorkflow: Workflow = {
  initial: () => 'draft',
  states: GIFT_STATUSES,
  transitions: [
    submitStep({ roles: ['assistant'], to: 'csReview', actor: owner, guard: inFestival }),
    ...approvalSteps(
      [
        // 6.12.1 / 6.12.2 csManager reviews, then the branchGM
        { state: 'csReview', roles: ['csManager'], next: 'gmApproval', label: t('审核通过', 'Approve') },
        // 6.12.2 ≤ 500 yuan: the branchGM's approval releases it; above: the financeDirector's step follows
        {
          state: 'gmApproval',
          roles: ['branchGM'],
          next: (d) => (giftReleasedByGm(d) ? 'approved' : 'fdApproval'),
          effect: (d, ctx) => (giftReleasedByGm(d) ? { approvedAt: nowIso(ctx) } : {}),
        },
        {
          state: 'fdApproval',
          roles: ['financeDirector'],
          next: 'approved',
          effect: (_d, ctx) => ({ approvedAt: nowIso(ctx) }),
        },
      ],
      { rule: '6.12' },
    ),
    // 6.12.3 issued on an other outbound note marked 赠送品 with the customer's office; catalog goods leave stock
    {
      action: 'issue',
      label: t('其它出库（赠送品）', 'Issue (other outbound note)'),
      from: ['approved'],
      roles: ['warehouse'],
      to: 'issued',
      tone: 'primary',
      effect: (d, ctx) => ({
        issuedAt: nowIso(ctx),
        outboundNoteNo: `CK-${String(d.code ?? d.id)}`,
        outboundMarking: GIFT_MARKING,
        districtOffice: d.districtOffice || ctx.refs.customerId?.districtOffice || '',
      }),
      effects: (d) => stockEffects(linesOf(d, 'items'), -1, '6.12.3'),
      list: true,
    },
    // 6.12.3 要求客户签名，并保留单据
    {
      action: 'sign',
      label: t('客户已签收', 'Customer signed'),
      from: ['issued'],
      roles: ['warehouse'],
      to: 'signed',
      params: ['signedBy'],
      effect: (_d, ctx) => ({ signedAt: nowIso(ctx) }),
      bulk: true,
    },
    {
      action: 'cancel',
      label: t('取消申请', 'Cancel'),
      from: ['draft', 'rejected'],
      roles: ['assistant'],
      to: 'cancelled',
      actor: owner,
      commentRequired: true,
      tone: 'danger',
    },
  ],
};

export const gifts = defineDocument({
  resource: 'gifts',
  clause: '6.12',
  label: t('赠送申请', 'Gift application'),
  menuLabel: t('赠送申请', 'Gift applications'),
  codePrefix: 'GF',
  fields: {
    code: text(t('申请单号', 'Application no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    customerId: ref(t('客户', 'Customer'), 'customers', { required: true }),
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    customerCode: text(t('客户编号', 'Customer code'), { computed: true, search: true }),
    districtOffice: text(t('客户归属办事处', "Customer's district office"), {
      computed: true,
      help: t('出库单上注明 (6.12.3)', 'Shown on the outbound note (6.12.3)'),
    }),
    festival: text(t('节日', 'Festival'), { computed: true }),
    // 6.12.1 the assistant's assessment of the customer: the monthly sales are the system's figure
    // (avgMonthlyOrders, from the customer's orders); the assistant may comment on it
    monthlySales: text(t('每月销售额说明', 'Comment on the monthly sales'), {
      maxLength: 200,
      help: t(
        '每月销售额由系统按近3个整月的订单计算；如有需要可在此补充说明 (6.12.1)',
        'The monthly sales are computed from the last 3 full months of orders; add a comment if needed (6.12.1)',
      ),
    }),
    marginAssessment: text(t('利润率', 'Margin'), { required: true, maxLength: 200 }),
    creditStanding: text(t('信用度', 'Credit standing'), { required: true, maxLength: 200 }),
    paymentRecord: text(t('回款情况', 'Payment record'), { required: true, maxLength: 200 }),
    potential: text(t('开发潜力', 'Potential'), { required: true, maxLength: 200 }),
    reason: longText(t('赠送理由', 'Reason for the gift'), { required: true, maxLength: 2000 }),
    avgMonthlyOrders: money(t('每月销售额（近3个整月月均）', 'Monthly sales (average of the last 3 full months)'), {
      computed: true,
      help: t('系统按已签收/已结案订单计算 (6.12.1)', 'From delivered/closed orders (6.12.1)'),
    }),
    items: lines(
      t('赠送商品', 'Gift items'),
      {
        productId: ref(t('商品（目录商品）', 'Product (catalog)'), 'products'),
        name: text(t('品名', 'Name'), { maxLength: 100 }),
        qty: int(t('数量', 'Qty'), { required: true, min: 1, max: 10000 }),
        unitPrice: money(t('单价', 'Unit price'), { max: 100000 }),
        amount: money(t('金额', 'Amount'), { computed: true }),
      },
      { required: true, maxLines: 50 },
    ),
    total: money(t('赠送金额合计', 'Total'), { computed: true }),
    needsFinanceDirector: bool(t('需集团财务总监审批', 'Needs group finance director'), {
      computed: true,
      help: t('超过500元 (6.12.2)', 'Over 500 yuan (6.12.2)'),
    }),
    note: longText(t('备注', 'Note'), { maxLength: 2000 }),
    assistantId: ref(t('客户助理', 'Assistant'), 'users', { readOnly: true }),
    submittedAt: datetime(t('提交时间', 'Submitted at'), { readOnly: true }),
    approvedAt: datetime(t('批准时间', 'Approved at'), { readOnly: true }),
    outboundNoteNo: text(t('其它出库单号', 'Other outbound note no.'), { readOnly: true, search: true }),
    outboundMarking: text(t('出库单标注', 'Outbound note marking'), { readOnly: true }),
    issuedAt: datetime(t('出库时间', 'Issued at'), { readOnly: true }),
    signedAt: datetime(t('客户签收时间', 'Signed at'), { readOnly: true }),
    signedBy: text(t('客户签收人', 'Signed by (customer)'), {
      readOnly: true,
      maxLength: 50,
      help: t('签收时填写 (6.12.3)', 'Entered with the signature (6.12.3)'),
    }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('festival', 'text'),
    column('total', 'money'),
    column('status', 'status'),
    column('needsFinanceDirector', 'flag', 2),
    column('submittedAt', 'datetime', 2),
  ],
  filters: ['status', 'customerId', 'assistantId', 'needsFinanceDirector', 'festival', 'submittedAt'],
  defaultSort: { field: 'id', order: 'DESC' },
  columns: [
    'code',
    'status',
    'customerId',
    'customerName',
    'assistantId',
    'festival',
    'total',
    'needsFinanceDirector',
    'submittedAt',
    'approvedAt',
    'issuedAt',
    'createdBy',
  ],
  access: {
    read: ['assistant', 'teamLead', 'csManager', 'branchGM', 'financeDirector', 'warehouse', 'finance', 'admin'],
    create: ['assistant'],
    edit: ['assistant'],
  },
  ownerField: 'assistantId',
  menuGroup: 'approvals',
  facts: ['customerOrders3FullMonths', 'giftCatalogNames'],
  prints: {
    // 6.12.3 the goods leave on this note once the gift is approved: no such paper before
    giftOutboundNote: {
      title: t('其他出库单（赠送品）', 'Other outbound note (gift)'),
      clause: '6.12.3',
      officialIn: ['approved', 'issued', 'signed'],
      otherwise: 'never',
      printers: ['warehouse', 'csManager', 'admin'],
      stepPrinters: ['warehouse'],
    },
  },
  explain: explainGift,
  compute: computeGift,
  rules: giftRules,
  workflow: giftWorkflow,
});

export function computeGift(doc: DocRecord, ctx: RuleContext): DocRecord {
  const customer = ctx.refs.customerId;
  const products = ctx.lineRefs.productId ?? {};
  const items = linesOf(doc, 'items').map((l) => {
    const p = l.productId != null ? products[Number(l.productId)] : undefined;
    const out: DocRecord = { ...l };
    if (p) {
      if (!out.name) out.name = String(p.name ?? '');
      if (out.unitPrice == null && typeof p.catalogPrice === 'number') out.unitPrice = p.catalogPrice;
    }
    out.amount = fenToYuan(lineAmountFen(out));
    return out;
  });
  const totalF = totalFen(items);
  return {
    ...doc,
    items,
    customerName: customer?.name ?? '',
    customerCode: customer?.code ?? '',
    districtOffice: customer?.districtOffice ?? '',
    festival: festivalWindowAt(ctx.now, ctx.settings.giftWindows)?.name ?? doc.festival ?? null,
    avgMonthlyOrders: fenToYuan(monthlyAverageFen(yuanToFen(ordersTotal(ctx)))),
    total: fenToYuan(totalF),
    needsFinanceDirector: needsFinanceDirector(totalF, GIFT_GM_LIMIT_FEN),
  };
}

export function giftRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const out: Refusal[] = [];
  const customer = ctx.refs.customerId;
  if (!customer) return [ruleRefusal('6.12.1', '客户不存在', 'No such customer', 'customerId')];
  if (customer.active === false)
    out.push(ruleRefusal('6.12.1', '该客户已停用', 'This customer is inactive', 'customerId'));
  const windowRefusal = inFestival(doc, ctx);
  if (windowRefusal) out.push(windowRefusal);
  const items = linesOf(doc, 'items');
  if (items.length === 0)
    out.push(ruleRefusal('6.12.1', '请填写赠送商品名称及价格', 'List the gift items with names and prices', 'items'));
  items.forEach((l, i) => {
    const field = `items.${i}`;
    if (l.productId != null) {
      const p = ctx.lineRefs.productId?.[Number(l.productId)];
      if (!p) {
        out.push(
          ruleRefusal('6.12.1', `第${i + 1}行：商品不存在`, `Line ${i + 1}: no such product`, `${field}.productId`),
        );
        return;
      }
      // 6.12.2 a catalog item is valued at least at its catalog price, so the approval limit is not dodged
      if (
        typeof p.catalogPrice === 'number' &&
        typeof l.unitPrice === 'number' &&
        yuanToFen(l.unitPrice) < yuanToFen(p.catalogPrice)
      ) {
        out.push(
          ruleRefusal(
            '6.12.2',
            `第${i + 1}行：目录商品按目录价 ${p.catalogPrice} 元计价`,
            `Line ${i + 1}: a catalog item is valued at its catalog price ${p.catalogPrice} yuan`,
            `${field}.unitPrice`,
          ),
        );
      }
    } else {
      if (!l.name)
        out.push(
          ruleRefusal(
            '6.12.1',
            `第${i + 1}行：请填写赠送商品名称`,
            `Line ${i + 1}: name the gift item`,
            `${field}.name`,
          ),
        );
      if (typeof l.unitPrice !== 'number')
        out.push(
          ruleRefusal('6.12.1', `第${i + 1}行：请填写价格`, `Line ${i + 1}: give the price`, `${field}.unitPrice`),
        );
      // 6.12.2 a typed name that is a catalog product's is valued at least at its catalog price too
      const catalogPrice = catalogPriceOfName(ctx, l.name);
      if (
        catalogPrice !== undefined &&
        typeof l.unitPrice === 'number' &&
        yuanToFen(l.unitPrice) < yuanToFen(catalogPrice)
      ) {
        const name = giftItemName(l.name);
        out.push(
          ruleRefusal(
            '6.12.2',
            `第${i + 1}行："${name}"是目录商品，按目录价 ${catalogPrice} 元计价`,
            `Line ${i + 1}: "${name}" is a catalog product, valued at its catalog price ${catalogPrice} yuan`,
            `${field}.unitPrice`,
          ),
        );
      }
    }
  });
  if (items.length > 0 && yuanToFen(Number(doc.total ?? 0)) <= 0)
    out.push(ruleRefusal('6.12.1', '赠送金额须大于0', 'The gift total must be above 0', 'items'));
  return out;
}
