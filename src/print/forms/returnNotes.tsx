import type { DocRecord } from '../../domain/definition';
import { returns } from '../../domain/documents/service/returns';
import {
  Fields,
  fmtDate,
  fmtDateTime,
  ids,
  linesOf,
  MoneyLines,
  optionText,
  PrintPage,
  refOf,
  Signatures,
  stepOf,
  text,
  TextBlock,
  userName,
  yuan,
} from '../parts';
import { printForm, type PrintData, type PrintForm } from '../types';

const refs = (r: DocRecord) => ({
  customers: ids(r.customerId),
  orders: ids(r.orderId),
  products: ids(...linesOf(r).map((l) => l.productId)),
  users: ids(r.assistantId),
});

/** who took a step and when, as recorded by the system (printed small in the signature box) */
const took = (r: DocRecord, action: string) => {
  const s = stepOf(r, action);
  return s ? `${text(s.byName)} ${fmtDateTime(s.at)}` : undefined;
};

/** The body both return notes share: the delivery note it returns against, the reason, the lines, three signatures. */
function ReturnNote({
  data,
  title,
  mark,
  formal,
}: {
  data: PrintData;
  title: string;
  mark?: string;
  formal?: boolean;
}) {
  const r = data.record;
  const customer = refOf(data, 'customers', r.customerId);
  const order = refOf(data, 'orders', r.orderId);
  const product = (l: DocRecord) => refOf(data, 'products', l.productId);
  return (
    <PrintPage title={title} data={data} mark={mark}>
      <Fields
        items={[
          ['原销售送货单号', text(r.orderCode || order.code), { prominent: true }],
          ['类型', optionText(returns.fields.kind, r.kind)],
          ['客户', `${text(customer.code)} ${text(r.customerName || customer.name)}`, { wide: true }],
          ['联系人', text(customer.contact)],
          ['电话', text(customer.phone)],
          ['地址', text(customer.address), { wide: true }],
          ['送货签收日', fmtDate(order.deliveredAt)],
          ['发票日期', fmtDate(r.invoiceDate)],
          ['退货原因', optionText(returns.fields.reasonType, r.reasonType)],
          ['客户助理', userName(data, r.assistantId)],
          r.sameDay === true && ['当场退货', '是（已在销售送货单上注明）'],
          formal && ['仓库验收', fmtDateTime(r.inspectedAt)],
        ]}
      />
      <TextBlock label="原因说明" value={r.reason} />
      <MoneyLines
        lines={linesOf(r)}
        columns={[
          { label: '货号', nowrap: true, value: (l) => text(l.sku || product(l).sku) },
          {
            label: '品名',
            value: (l) =>
              `${text(l.productName || product(l).name)}${l.specialGoods === true || l.special === true ? '（特殊商品）' : ''}`,
          },
          { label: '单位', nowrap: true, value: (l) => text(product(l).unit) },
          { label: '数量', value: (l) => text(l.qty), num: true },
          { label: '单价', value: (l) => yuan(l.unitPrice), num: true },
          { label: '金额', value: (l) => yuan(l.amount), num: true },
        ]}
        totals={[['退货金额合计', Number(r.total ?? 0)]]}
        wordsFor={Number(r.total ?? 0)}
      />
      {r.note ? <div className="bp-note">备注：{text(r.note)}</div> : null}
      <Signatures
        boxes={[
          { label: '客户', value: r.customerSigned === true ? '已签名' : undefined },
          { label: '送货员（初检）', value: took(r, 'collect') ?? took(r, 'sameDayReturn') },
          { label: '仓管员（复检）', value: took(r, 'inspect') },
        ]}
      />
    </PrintPage>
  );
}

/** 草稿退货单 — the approved draft return, printed for logistics: driver's first inspection and the customer's signature (6.9.2, 6.9.3). */
export const draftReturnNote: PrintForm = printForm('returns', 'draftReturnNote', {
  refs,
  render: (data) => <ReturnNote data={data} title="草稿退货单" mark="草稿" />,
});

/** 销售退货单 — the formal sales return note the order desk makes after the warehouse's inspection (6.9.3). */
export const salesReturnNote: PrintForm = printForm('returns', 'salesReturnNote', {
  refs,
  render: (data) => (
    <ReturnNote
      data={data}
      title="销售退货单"
      formal
      mark={['inspected', 'closed'].includes(String(data.record.status)) ? undefined : '未验收'}
    />
  ),
});
