import type { DocRecord } from '../../domain/definition';
import { isQuoteExpired } from '../../domain/rules/sales/quoteTime';
import {
  Fields,
  fmtDate,
  fmtDateTime,
  ids,
  linesOf,
  MoneyLines,
  Notice,
  PrintPage,
  refOf,
  Section,
  Signatures,
  text,
  userName,
  yuan,
} from '../parts';
import { printForm, type PrintForm } from '../types';

/** 6.4.4 a quote past its validity date (or without one, isQuoteExpired) cannot be used: the printout says so. */
const expired = (r: DocRecord, printedAt: Date) => r.status === 'expired' || isQuoteExpired(r.validUntil, printedAt);

/**
 * 销售报价单 — sales quote (6.4.1–6.4.4): titled 宝亿 with the logo and the department stamp
 * (6.4.1/6.4.2); the validity date printed prominently (6.4.4); lines with the quoted prices and the
 * total in figures and capitals. Cost and margin are internal and never printed on the customer's copy.
 */
export const quote: PrintForm = printForm('quotes', 'quote', {
  refs: (r) => ({
    customers: ids(r.customerId),
    products: ids(...linesOf(r).map((l) => l.productId)),
    users: ids(r.quotedBy),
  }),
  render: (data) => {
    const r = data.record;
    const customer = refOf(data, 'customers', r.customerId);
    const product = (l: DocRecord) => refOf(data, 'products', l.productId);
    const mark = r.status === 'cancelled' ? '已作废' : expired(r, data.printedAt) ? '已过期' : undefined;
    const quoter = userName(data, r.quotedBy);
    return (
      <PrintPage title="销售报价单" data={data} mark={mark}>
        <Notice prominent>本报价有效期至 {fmtDate(r.validUntil)}</Notice>
        <Fields
          items={[
            [
              '客户',
              `${text(r.customerCode || customer.code)} ${text(r.customerName || customer.name)}`,
              { wide: true },
            ],
            ['联系人', text(customer.contact)],
            ['电话', text(customer.phone)],
            ['传真', text(customer.fax)],
            ['地址', text(customer.address)],
            ['询价时间', fmtDateTime(r.inquiryAt)],
            ['报价日期', fmtDate(r.repliedAt || r.createdAt)],
            ['报价人', quoter],
            ['回复时限', fmtDateTime(r.replyDeadline)],
          ]}
        />
        <MoneyLines
          lines={linesOf(r)}
          columns={[
            { label: '货号', nowrap: true, value: (l) => text(l.sku || product(l).sku) },
            { label: '品名', value: (l) => text(l.productName || product(l).name) },
            {
              label: '规格/型号',
              value: (l) =>
                [product(l).brand, product(l).spec, product(l).model, product(l).colour]
                  .filter(Boolean)
                  .map(String)
                  .join(' '),
            },
            { label: '单位', nowrap: true, value: (l) => text(product(l).unit) },
            { label: '数量', value: (l) => text(l.qty), num: true },
            { label: '单价', value: (l) => yuan(l.unitPrice), num: true },
            { label: '金额', value: (l) => yuan(l.amount), num: true },
          ]}
          totals={[['报价合计', Number(r.total ?? 0)]]}
          wordsFor={Number(r.total ?? 0)}
        />
        {r.note ? <div className="bp-note">备注：{text(r.note)}</div> : null}
        <Section title="客户回复">
          <div className="bp-note">
            <span className="bp-checkbox">☐ 接受本报价，请按上述价格供货</span>
            <span className="bp-checkbox">☐ 不接受</span>
            意见：
          </div>
          <div className="bp-note">
            请于有效期内签字盖章回复报价人{quoter ? `（${quoter}）` : ''}；逾期本报价自动失效，须重新报价。
          </div>
        </Section>
        <Signatures boxes={[{ label: '报价人', value: quoter }, '客户确认']} stamp="部门印章" />
      </PrintPage>
    );
  },
});
