import type { DocRecord } from '../../domain/definition';
import { scraps } from '../../domain/documents/approvals/scraps';
import {
  ApprovalsTable,
  Fields,
  fmtDateTime,
  ids,
  linesOf,
  MoneyLines,
  optionText,
  PrintPage,
  refOf,
  Signatures,
  text,
  TextBlock,
  userName,
  yesNo,
  yuan,
} from '../parts';
import { printForm, type PrintForm } from '../types';

/**
 * 商品报损报废申请单 — scrap / write-off application (6.15): the cause stated truthfully and in
 * detail (6.15.1), the goods at cost, the total cost in capitals, the approvals.
 */
export const scrapApplication: PrintForm = printForm('scraps', 'scrapApplication', {
  refs: (r) => ({ products: ids(...linesOf(r).map((l) => l.productId)), users: ids(r.assistantId) }),
  render: (data) => {
    const r = data.record;
    const product = (l: DocRecord) => refOf(data, 'products', l.productId);
    const fd = r.needsFinanceDirector === true;
    return (
      <PrintPage title="报损报废申请单" data={data}>
        <Fields
          items={[
            ['类别', optionText(scraps.fields.kind, r.kind), { prominent: true }],
            ['申请人', userName(data, r.assistantId)],
            ['提交时间', fmtDateTime(r.submittedAt)],
            ['批准时间', fmtDateTime(r.approvedAt)],
            ['需集团财务总监审批', yesNo(r.needsFinanceDirector)],
          ]}
        />
        <TextBlock label="报损报废原因" value={r.cause} />
        <MoneyLines
          lines={linesOf(r)}
          columns={[
            { label: '货号', nowrap: true, value: (l) => text(product(l).sku) },
            { label: '品名', value: (l) => text(l.name || product(l).name) },
            {
              label: '规格/型号',
              value: (l) =>
                [product(l).spec, product(l).model, product(l).colour].filter(Boolean).map(String).join(' '),
            },
            { label: '单位', nowrap: true, value: (l) => text(product(l).unit) },
            { label: '数量', value: (l) => text(l.qty), num: true },
            { label: '单位成本', value: (l) => yuan(l.unitPrice), num: true },
            { label: '成本金额', value: (l) => yuan(l.amount), num: true },
          ]}
          totals={[['成本合计', Number(r.total ?? 0)]]}
          wordsFor={Number(r.total ?? 0)}
          wordsLabel="成本合计人民币（大写）"
        />
        {r.note ? <div className="bp-note">备注：{text(r.note)}</div> : null}
        <ApprovalsTable record={r} resource="scraps" />
        <Signatures boxes={['申请人', '客户服务中心经理', '分公司总经理', ...(fd ? ['集团财务总监'] : [])]} />
      </PrintPage>
    );
  },
});
