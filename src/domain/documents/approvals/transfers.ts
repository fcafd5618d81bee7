import { approvalSteps, rejectedState, submitStep } from '../../approvalSteps';
import {
  bool,
  column,
  date,
  datetime,
  defineDocument,
  enumOf,
  int,
  lines,
  longText,
  ref,
  text,
  type DocRecord,
  type RuleContext,
} from '../../definition';
import { ruleRefusal, type Refusal } from '../../refusal';
import { creatorOnly, linesOf, nowIso, stockEffects } from '../../rules/approvals/common';
import { t } from '../../text';
import type { Workflow } from '../../workflow';

/**
 * Stock transfer request 申配单 (6.13): when the goods cannot come in time, merchandise planning
 * enters the request and the order desk reviews it (6.13.2). A sister unit's warehouse is the first
 * source; only when it has none may a branch store supply it — the store makes the note and
 * purchasing approves (6.13.3). Received goods go into stock (6.13.4), then the order goes on (6.13.5).
 */

export const TRANSFER_SOURCES = {
  sisterWarehouse: t('兄弟单位配货仓', "Sister unit's warehouse"),
  store: t('兄弟单位分店', "Sister unit's store"),
};

export const TRANSFER_REASONS = {
  leadTime: t('回货周期无法满足客户要求', 'Supplier lead time too long for the customer'),
  minQty: t('起订数量太少无法订货', 'Below the minimum order quantity'),
  other: t('其他', 'Other'),
};

export const TRANSFER_STATUSES = {
  draft: { label: t('草稿', 'Draft'), color: 'default', editable: true, waitingOn: ['merchPlanning'] },
  rejected: rejectedState(['merchPlanning']),
  orderDeskReview: { label: t('待订单组审核', 'Awaiting order desk'), color: 'info', waitingOn: ['orderDesk'] },
  purchasingApproval: {
    label: t('待采购部审批（分店调拨）', 'Awaiting purchasing (store)'),
    color: 'secondary',
    waitingOn: ['purchasing'],
  },
  inTransit: { label: t('调拨在途，待入库', 'In transit, to receive'), color: 'primary', waitingOn: ['warehouse'] },
  received: { label: t('已入库', 'Received into stock'), color: 'success', final: true },
  cancelled: { label: t('已取消', 'Cancelled'), color: 'default', final: true },
} as const;

/** 6.13.3 the store's note carries this remark. */
export const STORE_NOTE_REMARK = '客户服务中心客户助理调货';

const fromStore = (d: DocRecord) => d.sourceType === 'store';

export const transferWorkflow: Workflow = {
  initial: () => 'draft',
  states: TRANSFER_STATUSES,
  transitions: [
    submitStep({ roles: ['merchPlanning'], to: 'orderDeskReview', actor: creatorOnly }),
    // 6.13.2 the order desk reviews and sends the request to the sister warehouse; 6.13.3 a store transfer also needs purchasing
    ...approvalSteps(
      [
        {
          state: 'orderDeskReview',
          roles: ['orderDesk'],
          label: t('审核通过', 'Approve'),
          next: (d) => (fromStore(d) ? 'purchasingApproval' : 'inTransit'),
          effect: (d, ctx) => (fromStore(d) ? {} : { dispatchedAt: nowIso(ctx) }),
        },
        {
          state: 'purchasingApproval',
          roles: ['purchasing'],
          next: 'inTransit',
          effect: (_d, ctx) => ({ dispatchedAt: nowIso(ctx) }),
        },
      ],
      { rule: '6.13' },
    ),
    // 6.13.4 the goods arrive at our warehouse and go into stock
    {
      action: 'receive',
      label: t('调拨入库', 'Receive into stock'),
      from: ['inTransit'],
      roles: ['warehouse'],
      to: 'received',
      effect: (_d, ctx) => ({ receivedAt: nowIso(ctx) }),
      effects: (d) => stockEffects(linesOf(d, 'lines'), 1, '6.13.4'),
      tone: 'primary',
      list: true,
    },
    {
      action: 'cancel',
      label: t('取消', 'Cancel'),
      from: ['draft', 'rejected'],
      roles: ['merchPlanning'],
      to: 'cancelled',
      actor: creatorOnly,
      commentRequired: true,
      tone: 'danger',
    },
    // the source could not deliver after all
    {
      action: 'cancel',
      label: t('取消', 'Cancel'),
      from: ['inTransit'],
      roles: ['orderDesk'],
      to: 'cancelled',
      commentRequired: true,
      tone: 'danger',
    },
  ],
};

export const transfers = defineDocument({
  resource: 'transfers',
  clause: '6.13',
  label: t('商品调拨申配单', 'Stock transfer request'),
  menuLabel: t('商品调拨', 'Stock transfers'),
  codePrefix: 'TRF',
  fields: {
    code: text(t('申配单号', 'Request no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    sourceType: enumOf(t('调出来源', 'Source'), TRANSFER_SOURCES, {
      required: true,
      default: 'sisterWarehouse',
      help: t('优先从兄弟单位配货仓调拨 (6.13.2)', "A sister unit's warehouse first (6.13.2)"),
    }),
    sourceUnit: text(t('调出单位', 'Supplying unit'), { required: true, maxLength: 100, search: true }),
    sisterWarehouseEmpty: bool(t('兄弟单位配货仓库存为零', 'Sister warehouse has none'), {
      default: false,
      help: t('从分店调拨须先确认 (6.13.3)', 'Required before asking a store (6.13.3)'),
    }),
    storeNoteNo: text(t('分店配送单号', "Store's distribution note no."), {
      maxLength: 50,
      search: true,
      help: t('分店调拨时由分店制单 (6.13.3)', 'Made by the store (6.13.3)'),
    }),
    storeContact: text(t('分店负责人', 'Store contact'), { maxLength: 50 }),
    reason: enumOf(t('调拨原因', 'Reason'), TRANSFER_REASONS, { required: true, default: 'leadTime' }),
    lines: lines(
      t('调拨商品', 'Goods'),
      {
        productId: ref(t('商品', 'Product'), 'products', { required: true }),
        qty: int(t('数量', 'Qty'), { required: true, min: 1, max: 100000 }),
        productName: text(t('品名', 'Name'), { computed: true }),
        sku: text(t('货号', 'SKU'), { computed: true }),
      },
      { required: true, maxLines: 100 },
    ),
    totalQty: int(t('调拨总数', 'Total qty'), { computed: true }),
    orderId: ref(t('客户订单', 'Sales order'), 'orders', {
      help: t('入库后该订单按正常流程处理 (6.13.5)', 'The order goes on once received (6.13.5)'),
    }),
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    requestedById: ref(t('需求客户助理', 'Requesting assistant'), 'users'),
    neededBy: date(t('需求日期', 'Needed by')),
    remark: text(t('单据备注', 'Note remark'), { computed: true }),
    note: longText(t('备注', 'Note'), { maxLength: 2000 }),
    submittedAt: datetime(t('提交时间', 'Submitted at'), { readOnly: true }),
    dispatchedAt: datetime(t('发出调拨申请时间', 'Request sent at'), { readOnly: true }),
    receivedAt: datetime(t('入库时间', 'Received at'), { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('sourceType', 'choice'),
    column('customerName', 'name'),
    column('totalQty', 'number'),
    column('neededBy', 'date'),
    column('status', 'status'),
    column('sourceUnit', 'text', 2),
    column('receivedAt', 'datetime', 3),
  ],
  filters: ['status', 'sourceType', 'orderId', 'requestedById', 'neededBy', 'receivedAt'],
  defaultSort: { field: 'id', order: 'DESC' },
  columns: [
    'code',
    'status',
    'sourceType',
    'orderId',
    'customerName',
    'requestedById',
    'totalQty',
    'neededBy',
    'submittedAt',
    'receivedAt',
    'createdBy',
  ],
  access: {
    read: ['merchPlanning', 'orderDesk', 'purchasing', 'warehouse', 'assistant', 'teamLead', 'csManager', 'admin'],
    create: ['merchPlanning'],
    edit: ['merchPlanning'],
  },
  menuGroup: 'approvals',
  compute: computeTransfer,
  rules: transferRules,
  workflow: transferWorkflow,
});

export function computeTransfer(doc: DocRecord, ctx: RuleContext): DocRecord {
  const products = ctx.lineRefs.productId ?? {};
  const ls: DocRecord[] = linesOf(doc, 'lines').map((l) => {
    const p = products[Number(l.productId)];
    return { ...l, productName: p?.name ?? '', sku: p?.sku ?? '' };
  });
  return {
    ...doc,
    lines: ls,
    totalQty: ls.reduce((s, l) => s + (Number.isInteger(l.qty) ? Number(l.qty) : 0), 0),
    customerName: ctx.refs.orderId?.customerName ?? '',
    remark: fromStore(doc) ? STORE_NOTE_REMARK : '',
  };
}

export function transferRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const out: Refusal[] = [];
  const ls = linesOf(doc, 'lines');
  if (ls.length === 0) out.push(ruleRefusal('6.13.2', '请填写需调拨商品的明细', 'List the goods to transfer', 'lines'));
  ls.forEach((l, i) => {
    if (!ctx.lineRefs.productId?.[Number(l.productId)])
      out.push(
        ruleRefusal('6.13.2', `第${i + 1}行：商品不存在`, `Line ${i + 1}: no such product`, `lines.${i}.productId`),
      );
  });
  if (fromStore(doc)) {
    // 6.13.3 only when the sister warehouse has none; the store makes the note
    if (doc.sisterWarehouseEmpty !== true)
      out.push(
        ruleRefusal(
          '6.13.3',
          '须优先从兄弟单位配货仓调拨；配货仓库存为零时才能向分店调拨',
          "Transfer from the sister unit's warehouse first; a store only when the warehouse has none",
          'sisterWarehouseEmpty',
        ),
      );
    if (!doc.storeNoteNo)
      out.push(
        ruleRefusal(
          '6.13.3',
          '分店调拨须填写分店制作的配送单号',
          "A store transfer needs the store's distribution note number",
          'storeNoteNo',
        ),
      );
  }
  if (doc.orderId != null && !ctx.refs.orderId)
    out.push(ruleRefusal('6.13.5', '关联的销售订单不存在', 'No such sales order', 'orderId'));
  return out;
}
