import type { DocRecord } from '../../domain/definition';
import { shortLinesNow } from '../../domain/documents/orders';
import { SHORT_OFFER } from '../../domain/rules/stock';
import { Fields, fmtDateTime, linesOf, Notice, PrintPage, Signatures, Table, text } from '../parts';
import { printForm, type PrintForm } from '../types';

/**
 * 拣货单 — the warehouse's picking list of an approved order (6.2.5): every line with the stock on
 * hand when printed, a line the stock cannot serve flagged with what the procedure offers (5.6.4 →
 * requisition 6.5 / transfer 6.13). Picking takes the quantities out of stock; a short line is not
 * picked (the step is refused, naming the line).
 */
export const pickingList: PrintForm = printForm('orders', 'pickingList', {
  refs: (r) => ({ customers: [Number(r.customerId)], products: linesOf(r).map((l) => Number(l.productId)) }),
  sortKey: (d) => `${text(d.refs.customers?.[Number(d.record.customerId)]?.route)}|${text(d.record.code)}`,
  render: (data) => {
    const r = data.record;
    const customer = data.refs.customers?.[Number(r.customerId)] ?? {};
    const product = (l: DocRecord) => data.refs.products?.[Number(l.productId)] ?? {};
    const short = new Map(shortLinesNow(r, data.refs.products ?? {}).map((x) => [x.index, x]));
    return (
      <PrintPage title="拣货单" data={data}>
        <Fields
          items={[
            ['客户', `${text(customer.code)} ${text(r.customerName || customer.name)}`],
            ['线路', text(customer.route)],
            ['承诺送达', fmtDateTime(r.promisedDeliveryAt)],
            ['订单日期', fmtDateTime(r.receivedAt)],
          ]}
        />
        {short.size > 0 ? (
          <Notice prominent>
            有 {short.size} 行缺货，不能拣配：{SHORT_OFFER.zh} (5.6.4)
          </Notice>
        ) : null}
        <Table
          head={['序', '货号', '品名', '规格/型号', '单位', '数量', '库存', '缺货', '已拣']}
          num={[0, 5, 6, 7]}
          rows={linesOf(r).map((l, i) => [
            String(i + 1),
            text(l.sku || product(l).sku),
            text(l.productName || product(l).name),
            [product(l).spec, product(l).model, product(l).colour].filter(Boolean).join(' '),
            text(product(l).unit),
            text(l.qty),
            text(product(l).stock),
            short.has(i) ? <strong className="bp-short">缺 {short.get(i)!.short}</strong> : '',
            '☐',
          ])}
        />
        <Signatures boxes={['仓管员（拣货）', '复核']} />
      </PrintPage>
    );
  },
});
