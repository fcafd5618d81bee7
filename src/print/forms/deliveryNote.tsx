import type { DocRecord } from '../../domain/definition';
import { settlementLabel, shortLinesNow } from '../../domain/documents/orders';
import { SHORT_OFFER, shortLineText } from '../../domain/rules/stock';
import { Fields, fmtDateTime, linesOf, MoneyLines, Notice, PrintPage, Signatures, text, yuan } from '../parts';
import { printForm, type PrintForm } from '../types';

/**
 * 销售送货单 — sales delivery note (6.2.4, 5.4.1, 5.5.1): settlement printed as 现金付款 or
 * 付款帐期; white copy to the warehouse, the other copies carry the 送货专用章 stamp.
 */
export const deliveryNote: PrintForm = printForm('orders', 'deliveryNote', {
  refs: (r) => ({ customers: [Number(r.customerId)], products: linesOf(r).map((l) => Number(l.productId)) }),
  // the order desk prints the afternoon's notes in route order (线路), then by order number
  sortKey: (d) => `${text(d.refs.customers?.[Number(d.record.customerId)]?.route)}|${text(d.record.code)}`,
  render: (data) => {
    const r = data.record;
    const customer = data.refs.customers?.[Number(r.customerId)] ?? {};
    const product = (l: DocRecord) => data.refs.products?.[Number(l.productId)] ?? {};
    const packages = linesOf(r).reduce((s, l) => s + (Number(l.qty) || 0), 0);
    // 5.6.4 printed before picking (6.2.4): a line the stock cannot serve is flagged on the paper the warehouse picks by
    const short = shortLinesNow(r, data.refs.products ?? {});
    const shortOf = new Map(short.map((x) => [x.index, x]));
    return (
      <PrintPage title="销售送货单" data={data}>
        <Fields
          items={[
            ['客户', `${text(customer.code)} ${text(r.customerName || customer.name)}`],
            ['结算方式', settlementLabel(r.paymentMethod).zh, { prominent: true }],
            ['送货地址', text(r.deliveryAddress || customer.address), { wide: true }],
            ['收货人', text(r.receiver || customer.contact)],
            ['电话', text(r.receiverPhone || customer.phone)],
            ['线路', text(customer.route)],
            ['承诺送达', fmtDateTime(r.promisedDeliveryAt)],
            ['订单日期', fmtDateTime(r.receivedAt)],
            ['件数', `${packages} 件`],
          ]}
        />
        {short.length > 0 ? (
          <Notice prominent>
            缺货：{short.map((x) => shortLineText(x).zh).join('；')}——{SHORT_OFFER.zh} (5.6.4)
          </Notice>
        ) : null}
        <MoneyLines
          lines={linesOf(r)}
          columns={[
            { label: '货号', nowrap: true, value: (l) => text(l.sku || product(l).sku) },
            {
              label: '品名',
              value: (l, i) => (
                <>
                  {text(l.productName || product(l).name)}
                  {shortOf.has(i) ? <strong className="bp-short">【缺货 {shortOf.get(i)!.short}】</strong> : null}
                </>
              ),
            },
            {
              label: '规格/型号',
              value: (l) => [product(l).spec, product(l).model, product(l).colour].filter(Boolean).join(' '),
            },
            { label: '单位', nowrap: true, value: (l) => text(product(l).unit) },
            { label: '数量', value: (l) => text(l.qty), num: true },
            { label: '单价', value: (l) => yuan(l.unitPrice), num: true },
            { label: '金额', value: (l) => yuan(l.amount), num: true },
          ]}
          totals={[
            ['货款小计', Number(r.subtotal ?? 0)],
            ['运费（满100元免运费）', Number(r.deliveryFee ?? 0)],
            ['合计', Number(r.total ?? 0)],
          ]}
          wordsFor={Number(r.total ?? 0)}
        />
        {r.note ? <div className="bp-note">备注：{text(r.note)}</div> : null}
        <Signatures boxes={['送货员', '客户签收']} stamp="送货专用章" />
        <div className="bp-copies">
          <span>白联：仓库留存</span>
          <span>红联：客户（加盖送货专用章）</span>
          <span>黄联：财务（加盖送货专用章）</span>
        </div>
      </PrintPage>
    );
  },
});
