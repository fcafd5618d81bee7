import { approvalSteps, rejectedState, submitStep } from '../../approvalSteps';
import {
  bool,
  column,
  datetime,
  defineDocument,
  enumOf,
  int,
  lines,
  longText,
  money,
  ref,
  text,
  type DocRecord,
  type RuleContext,
} from '../../definition';
import { fenToYuan } from '../../money';
import { ruleRefusal, type Refusal } from '../../refusal';
import { linesOf, lineAmountFen, nowIso, ownerOnly, stockEffects, totalFen } from '../../rules/approvals/common';
import { needsFinanceDirector, scrapLimitFen, withinGmLimit } from '../../rules/approvals/thresholds';
import { t } from '../../text';
import type { Workflow } from '../../workflow';

/**
 * Scrap / write-off application 商品报损、报废申请单 (6.15). Only 6.15.1 survives in the source:
 * the application states the cause truthfully and in detail. The rest is cut; our defaults,
 * labelled as assumptions: csManager reviews, the branchGM approves up to the settings'
 * `scrapFinanceDirectorAbove` (500 yuan, inclusive — the same logic as 6.12.2), above it the group
 * financeDirector approves too; the final approval takes the goods out of stock.
 */

export const SCRAP_KINDS = { damage: t('报损', 'Damaged'), scrap: t('报废', 'Scrapped') };

/** 6.15.1 如实填写 … 并详细注明导致商品报损、报废的原因: a cause of at least this many characters. */
export const SCRAP_CAUSE_MIN_LENGTH = 15;

export const SCRAP_STATUSES = {
  draft: { label: t('草稿', 'Draft'), color: 'default', editable: true, waitingOn: ['assistant'] },
  rejected: rejectedState(['assistant']),
  csReview: { label: t('待客服中心经理审核', 'Awaiting CS manager'), color: 'info', waitingOn: ['csManager'] },
  gmApproval: { label: t('待总经理审批', 'Awaiting branch GM'), color: 'secondary', waitingOn: ['branchGM'] },
  fdApproval: {
    label: t('待集团财务总监审批', 'Awaiting group finance director'),
    color: 'secondary',
    waitingOn: ['financeDirector'],
  },
  approved: { label: t('已批准，已出库核销', 'Approved, written off'), color: 'success', final: true },
  cancelled: { label: t('已取消', 'Cancelled'), color: 'default', final: true },
} as const;

const owner = ownerOnly('assistantId');

/** 6.15 [cut] the branchGM releases a scrap up to the settings' threshold (inclusive). */
export const scrapReleasedByGm = (doc: DocRecord, ctx: RuleContext): boolean =>
  withinGmLimit(totalFen(linesOf(doc, 'lines')), scrapLimitFen(ctx.settings));

const writeOff = (d: DocRecord) => stockEffects(linesOf(d, 'lines'), -1, '6.15');

const causeRefusal = (doc: DocRecord): Refusal | null =>
  typeof doc.cause === 'string' && doc.cause.trim().length >= SCRAP_CAUSE_MIN_LENGTH
    ? null
    : ruleRefusal(
        '6.15.1',
        `请如实、详细填写报损报废原因（至少${SCRAP_CAUSE_MIN_LENGTH}字）`,
        `State the cause truthfully and in detail (at least ${SCRAP_CAUSE_MIN_LENGTH} characters)`,
        'cause',
      );

export const scrapWorkflow: Workflow = {
  initial: () => 'draft',
  states: SCRAP_STATUSES,
  transitions: [
    submitStep({ roles: ['assistant'], to: 'csReview', actor: owner, guard: causeRefusal }),
    ...approvalSteps(
      [
        { state: 'csReview', roles: ['csManager'], next: 'gmApproval', label: t('审核通过', 'Approve') },
        // [cut] assumption: ≤ threshold → the branchGM's approval is final and writes the goods off
        {
          state: 'gmApproval',
          roles: ['branchGM'],
          next: (d, ctx) => (scrapReleasedByGm(d, ctx) ? 'approved' : 'fdApproval'),
          effect: (d, ctx) => (scrapReleasedByGm(d, ctx) ? { approvedAt: nowIso(ctx) } : {}),
          effects: (d, ctx) => (scrapReleasedByGm(d, ctx) ? writeOff(d) : []),
        },
        {
          state: 'fdApproval',
          roles: ['financeDirector'],
          next: 'approved',
          effect: (_d, ctx) => ({ approvedAt: nowIso(ctx) }),
          effects: writeOff,
        },
      ],
      { rule: '6.15' },
    ),
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

export const scraps = defineDocument({
  resource: 'scraps',
  clause: '6.15',
  label: t('报损报废申请', 'Scrap / write-off application'),
  menuLabel: t('报损报废', 'Scrap and write-off'),
  codePrefix: 'SCR',
  fields: {
    code: text(t('申请单号', 'Application no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    kind: enumOf(t('类别', 'Kind'), SCRAP_KINDS, { required: true, default: 'damage' }),
    cause: longText(t('报损报废原因', 'Cause'), {
      required: true,
      maxLength: 2000,
      search: true,
      help: t(
        `如实、详细填写（至少${SCRAP_CAUSE_MIN_LENGTH}字）(6.15.1)`,
        `Truthful and detailed, at least ${SCRAP_CAUSE_MIN_LENGTH} characters (6.15.1)`,
      ),
    }),
    lines: lines(
      t('报损报废商品', 'Goods'),
      {
        productId: ref(t('商品', 'Product'), 'products', { required: true }),
        qty: int(t('数量', 'Qty'), { required: true, min: 1, max: 100000 }),
        name: text(t('品名', 'Name'), { computed: true }),
        unitPrice: money(t('单位成本', 'Unit cost'), { computed: true }),
        amount: money(t('成本金额', 'Cost amount'), { computed: true }),
      },
      { required: true, maxLines: 100 },
    ),
    total: money(t('成本合计', 'Total cost'), { computed: true }),
    needsFinanceDirector: bool(t('需集团财务总监审批', 'Needs group finance director'), {
      computed: true,
      help: t(
        '假设：原文6.15被截断，成本超过设置中的门槛（默认500元，同6.12.2）须集团财务总监审批',
        'Assumption: clause 6.15 is cut; above the settings threshold (default 500 yuan, as 6.12.2) the group finance director approves',
      ),
    }),
    note: longText(t('备注', 'Note'), { maxLength: 2000 }),
    assistantId: ref(t('客户助理', 'Assistant'), 'users', { readOnly: true }),
    submittedAt: datetime(t('提交时间', 'Submitted at'), { readOnly: true }),
    approvedAt: datetime(t('批准时间', 'Approved at'), { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('kind', 'choice'),
    column('total', 'money'),
    column('needsFinanceDirector', 'flag'),
    column('status', 'status'),
    column('submittedAt', 'datetime'),
    column('approvedAt', 'datetime', 2),
  ],
  filters: ['status', 'kind', 'assistantId', 'needsFinanceDirector', 'submittedAt', 'approvedAt'],
  defaultSort: { field: 'id', order: 'DESC' },
  columns: [
    'code',
    'status',
    'kind',
    'assistantId',
    'total',
    'needsFinanceDirector',
    'submittedAt',
    'approvedAt',
    'createdBy',
  ],
  access: {
    read: [
      'assistant',
      'teamLead',
      'csManager',
      'branchGM',
      'financeDirector',
      'warehouse',
      'lossPrevention',
      'finance',
      'admin',
    ],
    create: ['assistant'],
    edit: ['assistant'],
  },
  ownerField: 'assistantId',
  prints: {
    // 6.15.1 the application is the company's write-off once approved
    scrapApplication: {
      title: t('报损报废申请单', 'Scrap application'),
      clause: '6.15.1',
      officialIn: ['approved'],
      otherwise: 'mark',
      printers: ['csManager', 'branchGM', 'financeDirector', 'warehouse', 'assistant', 'admin'],
    },
  },
  menuGroup: 'approvals',
  compute: computeScrap,
  rules: scrapRules,
  workflow: scrapWorkflow,
});

/** Unit cost and name come from the product (the cost is not entered, so the threshold holds). */
export function computeScrap(doc: DocRecord, ctx: RuleContext): DocRecord {
  const products = ctx.lineRefs.productId ?? {};
  const ls = linesOf(doc, 'lines').map((l) => {
    const p = products[Number(l.productId)];
    const line: DocRecord = { ...l, name: p?.name ?? '', unitPrice: typeof p?.cost === 'number' ? p.cost : 0 };
    return { ...line, amount: fenToYuan(lineAmountFen(line)) };
  });
  const totalF = totalFen(ls);
  return {
    ...doc,
    lines: ls,
    total: fenToYuan(totalF),
    needsFinanceDirector: needsFinanceDirector(totalF, scrapLimitFen(ctx.settings)),
  };
}

export function scrapRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const out: Refusal[] = [];
  const cause = causeRefusal(doc);
  if (cause) out.push(cause);
  const ls = linesOf(doc, 'lines');
  if (ls.length === 0) out.push(ruleRefusal('6.15.1', '请填写报损报废的商品', 'List the goods', 'lines'));
  ls.forEach((l, i) => {
    const p = ctx.lineRefs.productId?.[Number(l.productId)];
    if (!p) {
      out.push(
        ruleRefusal('6.15.1', `第${i + 1}行：商品不存在`, `Line ${i + 1}: no such product`, `lines.${i}.productId`),
      );
      return;
    }
    // 6.15.1 truthful: more than is in stock cannot be written off
    const stock = typeof p.stock === 'number' ? p.stock : 0;
    const wanted = ls
      .filter((x) => Number(x.productId) === Number(l.productId))
      .reduce((s, x) => s + (Number(x.qty) || 0), 0);
    if (wanted > stock)
      out.push(
        ruleRefusal(
          '6.15.1',
          `第${i + 1}行：${p.name} 库存只有 ${stock}`,
          `Line ${i + 1}: only ${stock} of ${p.name} in stock`,
          `lines.${i}.qty`,
        ),
      );
  });
  return out;
}
