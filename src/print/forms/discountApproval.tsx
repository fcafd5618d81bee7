import type { DocRecord } from '../../domain/definition';
import { yuanToFen } from '../../domain/money';
import { marginAfterDiscountBp, PAYOUT_DAYS, percentText } from '../../domain/rules/approvals/discount';
import {
  ApprovalsTable,
  Fields,
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
  TextBlock,
  userName,
  yesNo,
  yuan,
} from '../parts';
import { printForm, type PrintForm } from '../types';

const fen = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? yuanToFen(v) : 0);
const payoutDays = PAYOUT_DAYS.map(([a, b]) => `${a}日–${b}日`).join('、');

/**
 * 特殊折扣审批表 — special discount approval form (6.14.3): the goods and amounts, the margin before
 * and after the discount (6.14.1), the approvals (6.14.2), and the payment rules: only after the
 * customer has paid in full, requested on days 7–10 / 25–27 (6.14.3), by bank transfer only (6.14.4).
 */
export const discountApproval: PrintForm = printForm('discounts', 'discountApproval', {
  refs: (r) => ({
    customers: ids(r.customerId),
    orders: ids(r.orderId),
    products: ids(...linesOf(r).map((l) => l.productId)),
    users: ids(r.assistantId),
  }),
  render: (data) => {
    const r = data.record;
    const customer = refOf(data, 'customers', r.customerId);
    const order = refOf(data, 'orders', r.orderId);
    const product = (l: DocRecord) => refOf(data, 'products', l.productId);
    const before = percentText(
      marginAfterDiscountBp({ salesFen: fen(r.salesTotal), costFen: fen(r.costTotal), discountFen: 0 }),
    );
    const discount = Number(r.total ?? r.discountAmount ?? 0);
    return (
      <PrintPage title="特殊折扣审批表" data={data}>
        <Fields
          items={[
            [
              '客户',
              `${text(r.customerCode || customer.code)} ${text(r.customerName || customer.name)}`,
              { wide: true },
            ],
            ['关联销售订单', text(order.code)],
            ['客户助理', userName(data, r.assistantId)],
            ['提交时间', fmtDateTime(r.submittedAt)],
            ['答复期限（三个工作日）', fmtDateTime(r.answerDeadline)],
          ]}
        />
        <MoneyLines
          lines={linesOf(r)}
          columns={[
            { label: '货号', nowrap: true, value: (l) => text(product(l).sku) },
            { label: '品名', value: (l) => text(l.name || product(l).name) },
            { label: '数量', value: (l) => text(l.qty), num: true },
            { label: '成交单价', value: (l) => yuan(l.unitPrice), num: true },
            { label: '金额', value: (l) => yuan(l.amount), num: true },
          ]}
          totals={[
            ['销售金额', Number(r.salesTotal ?? 0)],
            ['折扣金额', discount],
          ]}
          wordsFor={discount}
          wordsLabel="折扣金额人民币（大写）"
        />
        <Section title="毛利">
          <Fields
            items={[
              ['成本金额', yuan(r.costTotal)],
              ['折扣比例', text(r.discountRate)],
              ['折前毛利率', before],
              [
                '折后毛利率',
                `${text(r.marginAfterDiscount)}${r.marginOk === true ? '（毛利充足）' : r.marginOk === false ? '（毛利不足）' : ''}`,
              ],
            ]}
          />
        </Section>
        <TextBlock label="申请理由" value={r.reason} />
        <TextBlock label="客户交易状况" value={r.tradeSummary} />
        <ApprovalsTable record={r} resource="discounts" />
        <Section title="支付">
          <Notice>
            特殊折扣须待客户货款全部收回后方可支付；每月 {payoutDays} 申请支付；财务部一律以银行转账方式支付，不付现金。
          </Notice>
          <Fields
            items={[
              ['支付方式', '银行转账（不付现金）'],
              ['货款已全部收回', `${yesNo(r.customerPaidInFull === true, '是', '否')} ${fmtDateTime(r.paidInFullAt)}`],
              ['申请支付时间', fmtDateTime(r.payoutRequestedAt)],
              ['银行转账凭证号', text(r.transferRef)],
              ['支付时间', fmtDateTime(r.paidAt), { wide: true }],
            ]}
          />
        </Section>
        <Signatures boxes={['申请人', '客户服务中心经理', '分公司总经理', '财务部']} />
      </PrintPage>
    );
  },
});
