import type { DocRecord } from '../../domain/definition';
import { urgentDeliveries } from '../../domain/documents/sales/urgentDeliveries';
import { URGENT_MAX_KM, URGENT_SLOTS } from '../../domain/rules/sales/urgent';
import {
  Fields,
  fmtDateTime,
  ids,
  linesOf,
  MoneyLines,
  Notice,
  optionText,
  PrintPage,
  refOf,
  Signatures,
  stepOf,
  text,
  userName,
} from '../parts';
import { printForm, type PrintForm } from '../types';

const slots = Object.values(URGENT_SLOTS).join('、');

/**
 * 急件送货联络函 — urgent delivery memo (6.8): the customer within 20 km, the address, the order,
 * the latest arrival, receiving department and contact, invoice details (6.8.2); the van of 12:00
 * or 15:30 (6.8.4). The order desk prints it with the delivery note, in van order.
 */
export const urgentDeliveryMemo: PrintForm = printForm('urgentDeliveries', 'urgentDeliveryMemo', {
  refs: (r) => ({ customers: ids(r.customerId), orders: ids(r.orderId), users: ids(r.assistantId, r.scheduledBy) }),
  // the order desk's bulk print: by departure (the 12:00 van first), then by letter number
  sortKey: (d) => `${text(d.record.departureAt)}|${text(d.record.code)}`,
  render: (data) => {
    const r = data.record;
    const customer = refOf(data, 'customers', r.customerId);
    const order = refOf(data, 'orders', r.orderId);
    const scheduled = stepOf(r, 'schedule');
    return (
      <PrintPage title="急件送货联络函" data={data}>
        <Fields
          items={[
            ['急件车次', optionText(urgentDeliveries.fields.slot, r.slot), { prominent: true }],
            ['要求最迟送达', fmtDateTime(r.latestArrival), { prominent: true }],
            ['客户', `${text(customer.code)} ${text(r.customerName || customer.name)}`, { wide: true }],
            ['客户距离', r.distanceKm == null ? '' : `${text(r.distanceKm)} 公里`],
            ['急货订单号', text(r.orderCode || order.code)],
            ['送货地址', text(r.deliveryAddress || customer.address), { wide: true }],
            ['收货部门', text(r.receivingDept)],
            ['收货联系人', text(r.receiver || customer.contact)],
            ['联系电话', text(r.receiverPhone || customer.phone)],
            ['通知时间', fmtDateTime(r.requestedAt)],
            ['发车时间', fmtDateTime(r.departureAt)],
            ['客户助理', userName(data, r.assistantId)],
            ['票据情况', text(r.invoiceInfo), { wide: true }],
          ]}
        />
        <MoneyLines
          lines={linesOf(order)}
          columns={[
            { label: '货号', nowrap: true, value: (l: DocRecord) => text(l.sku) },
            { label: '品名', value: (l: DocRecord) => text(l.productName) },
            { label: '数量', value: (l: DocRecord) => text(l.qty), num: true },
          ]}
          totals={[]}
        />
        <Notice>
          急件仅限距离{URGENT_MAX_KM}公里以内的客户；物流部每日 {slots} 两个车次发车，{URGENT_SLOTS.afternoon}
          以后通知的急货一概不予受理。请订单组即时打印销售送货单，仓库优先拣配。
        </Notice>
        <Signatures
          boxes={[
            { label: '客户助理', value: userName(data, r.assistantId) },
            {
              label: '物流部订单组',
              value: scheduled
                ? `${text(scheduled.byName)} ${fmtDateTime(scheduled.at)}`
                : userName(data, r.scheduledBy),
            },
            '送货员',
            '客户签收',
          ]}
        />
      </PrintPage>
    );
  },
});
