import {
  column,
  datetime,
  defineDocument,
  enumOf,
  money,
  ref,
  text,
  type DocRecord,
  type RuleContext,
} from '../../definition';
import { ruleRefusal, type Refusal } from '../../refusal';
import { nowIso, ownDocument } from '../../rules/sales/common';
import {
  distanceRefusal,
  nextUrgentSlot,
  slotDeparture,
  URGENT_SLOTS,
  urgentRequestRefusal,
  type UrgentSlot,
} from '../../rules/sales/urgent';
import { t } from '../../text';
import { view } from '../../where';
import type { Workflow } from '../../workflow';
import { calendarOfSettings } from '../../settings';

/**
 * Urgent delivery letter 急件送货联络函 (6.8). A customer within 20 km needs the goods today
 * (6.8.1); the assistant enters the order and makes the letter with the customer, address, the
 * order, the latest arrival time, receiving department and contact, invoice details (6.8.2); the
 * order desk prints the delivery note and the warehouse picks (6.8.3); logistics sends vans at
 * 12:00 and 15:30, and urgent goods notified after 15:30 are not accepted (6.8.4).
 */

export const URGENT_STATUSES = {
  requested: {
    label: t('待订单组安排', 'Awaiting the order desk'),
    color: 'warning',
    editable: true,
    waitingOn: ['orderDesk'],
  },
  scheduled: { label: t('已安排车辆', 'Van scheduled'), color: 'info', waitingOn: ['driver', 'orderDesk'] },
  outForDelivery: { label: t('急件配送中', 'Out for delivery'), color: 'primary', waitingOn: ['driver'] },
  delivered: { label: t('已送达', 'Delivered'), color: 'success', final: true },
  cancelled: { label: t('已取消', 'Cancelled'), color: 'default', final: true },
} as const;

/** orders entered into the order flow and not yet out for delivery (6.8.2) */
const URGENT_ORDER_STATUSES = ['submitted', 'gmApproval', 'approved', 'picked', 'invoiced'];
const SLOT_LABELS = { noon: t('12:00 车次', '12:00 van'), afternoon: t('15:30 车次', '15:30 van') } satisfies Record<
  UrgentSlot,
  { zh: string; en: string }
>;

export function computeUrgentDelivery(doc: DocRecord, ctx: RuleContext): DocRecord {
  const customer = ctx.refs.customerId;
  const order = ctx.refs.orderId;
  const requestedAt = typeof doc.requestedAt === 'string' && doc.requestedAt ? doc.requestedAt : nowIso(ctx);
  const at = new Date(requestedAt);
  const slot = (
    typeof doc.slot === 'string' && doc.slot in URGENT_SLOTS ? doc.slot : nextUrgentSlot(at)
  ) as UrgentSlot | null;
  return {
    ...doc,
    requestedAt,
    slot,
    departureAt: slot ? slotDeparture(at, slot).toISOString() : null,
    customerName: customer?.name ?? doc.customerName ?? '',
    distanceKm: typeof customer?.distanceKm === 'number' ? customer.distanceKm : (doc.distanceKm ?? null),
    orderCode: order?.code ?? doc.orderCode ?? '',
    deliveryAddress: doc.deliveryAddress || customer?.address || '',
    receiver: doc.receiver || customer?.contact || '',
    receiverPhone: doc.receiverPhone || customer?.phone || '',
  };
}

export function urgentDeliveryRules(doc: DocRecord, ctx: RuleContext): Refusal[] {
  const customer = ctx.refs.customerId;
  if (!customer) return [ruleRefusal('6.3', '客户不存在', 'No such customer', 'customerId')];
  const out: Refusal[] = [];
  const order = ctx.refs.orderId;
  if (!order)
    out.push(
      ruleRefusal(
        '6.8.2',
        '销售订单不存在：须先按订单流程输入订单',
        'No such sales order: enter the order first',
        'orderId',
      ),
    );
  else {
    if (order.customerId !== doc.customerId)
      out.push(
        ruleRefusal(
          '6.8.2',
          `订单 ${order.code} 不是该客户的订单`,
          `Order ${order.code} is not this customer’s`,
          'orderId',
        ),
      );
    if (!URGENT_ORDER_STATUSES.includes(String(order.status)))
      out.push(
        ruleRefusal(
          '6.8.2',
          `订单 ${order.code} 当前状态不能安排急件`,
          `Order ${order.code} cannot go urgent in its current status`,
          'orderId',
        ),
      );
  }
  const far = distanceRefusal(customer.distanceKm);
  if (far) out.push(far);
  const late = urgentRequestRefusal(
    new Date(String(doc.requestedAt ?? ctx.now.toISOString())),
    (doc.slot as UrgentSlot | null) ?? null,
    calendarOfSettings(ctx.settings),
  );
  if (late) out.push(late);
  if (Number(ctx.facts.openUrgentDeliveries ?? 0) > 0 && order)
    out.push(
      ruleRefusal(
        '6.8.2',
        `订单 ${order.code} 已有急件送货联络函`,
        `Order ${order.code} already has an urgent delivery letter`,
        'orderId',
      ),
    );
  return out;
}

const stamp = (field: string) => (_d: DocRecord, ctx: RuleContext) => ({ [field]: nowIso(ctx) });
const own = ownDocument('assistantId');

export const urgentDeliveryWorkflow: Workflow = {
  initial: () => 'requested',
  states: URGENT_STATUSES,
  transitions: [
    // 6.8.3 the order desk prints the delivery note, the warehouse picks; 6.8.4 a van at 12:00 / 15:30
    {
      action: 'schedule',
      label: t('安排急件车辆', 'Schedule the van'),
      from: ['requested'],
      roles: ['orderDesk'],
      to: 'scheduled',
      effect: (_d, ctx) => ({ scheduledAt: nowIso(ctx), scheduledBy: ctx.user.id }),
      bulk: true,
      tone: 'primary',
    },
    {
      action: 'dispatch',
      label: t('急件出车', 'Van left'),
      from: ['scheduled'],
      roles: ['driver', 'orderDesk'],
      to: 'outForDelivery',
      effect: stamp('dispatchedAt'),
      bulk: true,
    },
    {
      action: 'deliver',
      label: t('客户签收', 'Delivered (signed)'),
      from: ['outForDelivery'],
      roles: ['driver'],
      to: 'delivered',
      effect: stamp('deliveredAt'),
      bulk: true,
    },
    {
      action: 'cancel',
      label: t('取消', 'Cancel'),
      from: ['requested', 'scheduled'],
      roles: ['assistant', 'teamLead', 'orderDesk'],
      to: 'cancelled',
      actor: own,
      commentRequired: true,
      tone: 'danger',
    },
  ],
};

export const urgentDeliveries = defineDocument({
  resource: 'urgentDeliveries',
  clause: '6.8',
  label: t('急件送货联络函', 'Urgent delivery memo'),
  menuLabel: t('急件送货联络函', 'Urgent deliveries'),
  codePrefix: 'UD',
  fields: {
    code: text(t('联络函编号', 'Letter no.'), { readOnly: true, search: true }),
    status: text(t('状态', 'Status'), { readOnly: true }),
    customerId: ref(t('客户', 'Customer'), 'customers', {
      required: true,
      immutable: true,
      help: t('客户距离须在20公里以内 (6.8.1)', 'The customer must be within 20 km (6.8.1)'),
    }),
    orderId: ref(t('急货订单', 'Urgent order'), 'orders', { required: true, immutable: true }),
    slot: enumOf(t('急件车次', 'Van'), SLOT_LABELS, {
      help: t(
        '12:00及15:30两个车次；15:30以后不受理 (6.8.4)',
        'Vans at 12:00 and 15:30; nothing accepted from 15:30 on (6.8.4)',
      ),
    }),
    latestArrival: datetime(t('要求最迟送达时间', 'Deliver by (latest)')),
    deliveryAddress: text(t('送货地址', 'Delivery address'), { maxLength: 200 }),
    receivingDept: text(t('客户收货部门', 'Receiving department'), { maxLength: 50 }),
    receiver: text(t('收货联系人', 'Receiver'), { maxLength: 50, search: true }),
    receiverPhone: text(t('联系电话', 'Receiver phone'), { maxLength: 30, search: true }),
    invoiceInfo: text(t('票据情况', 'Invoice / documents'), { maxLength: 200 }),
    requestedAt: datetime(t('通知时间', 'Requested at'), { computed: true }),
    departureAt: datetime(t('发车时间', 'Van leaves at'), { computed: true }),
    customerName: text(t('客户名称', 'Customer name'), { computed: true, search: true }),
    distanceKm: money(t('距离（公里）', 'Distance (km)'), { computed: true, unit: 'km' }),
    orderCode: text(t('订单号', 'Order no.'), { computed: true, search: true }),
    assistantId: ref(t('客户助理', 'Assistant'), 'users', { readOnly: true }),
    scheduledBy: ref(t('安排人', 'Scheduled by'), 'users', { readOnly: true }),
    scheduledAt: datetime(t('安排时间', 'Scheduled at'), { readOnly: true }),
    dispatchedAt: datetime(t('出车时间', 'Left at'), { readOnly: true }),
    deliveredAt: datetime(t('送达时间', 'Delivered at'), { readOnly: true }),
  },
  list: [
    column('code', 'code'),
    column('customerName', 'name'),
    column('slot', 'choice'),
    column('departureAt', 'datetime', 2),
    column('status', 'status'),
    column('distanceKm', 'number', 2),
    column('orderCode', 'code', 3),
    column('latestArrival', 'datetime', 3),
  ],
  filters: ['status', 'slot', 'customerId', 'assistantId', 'requestedAt'],
  inbox: {
    columns: ['customerName', 'slot', 'departureAt'],
    byRole: { driver: ['customerName', 'deliveryAddress', 'customerId.route'] },
  },
  defaultSort: { field: 'departureAt', order: 'DESC' },
  columns: [
    'code',
    'status',
    'customerId',
    'orderId',
    'customerName',
    'slot',
    'requestedAt',
    'departureAt',
    'latestArrival',
    'assistantId',
    'createdBy',
    'deliveredAt',
  ],
  access: {
    read: ['assistant', 'teamLead', 'csManager', 'orderDesk', 'warehouse', 'driver', 'admin'],
    create: ['assistant', 'teamLead'],
    edit: ['assistant', 'teamLead'],
  },
  editableIn: ['requested'],
  ownerField: 'assistantId',
  deadlineField: 'departureAt',
  stateDeadlines: { outForDelivery: 'latestArrival' },
  prints: {
    // 6.8 the letter goes with the van the order desk scheduled
    urgentDeliveryMemo: {
      title: t('急件送货联络函', 'Urgent delivery memo'),
      clause: '6.8',
      officialIn: ['scheduled', 'outForDelivery', 'delivered'],
      otherwise: 'mark',
      printers: ['orderDesk', 'driver', 'assistant', 'admin'],
      stepPrinters: ['orderDesk'],
    },
  },
  menuGroup: 'sales',
  facts: ['openUrgentDeliveries'],
  compute: computeUrgentDelivery,
  rules: urgentDeliveryRules,
  workflow: urgentDeliveryWorkflow,
  views: {
    /** 6.8.2 the ones that stand (all but cancelled): one per order */
    standing: view('urgentDeliveries', { status_neq: 'cancelled' }),
  },
});
