import type { DocRecord } from '../../domain/definition';
import { handwrittenNotes } from '../../domain/documents/sales/handwrittenNotes';
import {
  Fields,
  fmtDateTime,
  ids,
  linesOf,
  MoneyLines,
  optionText,
  PrintPage,
  refOf,
  Section,
  Signatures,
  stepOf,
  Table,
  text,
  TextBlock,
  userName,
  yuan,
} from '../parts';
import { printForm, type PrintForm } from '../types';

const CHECK = '☐ 相符　☐ 不符';

/**
 * 手写送货单核对表 — handwritten-note reconciliation sheet (6.7.5): finance binds the handwritten
 * delivery note to the printed one and checks them against the order in the system; one sheet per
 * note (bulk from the list).
 */
export const handwrittenReconciliation: PrintForm = printForm('handwrittenNotes', 'handwrittenReconciliation', {
  refs: (r) => ({ orders: ids(r.orderId), customers: ids(r.customerId), users: ids(r.writtenBy, r.assistantId) }),
  render: (data) => {
    const r = data.record;
    const order = refOf(data, 'orders', r.orderId);
    const customer = refOf(data, 'customers', r.customerId ?? order.customerId);
    const reconciled = stepOf(r, 'reconcile');
    const total = typeof r.orderTotal === 'number' ? r.orderTotal : Number(order.total ?? 0);
    return (
      <PrintPage title="手写送货单核对表" data={data}>
        <Fields
          items={[
            ['手写送货单编号', text(r.noteNo), { prominent: true }],
            ['对应销售送货单号', text(r.printedNoteNo), { prominent: true }],
            ['销售订单号', text(r.orderCode || order.code)],
            ['客户', `${text(customer.code)} ${text(r.customerName || order.customerName || customer.name)}`],
            ['开手写单原因', optionText(handwrittenNotes.fields.reason, r.reason)],
            ['客户助理', userName(data, r.assistantId)],
            ['手写单填写人', userName(data, r.writtenBy)],
            ['填写时间', fmtDateTime(r.writtenAt)],
            ['客户签收时间', fmtDateTime(r.signedAt)],
            ['核对人', text(reconciled?.byName)],
            ['核对时间', fmtDateTime(r.reconciledAt || reconciled?.at)],
          ]}
        />
        <TextBlock label="原因及要求说明" value={r.reasonText} />
        <Section title="系统订单明细">
          <MoneyLines
            lines={linesOf(order)}
            columns={[
              { label: '货号', nowrap: true, value: (l: DocRecord) => text(l.sku) },
              { label: '品名', value: (l: DocRecord) => text(l.productName) },
              { label: '数量', value: (l: DocRecord) => text(l.qty), num: true },
              { label: '单价', value: (l: DocRecord) => yuan(l.unitPrice), num: true },
              { label: '金额', value: (l: DocRecord) => yuan(l.amount), num: true },
            ]}
            totals={[['订单金额', total]]}
            wordsFor={total}
          />
        </Section>
        <Section title="核对">
          <Table
            head={['核对项目', '手写送货单', '销售送货单（打印）', '核对结果']}
            num={[1, 2]}
            rows={[
              ['单号', text(r.noteNo), text(r.printedNoteNo), CHECK],
              ['客户', '', '', CHECK],
              ['商品及数量', '', '', CHECK],
              ['金额', '', yuan(total), CHECK],
              ['客户签收', '', '', CHECK],
            ]}
          />
        </Section>
        <Signatures
          boxes={[
            { label: '订单组填写', value: userName(data, r.writtenBy) },
            {
              label: '财务核对',
              value: reconciled ? `${text(reconciled.byName)} ${fmtDateTime(reconciled.at)}` : undefined,
            },
          ]}
        />
      </PrintPage>
    );
  },
});
