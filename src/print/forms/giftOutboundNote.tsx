import type { DocRecord } from '../../domain/definition';
import { GIFT_MARKING } from '../../domain/documents/approvals/gifts';
import {
  ApprovalsTable,
  Fields,
  fmtDateTime,
  ids,
  linesOf,
  MoneyLines,
  PrintPage,
  refOf,
  Signatures,
  stepOf,
  text,
  userName,
  yuan,
} from '../parts';
import { printForm, type PrintForm } from '../types';

/**
 * 其他出库单（赠送品） — other outbound note for an approved gift (6.12.3): marked 赠送品, with the
 * customer's district office, signed by the customer; the approvals (6.12.2) printed with it.
 */
export const giftOutboundNote: PrintForm = printForm('gifts', 'giftOutboundNote', {
  refs: (r) => ({
    customers: ids(r.customerId),
    products: ids(...linesOf(r, 'items').map((l) => l.productId)),
    users: ids(r.assistantId),
  }),
  render: (data) => {
    const r = data.record;
    const customer = refOf(data, 'customers', r.customerId);
    const product = (l: DocRecord) => refOf(data, 'products', l.productId);
    const issued = stepOf(r, 'issue');
    return (
      <PrintPage title="其他出库单" data={data} mark={GIFT_MARKING}>
        <Fields
          items={[
            ['出库类别', text(r.outboundMarking || GIFT_MARKING), { prominent: true }],
            ['出库单号', text(r.outboundNoteNo)],
            [
              '客户',
              `${text(r.customerCode || customer.code)} ${text(r.customerName || customer.name)}`,
              { wide: true },
            ],
            ['客户归属办事处', text(r.districtOffice || customer.districtOffice), { prominent: true }],
            ['节日', text(r.festival)],
            ['联系人', text(customer.contact)],
            ['电话', text(customer.phone)],
            ['地址', text(customer.address), { wide: true }],
            ['客户助理', userName(data, r.assistantId)],
            ['出库时间', fmtDateTime(r.issuedAt)],
          ]}
        />
        <MoneyLines
          lines={linesOf(r, 'items')}
          columns={[
            { label: '货号', nowrap: true, value: (l) => text(product(l).sku) },
            { label: '品名', value: (l) => text(l.name || product(l).name) },
            { label: '单位', nowrap: true, value: (l) => text(product(l).unit) },
            { label: '数量', value: (l) => text(l.qty), num: true },
            { label: '单价', value: (l) => yuan(l.unitPrice), num: true },
            { label: '金额', value: (l) => yuan(l.amount), num: true },
          ]}
          totals={[['赠送金额合计', Number(r.total ?? 0)]]}
          wordsFor={Number(r.total ?? 0)}
        />
        <ApprovalsTable record={r} resource="gifts" />
        <div className="bp-note">
          客户签收人（正楷）：{text(r.signedBy)}
          {'\u3000'.repeat(r.signedBy ? 2 : 12)}签收时间：{fmtDateTime(r.signedAt)}
        </div>
        <Signatures
          boxes={[
            { label: '仓管员发货', value: issued ? `${text(issued.byName)} ${fmtDateTime(issued.at)}` : undefined },
            { label: '客户助理', value: userName(data, r.assistantId) },
            { label: '客户签收', value: text(r.signedBy) },
          ]}
        />
      </PrintPage>
    );
  },
});
