import type { DocRecord } from '../../domain/definition';
import { LOAN_DEFAULT_DAYS, LOAN_MAX_DAYS } from '../../domain/rules/service/loans';
import {
  Fields,
  fmtDateTime,
  ids,
  linesOf,
  MoneyLines,
  Notice,
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
 * 借样转储单 — loan transfer note (6.11.1): the order desk makes it when the samples go out; it
 * carries the lent and due dates and the rule of 6.11.2 (not to be used, back within 3 days, never
 * more than 7) and 6.11.3 (damaged samples are not taken back).
 */
export const loanTransferNote: PrintForm = printForm('sampleLoans', 'loanTransferNote', {
  refs: (r) => ({
    customers: ids(r.customerId),
    products: ids(...linesOf(r).map((l) => l.productId)),
    users: ids(r.assistantId),
  }),
  render: (data) => {
    const r = data.record;
    const customer = refOf(data, 'customers', r.customerId);
    const product = (l: DocRecord) => refOf(data, 'products', l.productId);
    const lent = stepOf(r, 'lend');
    return (
      <PrintPage title="借样转储单" data={data}>
        <Fields
          items={[
            ['客户', `${text(customer.code)} ${text(r.customerName || customer.name)}`, { wide: true }],
            ['联系人', text(customer.contact)],
            ['电话', text(customer.phone)],
            ['地址', text(customer.address), { wide: true }],
            ['经手人（客户助理）', userName(data, r.assistantId)],
            ['借用天数', r.loanDays == null ? '' : `${text(r.loanDays)} 天`],
            ['借出时间', fmtDateTime(r.lentAt)],
            ['应还时间', fmtDateTime(r.dueAt), { prominent: true }],
            !!r.extensionReason && [`超过${LOAN_DEFAULT_DAYS}天的理由`, text(r.extensionReason), { wide: true }],
            ['借样用途', text(r.purpose), { wide: true }],
          ]}
        />
        <Notice prominent>
          样品不得使用，{LOAN_DEFAULT_DAYS}天内归还，最长不超过{LOAN_MAX_DAYS}天
        </Notice>
        <Notice>
          样品如有损坏，不予退回，由客户或经手人按目录价赔偿；客户购买样品的，以其它退货单冲抵后转为销售。
        </Notice>
        <MoneyLines
          lines={linesOf(r)}
          columns={[
            { label: '货号', nowrap: true, value: (l) => text(l.sku || product(l).sku) },
            { label: '品名', value: (l) => text(l.productName || product(l).name) },
            {
              label: '规格/型号',
              value: (l) =>
                [product(l).spec, product(l).model, product(l).colour].filter(Boolean).map(String).join(' '),
            },
            { label: '单位', nowrap: true, value: (l) => text(product(l).unit) },
            { label: '数量', value: (l) => text(l.qty), num: true },
            { label: '目录价', value: (l) => yuan(l.unitPrice), num: true },
            { label: '金额', value: (l) => yuan(l.amount), num: true },
          ]}
          totals={[['样品金额合计（目录价）', Number(r.value ?? 0)]]}
          wordsFor={Number(r.value ?? 0)}
        />
        <Signatures
          boxes={[
            { label: '订单组制单', value: lent ? `${text(lent.byName)} ${fmtDateTime(lent.at)}` : undefined },
            '仓管员发货',
            { label: '经手人', value: userName(data, r.assistantId) },
            '客户签收',
          ]}
        />
      </PrintPage>
    );
  },
});
