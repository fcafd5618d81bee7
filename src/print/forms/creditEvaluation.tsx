import { creditApplications } from '../../domain/documents/approvals/creditApplications';
import { yuanToFen } from '../../domain/money';
import { CREDIT_MIN_MONTHLY_FEN } from '../../domain/rules/approvals/credit';
import { NEW_CUSTOMER_MONTHS } from '../../domain/rules/customerTerms';
import {
  ApprovalsTable,
  Fields,
  fmtDate,
  fmtDateTime,
  ids,
  MoneyWords,
  optionText,
  PrintPage,
  refOf,
  Section,
  Signatures,
  Table,
  text,
  TextBlock,
  userName,
  yuan,
} from '../parts';
import { printForm, type PrintForm } from '../types';

const verdict = (ok: boolean | null) => (ok == null ? '—' : ok ? '符合' : '不符合');

/**
 * 客户信用评估表 — credit evaluation summary (5.11.2): the customer's basic information, the facts of
 * 5.11.1 (≥ 3 months trading, good record, ≥ 5000 yuan average monthly orders) as computed by the
 * system, the rep's evaluation, the requested and approved limits, and the reviewers' decisions
 * (office supervisor, sales manager, finance; branch GM approves).
 */
export const creditEvaluation: PrintForm = printForm('creditApplications', 'creditEvaluation', {
  refs: (r) => ({ customers: ids(r.customerId), users: ids(r.salesRepId) }),
  render: (data) => {
    const r = data.record;
    const customer = refOf(data, 'customers', r.customerId);
    const months = typeof r.monthsTrading === 'number' ? r.monthsTrading : null;
    const avg = typeof r.avgMonthlyOrders === 'number' ? r.avgMonthlyOrders : null;
    const approved = typeof r.approvedLimit === 'number';
    return (
      <PrintPage title="信用评估表" data={data}>
        <Fields
          items={[
            [
              '客户',
              `${text(r.customerCode || customer.code)} ${text(r.customerName || customer.name)}`,
              { wide: true },
            ],
            ['申请类别', optionText(creditApplications.fields.kind, r.kind)],
            ['客户代表', userName(data, r.salesRepId)],
            ['法定代表人', text(r.legalRepresentative)],
            ['营业执照号', text(r.businessLicenseNo)],
            ['注册资本', yuan(r.registeredCapital)],
            [
              '成立年份/员工人数',
              `${r.establishedYear == null ? '—' : `${text(r.establishedYear)} 年`} / ${r.employees == null ? '—' : `${text(r.employees)} 人`}`,
            ],
            ['开户银行', text(r.bankName)],
            ['银行账号', text(r.bankAccount)],
            ['财务联系人/电话', [r.financeContact, r.financePhone].filter(Boolean).map(String).join(' ')],
            ['地址', text(customer.address)],
            ['经营范围', text(r.businessScope), { wide: true }],
          ]}
        />
        <Section title="赊销条件核查">
          <Table
            head={['条件', '要求', '实际', '结论']}
            rows={[
              [
                '合作期',
                `满${NEW_CUSTOMER_MONTHS}个月`,
                months == null ? '未有交易' : `${months} 个月（首次交易 ${fmtDate(r.firstTradeAt)}）`,
                verdict(months == null ? false : months >= NEW_CUSTOMER_MONTHS),
              ],
              [
                '信用记录',
                '信用良好，无逾期货款',
                r.overdue === true ? '有逾期货款' : r.overdue === false ? '无逾期货款' : '',
                verdict(typeof r.overdue === 'boolean' ? !r.overdue : null),
              ],
              [
                '月平均订货额',
                `不低于${yuan(CREDIT_MIN_MONTHLY_FEN / 100)}`,
                `${yuan(avg)}（近3个整月合计 ${yuan(r.ordersLast3Months)}）`,
                verdict(avg == null ? null : yuanToFen(avg) >= CREDIT_MIN_MONTHLY_FEN),
              ],
              [
                '综合结论',
                '',
                `核查时间 ${fmtDateTime(r.eligibilityCheckedAt)}`,
                r.eligible === true ? '符合赊销条件' : r.eligible === false ? '不符合赊销条件' : '—',
              ],
            ]}
          />
        </Section>
        <Section title="信用评估报告">
          <TextBlock label="经营状况" value={r.businessCondition} />
          <TextBlock label="付款及信用记录" value={r.paymentHistory} />
          <TextBlock label="信用评估结论" value={r.evaluation} />
        </Section>
        <Fields
          items={[
            ['申请信用额度', yuan(r.requestedLimit)],
            ['结算账期', r.paymentTermDays == null ? '' : `${text(r.paymentTermDays)} 天`],
            ['下次信用复评', fmtDate(r.reviewDueAt)],
            !approved && ['批准信用额度', '（待总经理审批）'],
          ]}
        />
        {approved ? <MoneyWords label="批准信用额度" amount={r.approvedLimit} /> : null}
        <ApprovalsTable record={r} resource="creditApplications" title="审核意见" />
        <Signatures boxes={['办事处主管', '销售管理部经理', '财务部', '分公司总经理']} />
      </PrintPage>
    );
  },
});
