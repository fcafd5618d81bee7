import { atShanghai } from '../../src/domain/calendar';
import { changeTexts, lineChanges } from '../../src/domain/changes';
import { BOM, countCsvRecords, csvCell, csvLine, neutralise, parseCsv } from '../../src/domain/csv';
import { isOverdue, runningDeadline } from '../../src/domain/deadline';
import { column, defaultWidth, listColumns, SYSTEM_FIELDS, type DocRecord } from '../../src/domain/definition';
import { DEFINITIONS } from '../../src/domain/documents';
import { orderPriority, orders, WORK_ORDER_STATUSES } from '../../src/domain/documents/orders';
import { exportColumns, exportRows, linesFieldOf, referencedIds } from '../../src/domain/exportSheet';
import { inboxColumnField, inboxColumns, lastRejection } from '../../src/domain/inbox';
import { figureText, valueText } from '../../src/domain/present';
import { bulkActions, isListStep, listActions, returnedStates } from '../../src/domain/workflow';
import { getDefinition } from '../../src/domain/documents';

/** Issue 18: the list format, list steps, deadlines, formats, change sentences and exports — all from the definitions. */

describe('list columns in the definitions', () => {
  it('every column names a field (or a system field) and has a width and a priority; every list shows something at 1280', () => {
    for (const def of Object.values(DEFINITIONS)) {
      const cols = listColumns(def);
      for (const c of cols) {
        expect(
          Object.hasOwn(def.fields, c.field) || (SYSTEM_FIELDS as readonly string[]).includes(c.field),
          `${def.resource}.${c.field}`,
        ).toBe(true);
        expect([1, 2, 3]).toContain(c.priority);
      }
      expect(cols.filter((c) => c.priority === 1).length, def.resource).toBeGreaterThanOrEqual(3);
      expect(new Set(cols.map((c) => c.field)).size, `${def.resource}: a column twice`).toBe(cols.length);
    }
  });

  it('a bare field name still reads (priority 1, width from its type)', () => {
    const def = {
      ...orders,
      list: ['code', 'customerName', 'total', 'receivedAt', 'status', column('needsGmApproval', 'flag', 2)],
    };
    expect(listColumns(def)).toEqual([
      { field: 'code', width: 'code', priority: 1 },
      { field: 'customerName', width: 'text', priority: 1 },
      { field: 'total', width: 'money', priority: 1 },
      { field: 'receivedAt', width: 'datetime', priority: 1 },
      { field: 'status', width: 'status', priority: 1 },
      { field: 'needsGmApproval', width: 'flag', priority: 2 },
    ]);
    expect(defaultWidth(DEFINITIONS.settings, 'discountMinMarginPercent')).toBe('number');
  });

  it('the orders list flags the orders that need the branch GM (5.10.4)', () => {
    expect(listColumns(orders).find((c) => c.field === 'needsGmApproval')).toEqual({
      field: 'needsGmApproval',
      width: 'flag',
      priority: 1,
    });
  });
});

describe('steps from the grid', () => {
  it('the steps of a working day are marked for lists: pick, ship, deliver, close, pay, issue, sign…', () => {
    const marked = (resource: string) => listActions(DEFINITIONS[resource].workflow);
    expect(marked('orders')).toEqual(
      expect.arrayContaining(['confirm', 'approve', 'reject', 'pick', 'ship', 'deliver', 'close']),
    );
    expect(marked('orders')).not.toContain('cancel');
    expect(marked('gifts')).toEqual(expect.arrayContaining(['issue', 'sign']));
    expect(marked('discounts')).toEqual(expect.arrayContaining(['pay', 'confirmPaidInFull']));
    expect(marked('returns')).toEqual(expect.arrayContaining(['print', 'collect', 'inspect', 'finalize']));
    expect(marked('urgentDeliveries')).toEqual(['schedule', 'dispatch', 'deliver']);
  });

  it('bulk reject wherever bulk approve: the same role, the same state', () => {
    for (const def of Object.values(DEFINITIONS)) {
      for (const t of def.workflow?.transitions ?? []) {
        if (!t.bulk || t.decision !== 'approve') continue;
        const rejects = def.workflow!.transitions.filter(
          (r) =>
            r.decision === 'reject' &&
            r.from.some((s) => t.from.includes(s)) &&
            r.roles.some((role) => t.roles.includes(role)),
        );
        for (const r of rejects)
          expect(r.bulk, `${def.resource} ${r.action} from ${r.from.join()} (bulk ${t.action})`).toBe(true);
      }
    }
  });

  it('every bulk step is a list step; finance closes orders in bulk', () => {
    for (const def of Object.values(DEFINITIONS))
      for (const t of def.workflow?.transitions ?? [])
        if (t.bulk) expect(isListStep(t), `${def.resource}.${t.action}`).toBe(true);
    expect(bulkActions(orders.workflow)).toEqual(['approve', 'reject', 'pick', 'ship', 'deliver', 'close']);
  });
});

describe('the running deadline', () => {
  const now = atShanghai('2026-07-01', '12:00');
  it('none on a final document, a returned one, or a delivered order (its promise is met)', () => {
    const base = { promisedDeliveryAt: '2026-06-30T09:00:00.000Z', confirmDeadline: '2026-06-30T02:10:00.000Z' };
    expect(runningDeadline(orders, { ...base, status: 'approved' })).toEqual({
      field: 'promisedDeliveryAt',
      at: base.promisedDeliveryAt,
      clock: 'calendar',
    });
    expect(runningDeadline(orders, { ...base, status: 'pendingConfirmation' })).toEqual({
      field: 'confirmDeadline',
      at: base.confirmDeadline,
      clock: 'working',
    });
    for (const status of ['closed', 'cancelled', 'rejected', 'delivered'])
      expect(runningDeadline(orders, { ...base, status }), status).toBeNull();
    expect(isOverdue(orders, { ...base, status: 'approved' }, now)).toBe(true);
    expect(isOverdue(orders, { ...base, status: 'rejected' }, now)).toBe(false);
  });

  it('returned states are those only a rejection leads to', () => {
    expect([...returnedStates(orders.workflow)]).toEqual(['rejected']);
    expect(returnedStates(DEFINITIONS.discounts.workflow).has('paidInFull')).toBe(false);
  });

  it('a date deadline runs to the end of that Shanghai day; complaints count working time (6.10.5)', () => {
    expect(runningDeadline(DEFINITIONS.quotes, { status: 'sent', validUntil: '2026-07-01' })?.at).toBe(
      atShanghai('2026-07-02', '00:00').toISOString(),
    );
    expect(
      runningDeadline(DEFINITIONS.complaints, { status: 'received', replyDeadline: '2026-07-01T04:00:00.000Z' })?.clock,
    ).toBe('working');
    // a discount in a state "timed" from its creation has no deadline to meet
    expect(
      runningDeadline(DEFINITIONS.discounts, { status: 'approved', createdAt: '2026-06-01T00:00:00.000Z' }),
    ).toBeNull();
  });
});

describe('formats from the field type', () => {
  it('% for percentages, km for distances, ¥ for money, counts with separators', () => {
    expect(figureText(DEFINITIONS.settings.fields.discountMinMarginPercent, 10)).toBe('10%');
    expect(figureText(DEFINITIONS.settings.fields.quoteMarginMin, 12.5)).toBe('12.5%');
    expect(figureText(DEFINITIONS.customers.fields.distanceKm, 11)).toBe('11 km');
    expect(figureText(DEFINITIONS.settings.fields.dailyValueTarget, 8000)).toBe('¥8,000.00');
    expect(figureText(DEFINITIONS.products.fields.stock, 12345)).toBe('12,345');
  });

  it('the audit log names resources and actions, never their keys', () => {
    const log = DEFINITIONS.auditLog;
    expect(valueText(log, 'resource', 'orders', { locale: 'zh' })).toBe('销售订单');
    expect(valueText(log, 'action', 'approve', { locale: 'zh', record: { resource: 'orders' } })).toBe('审核通过');
    expect(valueText(log, 'action', 'update', { locale: 'en', record: { resource: 'orders' } })).toBe('Edited');
    expect(valueText(log, 'action', 'effect', { locale: 'zh', record: { resource: 'customers' } })).toBe(
      '随单据步骤更新',
    );
    expect(valueText(log, 'action', 'create from quotes', { locale: 'zh', record: { resource: 'orders' } })).toBe(
      '新建（由销售报价单生成）',
    );
    expect(valueText(orders, 'status', 'submitted', { locale: 'zh' })).toBe('待审核');
    expect(valueText(orders, 'paymentMethod', 'credit', { locale: 'en' })).toBe('On account');
  });
});

describe('change history in the UI language', () => {
  const lf = orders.fields.lines.lineFields!;
  const before = [
    { productId: 1, qty: 1, unitPrice: 10, productName: 'A4复印纸', amount: 10 },
    { productId: 2, qty: 3, unitPrice: 100, productName: '订书机', amount: 300 },
  ];
  const after = [
    before[0],
    { ...before[1], qty: 5, amount: 500 },
    { productId: 3, qty: 2, unitPrice: 1, productName: '回形针', amount: 2 },
  ];

  it('line by line: the changed fields, the added and removed lines', () => {
    expect(lineChanges(lf, before, after)).toEqual([
      {
        line: 2,
        kind: 'changed',
        fields: [
          ['qty', 3, 5],
          ['amount', 300, 500],
        ],
      },
      { line: 3, kind: 'added', value: after[2] },
    ]);
    expect(lineChanges(lf, after, before.slice(0, 1)).map((c) => [c.line, c.kind])).toEqual([
      [2, 'removed'],
      [3, 'removed'],
    ]);
  });

  it('"第2行 数量 3 → 5", statuses by name, the reason, in zh and en', () => {
    const changes = {
      lines: [before, after],
      status: ['draft', 'submitted'],
      paymentMethod: ['cash', 'credit'],
      priority: [0, 1],
      comment: '客户改数量',
    };
    expect(changeTexts(orders, 'update', changes, { locale: 'zh' })).toEqual([
      '订单明细 第2行 数量 3 → 5，金额 ¥300.00 → ¥500.00',
      '订单明细 第3行 新增：回形针 × 2',
      '状态：草稿 → 待审核',
      '结算方式：现金付款 → 付款帐期',
      '意见：客户改数量',
    ]);
    expect(changeTexts(orders, 'update', { lines: [before, after] }, { locale: 'en' })[0]).toBe(
      'Lines Line 2 Qty 3 → 5, Amount ¥300.00 → ¥500.00',
    );
    expect(changeTexts(orders, 'create', { total: 1 }, { locale: 'zh' })).toEqual([]);
    expect(changeTexts(orders, 'create', { total: 1, note: '' }, { locale: 'zh', showCreated: true })).toEqual([
      '合计：¥1.00',
    ]);
    expect(
      changeTexts(orders, 'print', { form: 'deliveryNote' }, { locale: 'zh', formName: () => '销售送货单' }),
    ).toEqual(['销售送货单']);
    // a stock move another document's step made: which document, by its number
    expect(
      changeTexts(
        DEFINITIONS.products,
        'stock',
        { stock: [10, 7], by: 'returns#4', code: 'RT-20261127-0001' },
        { locale: 'zh' },
      ),
    ).toEqual(['库存：10 → 7', '来源：退换货单 RT-20261127-0001']);
    // references by name when the names are known
    expect(
      changeTexts(
        orders,
        'update',
        { customerId: [1, 2] },
        { locale: 'zh', refName: (r, id) => (r === 'customers' ? `客户${id}` : undefined) },
      ),
    ).toEqual(['客户：客户1 → 客户2']);
  });
});

describe('CSV for Excel', () => {
  it('neutralises what Excel would run as a formula, numbers stay numbers', () => {
    for (const s of ['=HYPERLINK("http://x","点我")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutralise(s).startsWith("'"), s).toBe(true);
    expect(neutralise('深圳市=福田')).toBe('深圳市=福田');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvLine(['x', 1, null])).toBe('x,1,\r\n');
  });

  it('counts and reads back its records', () => {
    const text = BOM + csvLine(['订单号', '备注']) + csvLine(['SO-1', '两行\n备注']) + csvLine(['SO-2', '']);
    expect(countCsvRecords(text)).toBe(2);
    expect(parseCsv(text)).toEqual([
      ['订单号', '备注'],
      ['SO-1', '两行\n备注'],
      ['SO-2', ''],
    ]);
  });
});

describe('the export sheet from the definition', () => {
  const order: DocRecord = {
    id: 7,
    code: 'SO-20261127-0007',
    status: 'submitted',
    customerId: 3,
    customerName: '=HYPERLINK("x")',
    channel: 'phone',
    paymentMethod: 'credit',
    total: 1234.5,
    priority: 1,
    assistantId: 5,
    receivedAt: '2026-11-27T01:30:00.000Z',
    createdAt: '2026-11-27T01:30:00.000Z',
    createdBy: 5,
    updatedAt: '2026-11-27T02:00:00.000Z',
    lines: [{ productId: 9, qty: 2, unitPrice: 10, productName: '订书机', sku: 'ST-1', amount: 20 }],
  };
  const names = (resource: string, id: number) =>
    (
      ({ customers: { 3: '000003 某某文具店' }, users: { 5: '陈晓婷' }, products: { 9: 'ST-1 订书机' } }) as Record<
        string,
        Record<number, string>
      >
    )[resource]?.[id];

  it('one row per document: label headers, labels for statuses and choices, references by name, Shanghai times, figures as numbers', () => {
    const cols = exportColumns(orders, { kind: 'documents' }, 'zh');
    const headers = cols.map((c) => c.header);
    expect(headers.slice(0, 3)).toEqual(['订单号', '状态', '客户']);
    expect(headers).not.toContain('订单明细');
    expect(headers).not.toContain('优先级'); // a sort key, not for people
    const row = Object.fromEntries(
      cols.map((c) => [c.header, c.cell({ record: order }, { locale: 'zh', refName: names })]),
    );
    expect(row).toMatchObject({
      订单号: 'SO-20261127-0007',
      状态: '待审核',
      客户: '000003 某某文具店',
      渠道: '电话',
      结算方式: '付款帐期',
      合计: 1234.5,
      客户助理: '陈晓婷',
      接单时间: '2026-11-27 09:30',
      创建人: '陈晓婷',
    });
    expect(csvLine([row['客户名称']])).toBe(`"'=HYPERLINK(""x"")"\r\n`);
    expect(
      exportColumns(orders, { kind: 'documents' }, 'en')
        .slice(0, 2)
        .map((c) => c.header),
    ).toEqual(['Order no.', 'Status']);
  });

  it('the 明细 export: one row per line, with the document number', () => {
    expect(linesFieldOf(orders)).toBe('lines');
    expect(linesFieldOf(DEFINITIONS.customers)).toBeNull();
    const mode = { kind: 'lines', field: 'lines' } as const;
    const rows = exportRows([order, { ...order, id: 8, lines: [] }], mode);
    expect(rows).toHaveLength(1);
    const cols = exportColumns(orders, mode, 'zh');
    expect(cols.map((c) => c.header).slice(0, 4)).toEqual(['订单号', '客户名称', '行号', '商品']);
    expect(cols.map((c) => c.cell(rows[0], { locale: 'zh', refName: names }))).toEqual([
      'SO-20261127-0007',
      `=HYPERLINK("x")`,
      1,
      'ST-1 订书机',
      2,
      10,
      '订书机',
      'ST-1',
      20,
      null,
    ]);
    expect([...referencedIds(orders, rows, mode)].map(([r, ids]) => [r, [...ids]])).toEqual([['products', [9]]]);
  });
});

describe('inbox columns', () => {
  it('per type and role: the driver gets address and route, work logs whose they are', () => {
    expect(inboxColumns(orders, 'csManager')).toEqual(['customerName', 'total', 'promisedDeliveryAt']);
    expect(inboxColumns(orders, 'driver')).toEqual(['customerName', 'deliveryAddress', 'customerId.route']);
    expect(inboxColumnField(orders, 'customerId.route', getDefinition)).toMatchObject({
      field: 'route',
      def: { resource: 'customers' },
    });
    expect(inboxColumns(DEFINITIONS.workLogs, 'teamLead')[0]).toBe('assistantId');
    expect(inboxColumns(DEFINITIONS.complaints, 'assistant')).toEqual(['customerName']);
  });

  it('a returned document says why', () => {
    expect(
      lastRejection({ approvals: [{ decision: 'reject', comment: '单价不对', byName: '李建国', at: 'x' }] }),
    ).toEqual({ reason: '单价不对', by: '李建国', at: 'x' });
    expect(lastRejection({ approvals: [{ decision: 'reject' }, { decision: 'other' }] })).toBeNull();
  });
});

describe("today's work first", () => {
  it('open key-account orders first; a closed or cancelled one drops back with the rest', () => {
    expect(orderPriority(true, 'submitted')).toBe(1);
    expect(orderPriority(true, undefined)).toBe(1);
    expect(orderPriority(true, 'closed')).toBe(0);
    expect(orderPriority(true, 'cancelled')).toBe(0);
    expect(orderPriority(false, 'submitted')).toBe(0);
    expect(orders.defaultSort).toEqual({ field: 'priority', order: 'DESC' });
  });

  it('reports count work: submitted and later, not drafts, not cancelled', () => {
    expect(WORK_ORDER_STATUSES).toEqual([
      'submitted',
      'gmApproval',
      'approved',
      'picked',
      'invoiced',
      'shipped',
      'delivered',
      'closed',
    ]);
  });
});
