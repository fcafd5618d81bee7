// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import type { DocRecord } from '../../src/domain/definition';
import { DEFINITIONS } from '../../src/domain/documents';
import { isRole } from '../../src/domain/roles';
import { ALL_FORMS, getForm, PRINT_FORMS } from '../../src/print/forms';
import { WatermarkContext } from '../../src/print/parts';
import type { PrintData, PrintForm } from '../../src/print/types';

/**
 * Every printed form (issue 4) rendered with a realistic record and its references: the document
 * code, the customer, the total in capitals (大写), the marks and stamp areas of the company's paper,
 * and user text coming out as text, never as markup.
 */

const XSS = '<script>alert("x")</script>';
const PRINTED_AT = new Date('2026-11-27T06:30:00Z'); // 14:30 Shanghai
const PRINTED_BY = '周订单';

const customer7: DocRecord = {
  id: 7,
  code: 'C0007',
  name: '上海星辰文具有限公司',
  contact: '陈经理',
  phone: '021-5888 1234',
  fax: '021-5888 1235',
  address: '上海市浦东新区张杨路 1200 号 8 楼',
  route: 'A线',
  districtOffice: '浦东办事处',
  distanceKm: 8.5,
};
const products: Record<number, DocRecord> = {
  11: {
    id: 11,
    sku: 'BP-0511',
    name: '中性笔 0.5mm 黑',
    brand: '晨光',
    spec: '12支/盒',
    unit: '盒',
    cost: 9.8,
    catalogPrice: 12.5,
    stock: 500,
  },
  12: {
    id: 12,
    sku: 'PA-A4-70',
    name: 'A4 复印纸 70g',
    brand: '得力',
    spec: '500张/包',
    unit: '包',
    cost: 20,
    catalogPrice: 25,
    stock: 1,
  },
  13: {
    id: 13,
    sku: 'TN-388A',
    name: '硒鼓 388A',
    brand: '惠普',
    model: 'CC388A',
    unit: '个',
    cost: 80,
    catalogPrice: 120,
    stock: 10,
  },
};
const users: Record<number, DocRecord> = {
  3: { id: 3, fullName: '李报价' },
  4: { id: 4, fullName: '王助理' },
  5: { id: 5, fullName: '周订单' },
  6: { id: 6, fullName: '郑代表' },
};
const order15: DocRecord = {
  id: 15,
  code: 'SO-20261120-0015',
  status: 'delivered',
  customerId: 7,
  customerName: '上海星辰文具有限公司',
  paymentMethod: 'credit',
  receivedAt: '2026-11-20T01:15:00Z',
  promisedDeliveryAt: '2026-11-20T09:00:00Z',
  deliveredAt: '2026-11-20T08:10:00Z',
  lines: [
    { productId: 11, sku: 'BP-0511', productName: '中性笔 0.5mm 黑', qty: 10, unitPrice: 12.5, amount: 125 },
    { productId: 12, sku: 'PA-A4-70', productName: 'A4 复印纸 70g', qty: 2, unitPrice: 25, amount: 50 },
  ],
  subtotal: 175,
  deliveryFee: 0,
  total: 175,
};
const refs: PrintData['refs'] = { customers: { 7: customer7 }, products, users, orders: { 15: order15 } };

const step = (
  s: string,
  action: string,
  role: string,
  byName: string,
  at: string,
  decision: 'approve' | 'reject' | 'other',
  comment?: string,
) => ({
  step: s,
  action,
  role,
  by: 1,
  byName,
  at,
  decision,
  ...(comment ? { comment } : {}),
});

interface Case {
  record: DocRecord;
  /** texts the printout must carry */
  expects: string[];
  /** the field of user text a hostile user could fill */
  hostile: string;
  printedAt?: Date;
}

/** one realistic record per form id; a new form without a case fails the first test */
const CASES: Record<string, Case[]> = {
  deliveryNote: [
    {
      record: { ...order15, id: 15, note: '请送到 8 楼前台' },
      expects: [
        'SO-20261120-0015',
        '上海星辰文具有限公司',
        '付款帐期',
        '壹佰柒拾伍元整',
        '送货专用章',
        '白联：仓库留存',
        '12 件',
      ],
      hostile: 'note',
    },
    {
      record: {
        ...order15,
        id: 16,
        code: 'SO-20261121-0002',
        paymentMethod: 'cash',
        lines: [{ productId: 13, qty: 1, unitPrice: 88.8, amount: 88.8 }],
        subtotal: 88.8,
        deliveryFee: 10,
        total: 98.8,
      },
      expects: ['SO-20261121-0002', '现金付款', '玖拾捌元捌角', '¥10.00'],
      hostile: 'customerName',
    },
  ],
  // 6.2.5 the warehouse's list of an approved order: stock on hand, the short line flagged (5.6.4)
  pickingList: [
    {
      record: { ...order15, id: 17, code: 'SO-20261127-0031', status: 'approved' },
      expects: [
        '拣货单',
        'SO-20261127-0031',
        '上海星辰文具有限公司',
        'A线',
        '有 1 行缺货，不能拣配',
        '请购单 (6.5)',
        '调拨 (6.13)',
        '缺 1',
        '仓管员（拣货）（签名）',
      ],
      hostile: 'customerName',
    },
  ],
  quote: [
    {
      record: {
        id: 21,
        code: 'QT-20261120-0003',
        status: 'sent',
        customerId: 7,
        customerCode: 'C0007',
        customerName: '上海星辰文具有限公司',
        validUntil: '2026-12-31',
        inquiryAt: '2026-11-20T01:00:00Z',
        repliedAt: '2026-11-20T03:00:00Z',
        quotedBy: 3,
        lines: [
          {
            productId: 11,
            qty: 100,
            unitPrice: 12.3,
            amount: 1230,
            productName: '中性笔 0.5mm 黑',
            sku: 'BP-0511',
            cost: 9.8,
            margin: 20.33,
          },
        ],
        total: 1230,
        costTotal: 980,
        margin: 20.33,
      },
      expects: [
        'QT-20261120-0003',
        '上海星辰文具有限公司',
        '本报价有效期至 2026-12-31',
        '壹仟贰佰叁拾元整',
        '¥1,230.00',
        '部门印章',
        '宝亿',
        '李报价',
        '客户回复',
      ],
      hostile: 'note',
    },
  ],
  draftReturnNote: [
    {
      record: {
        id: 31,
        code: 'RT-20261125-0002',
        status: 'approved',
        orderId: 15,
        orderCode: 'SO-20261120-0015',
        customerId: 7,
        customerName: '上海星辰文具有限公司',
        kind: 'return',
        reasonType: 'qualityDefect',
        reason: '笔芯漏墨，整盒无法使用',
        invoiceDate: '2026-11-20',
        assistantId: 4,
        lines: [{ productId: 11, qty: 2, productName: '中性笔 0.5mm 黑', sku: 'BP-0511', unitPrice: 12.5, amount: 25 }],
        total: 25,
      },
      expects: [
        '草稿退货单',
        'RT-20261125-0002',
        'SO-20261120-0015',
        '上海星辰文具有限公司',
        '笔芯漏墨',
        '质量问题',
        '贰拾伍元整',
        '送货员（初检）',
        '仓管员（复检）',
        '客户（签名）',
        '草稿',
      ],
      hostile: 'reason',
    },
  ],
  salesReturnNote: [
    {
      record: {
        id: 32,
        code: 'RT-20261125-0003',
        status: 'closed',
        orderId: 15,
        orderCode: 'SO-20261120-0015',
        customerId: 7,
        customerName: '上海星辰文具有限公司',
        kind: 'return',
        reasonType: 'wrongGoods',
        reason: '错发规格',
        customerSigned: true,
        inspectedAt: '2026-11-26T03:00:00Z',
        lines: [{ productId: 12, qty: 4, productName: 'A4 复印纸 70g', sku: 'PA-A4-70', unitPrice: 25, amount: 100 }],
        total: 100,
        approvals: [
          step('printed', 'collect', 'driver', '赵司机', '2026-11-25T07:00:00Z', 'other'),
          step('collected', 'inspect', 'warehouse', '钱仓管', '2026-11-26T03:00:00Z', 'other'),
        ],
      },
      expects: [
        '销售退货单',
        'RT-20261125-0003',
        'SO-20261120-0015',
        '上海星辰文具有限公司',
        '错发/错订',
        '壹佰元整',
        '赵司机',
        '钱仓管',
        '已签名',
      ],
      hostile: 'customerName',
    },
  ],
  loanTransferNote: [
    {
      record: {
        id: 41,
        code: 'SL-20261124-0001',
        status: 'out',
        customerId: 7,
        customerName: '上海星辰文具有限公司',
        assistantId: 4,
        loanDays: 3,
        lentAt: '2026-11-24T02:00:00Z',
        dueAt: '2026-11-27T02:00:00Z',
        purpose: '客户试用评估新款硒鼓',
        lines: [{ productId: 13, qty: 3, productName: '硒鼓 388A', sku: 'TN-388A', unitPrice: 120, amount: 360 }],
        value: 360,
        approvals: [step('applied', 'lend', 'orderDesk', '周订单', '2026-11-24T02:00:00Z', 'other')],
      },
      expects: [
        '借样转储单',
        'SL-20261124-0001',
        '上海星辰文具有限公司',
        '样品不得使用，3天内归还，最长不超过7天',
        '叁佰陆拾元整',
        '2026-11-27 10:00',
        '客户签收',
        '王助理',
      ],
      hostile: 'purpose',
    },
  ],
  giftOutboundNote: [
    {
      record: {
        id: 51,
        code: 'GF-20260920-0004',
        status: 'issued',
        customerId: 7,
        customerCode: 'C0007',
        customerName: '上海星辰文具有限公司',
        districtOffice: '浦东办事处',
        festival: '中秋节',
        assistantId: 4,
        items: [{ productId: 12, name: 'A4 复印纸 70g', qty: 12, unitPrice: 25, amount: 300 }],
        total: 300,
        outboundNoteNo: 'CK-GF-20260920-0004',
        outboundMarking: '赠送品',
        issuedAt: '2026-09-22T02:00:00Z',
        approvals: [
          step('csReview', 'approve', 'csManager', '孙经理', '2026-09-20T06:00:00Z', 'approve'),
          step('gmApproval', 'approve', 'branchGM', '吴总', '2026-09-21T01:00:00Z', 'approve', '节日维护，同意'),
        ],
      },
      expects: [
        '其他出库单',
        '赠送品',
        'GF-20260920-0004',
        'CK-GF-20260920-0004',
        '上海星辰文具有限公司',
        '浦东办事处',
        '叁佰元整',
        '客户签收',
        '吴总',
        '节日维护，同意',
        '分公司总经理',
      ],
      hostile: 'customerName',
    },
  ],
  urgentDeliveryMemo: [
    {
      record: {
        id: 61,
        code: 'UD-20261127-0001',
        status: 'scheduled',
        customerId: 7,
        customerName: '上海星辰文具有限公司',
        orderId: 15,
        orderCode: 'SO-20261120-0015',
        slot: 'noon',
        distanceKm: 8.5,
        requestedAt: '2026-11-27T01:30:00Z',
        departureAt: '2026-11-27T04:00:00Z',
        latestArrival: '2026-11-27T06:00:00Z',
        receivingDept: '行政部',
        receiver: '陈经理',
        receiverPhone: '138 0000 1111',
        invoiceInfo: '随货开增值税普通发票',
        assistantId: 4,
      },
      expects: [
        '急件送货联络函',
        'UD-20261127-0001',
        '上海星辰文具有限公司',
        '8.5 公里',
        '12:00 车次',
        'SO-20261120-0015',
        '12:00、15:30',
        '20公里',
        '中性笔 0.5mm 黑',
        '行政部',
      ],
      hostile: 'invoiceInfo',
    },
  ],
  discountApproval: [
    {
      record: {
        id: 71,
        code: 'DSC-20261108-0002',
        status: 'approved',
        customerId: 7,
        customerCode: 'C0007',
        customerName: '上海星辰文具有限公司',
        orderId: 15,
        assistantId: 4,
        lines: [{ productId: 12, qty: 400, unitPrice: 25, name: 'A4 复印纸 70g', amount: 10000 }],
        discountAmount: 500,
        total: 500,
        salesTotal: 10000,
        costTotal: 7500,
        discountRate: '5.00%',
        marginAfterDiscount: '21.05%',
        marginOk: true,
        payoutMethod: 'bankTransfer',
        reason: '年度大批量采购',
        tradeSummary: '近一年月均订货 2 万元，回款及时',
        approvals: [
          step('csReview', 'approve', 'csManager', '孙经理', '2026-11-08T06:00:00Z', 'approve'),
          step('gmApproval', 'approve', 'branchGM', '吴总', '2026-11-09T06:00:00Z', 'approve'),
        ],
      },
      expects: [
        '特殊折扣审批表',
        'DSC-20261108-0002',
        '上海星辰文具有限公司',
        'SO-20261120-0015',
        '伍佰元整',
        '21.05%',
        '25.00%',
        '5.00%',
        '7日–10日、25日–27日',
        '银行转账',
        '吴总',
        '¥10,000.00',
      ],
      hostile: 'reason',
    },
  ],
  scrapApplication: [
    {
      record: {
        id: 81,
        code: 'SCR-20261110-0001',
        status: 'csReview',
        kind: 'scrap',
        cause: '仓库漏水，三个硒鼓外包装及内部受潮，经检测无法使用',
        assistantId: 4,
        lines: [{ productId: 13, qty: 3, name: '硒鼓 388A', unitPrice: 80, amount: 240 }],
        total: 240,
        needsFinanceDirector: false,
        approvals: [],
      },
      expects: [
        '报损报废申请单',
        'SCR-20261110-0001',
        '报废',
        '仓库漏水',
        '贰佰肆拾元整',
        '成本合计',
        '¥80.00',
        '尚无审批记录',
        '王助理',
      ],
      hostile: 'cause',
    },
  ],
  creditEvaluation: [
    {
      record: {
        id: 91,
        code: 'CRA-20261101-0001',
        status: 'approved',
        customerId: 7,
        customerCode: 'C0007',
        customerName: '上海星辰文具有限公司',
        kind: 'new',
        salesRepId: 6,
        legalRepresentative: '陈某',
        businessLicenseNo: '91310115MA1K000000',
        bankName: '招商银行上海分行',
        bankAccount: '1219 0000 0000 0001',
        businessCondition: '经营稳定，员工 120 人',
        paymentHistory: '过去一年无逾期',
        evaluation: '建议给予 3 万元额度',
        requestedLimit: 50000,
        approvedLimit: 30000,
        paymentTermDays: 30,
        firstTradeAt: '2025-09-01T02:00:00Z',
        monthsTrading: 14,
        overdue: false,
        ordersLast3Months: 24601.5,
        avgMonthlyOrders: 8200.5,
        eligible: true,
        eligibilityCheckedAt: '2026-11-05T02:00:00Z',
        reviewDueAt: '2027-05-05',
        approvals: [
          step('supervisorReview', 'approve', 'officeSupervisor', '冯主管', '2026-11-02T02:00:00Z', 'approve'),
          step('salesManagerReview', 'approve', 'salesManager', '陈经理', '2026-11-03T02:00:00Z', 'approve'),
          step('financeReview', 'approve', 'finance', '孙财务', '2026-11-04T02:00:00Z', 'approve', '回款记录良好'),
          step('gmApproval', 'approve', 'branchGM', '吴总', '2026-11-05T02:00:00Z', 'approve', '核减至3万'),
        ],
      },
      expects: [
        '信用评估表',
        'CRA-20261101-0001',
        '上海星辰文具有限公司',
        '14 个月',
        '¥8,200.50',
        '无逾期货款',
        '符合赊销条件',
        '¥50,000.00',
        '¥30,000.00',
        '叁万元整',
        '冯主管',
        '核减至3万',
        '郑代表',
        '2027-05-05',
      ],
      hostile: 'evaluation',
    },
  ],
  handwrittenReconciliation: [
    {
      record: {
        id: 101,
        code: 'HN-20261120-0001',
        status: 'reconciled',
        orderId: 15,
        orderCode: 'SO-20261120-0015',
        customerId: 7,
        customerName: '上海星辰文具有限公司',
        orderTotal: 175,
        reason: 'systemDown',
        reasonText: '下午系统停机两小时，客户急需',
        noteNo: 'SX-0042',
        printedNoteNo: 'SO-20261120-0015',
        writtenBy: 5,
        writtenAt: '2026-11-20T05:00:00Z',
        signedAt: '2026-11-20T08:10:00Z',
        reconciledAt: '2026-11-24T02:00:00Z',
        approvals: [step('signed', 'reconcile', 'finance', '孙财务', '2026-11-24T02:00:00Z', 'other')],
      },
      expects: [
        '手写送货单核对表',
        'HN-20261120-0001',
        'SX-0042',
        'SO-20261120-0015',
        '上海星辰文具有限公司',
        '壹佰柒拾伍元整',
        '孙财务',
        '2026-11-24 10:00',
        '电脑故障',
        '周订单',
      ],
      hostile: 'reasonText',
    },
  ],
};

const dataOf = (record: DocRecord, printedAt = PRINTED_AT): PrintData => ({
  record,
  refs,
  printedBy: PRINTED_BY,
  printedAt,
});

function renderForm(form: PrintForm, data: PrintData) {
  const { container } = render(<div className="bp-sheet">{form.render(data)}</div>);
  return container;
}

afterEach(cleanup);

describe('print forms registry', () => {
  it('has unique form ids, made of letters (recorded in prints and the audit log)', () => {
    const ids = ALL_FORMS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(PRINT_FORMS).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect(id).toMatch(/^[a-zA-Z]{1,40}$/);
      expect(getForm(id)?.id).toBe(id);
    }
    expect(getForm('__proto__')).toBeUndefined();
  });

  it.each(ALL_FORMS.map((f) => [f.id, f] as const))(
    '%s: prints a defined resource, references defined resources, printers are roles',
    (_id, form) => {
      expect(DEFINITIONS[form.resource]).toBeDefined();
      expect(form.title.zh).toBeTruthy();
      expect(form.title.en).toBeTruthy();
      expect(form.clause).toMatch(/^\d+(\.\d+)+$/);
      for (const role of form.printers ?? []) expect(isRole(role)).toBe(true);
      for (const c of CASES[form.id] ?? []) {
        for (const resource of Object.keys(form.refs?.(c.record) ?? {}))
          expect(DEFINITIONS[resource], `${form.id} refs ${resource}`).toBeDefined();
      }
    },
  );

  it('every registered form has a test case', () => {
    expect(Object.keys(CASES).sort()).toEqual(ALL_FORMS.map((f) => f.id).sort());
  });

  it('printers: the order desk prints delivery notes, formal return notes, loan notes and urgent memos; the warehouse gift notes; finance the reconciliation sheets', () => {
    expect(PRINT_FORMS.deliveryNote.printers).toEqual(['orderDesk']);
    expect(PRINT_FORMS.salesReturnNote.printers).toEqual(['orderDesk']);
    expect(PRINT_FORMS.loanTransferNote.printers).toEqual(['orderDesk']);
    expect(PRINT_FORMS.urgentDeliveryMemo.printers).toEqual(['orderDesk']);
    expect(PRINT_FORMS.giftOutboundNote.printers).toEqual(['warehouse']);
    expect(PRINT_FORMS.handwrittenReconciliation.printers).toEqual(['finance']);
    expect(PRINT_FORMS.quote.printers ?? []).toEqual([]);
  });
});

describe('each form prints its key text', () => {
  const all = ALL_FORMS.flatMap((f) => (CASES[f.id] ?? []).map((c, i) => [`${f.id} #${i + 1}`, f, c] as const));

  it.each(all)('%s', (_name, form, c) => {
    const el = renderForm(form, dataOf(c.record, c.printedAt));
    const txt = el.textContent ?? '';
    for (const e of c.expects) expect(txt, `${form.id} should print "${e}"`).toContain(e);
    // every form carries the company, its title, the document code, who printed it and when
    expect(txt).toContain('宝亿办公用品商贸公司');
    expect(el.querySelector('h1')?.textContent).toBe(form.title.zh.replace(/（.*）$/, ''));
    expect(el.querySelector('.bp-code')?.textContent).toBe(String(c.record.code));
    expect(el.querySelector('.bp-foot')?.textContent).toContain(`打印：${PRINTED_BY} 2026-11-27 14:30`);
    // A4 page, amounts right-aligned
    expect(el.querySelectorAll('section.bp-page')).toHaveLength(1);
    for (const td of el.querySelectorAll('td')) {
      if (/^-?¥[\d,]+\.\d\d$/.test(td.textContent ?? ''))
        expect(td.classList.contains('bp-num'), `${form.id}: amount ${td.textContent} right-aligned`).toBe(true);
    }
  });

  it.each(all)('%s: user text is printed as text, never as markup', (_name, form, c) => {
    const el = renderForm(form, dataOf({ ...c.record, [c.hostile]: XSS }));
    expect(el.querySelector('script')).toBeNull();
    expect(el.innerHTML).not.toContain('<script');
    expect(el.textContent).toContain(XSS);
  });
});

describe('form details', () => {
  it('the quote shows its validity prominently and marks itself expired after the date (6.4.4)', () => {
    const c = CASES.quote[0];
    const el = renderForm(PRINT_FORMS.quote, dataOf(c.record));
    expect(el.querySelector('.bp-notice-prominent')?.textContent).toBe('本报价有效期至 2026-12-31');
    expect(el.querySelector('.bp-mark')).toBeNull();
    cleanup();
    const later = renderForm(PRINT_FORMS.quote, dataOf(c.record, new Date('2027-01-01T02:00:00Z')));
    expect(later.querySelector('.bp-mark')?.textContent).toBe('已过期');
    // cost and margin stay internal
    expect(later.textContent).not.toContain('9.80');
    expect(later.textContent).not.toContain('20.33');
  });

  it('the gift note is marked 赠送品 with the customer office and a customer signature line (6.12.3)', () => {
    const el = renderForm(PRINT_FORMS.giftOutboundNote, dataOf(CASES.giftOutboundNote[0].record));
    expect(el.querySelector('.bp-mark')?.textContent).toBe('赠送品');
    expect(el.textContent).toContain('客户归属办事处：浦东办事处');
    expect(el.textContent).toContain('客户签收人（正楷）');
    expect(el.textContent).toContain('客户签收（签名）');
  });

  it('the delivery note of an approved order (printed before picking, 6.2.4) flags a line the stock cannot serve (5.6.4)', () => {
    const el = renderForm(PRINT_FORMS.deliveryNote, dataOf({ ...order15, status: 'approved' }));
    expect(el.querySelector('.bp-notice-prominent')?.textContent).toContain(
      '第2行 A4 复印纸 70g（PA-A4-70）：订 2，库存 1，缺 1',
    );
    expect(el.querySelector('.bp-notice-prominent')?.textContent).toContain('(5.6.4)');
    expect([...el.querySelectorAll('.bp-short')].map((x) => x.textContent)).toEqual(['【缺货 1】']);
    cleanup();
    // once picked the goods have left the shelf: nothing is short any more
    const picked = renderForm(PRINT_FORMS.deliveryNote, dataOf({ ...order15, status: 'picked' }));
    expect(picked.querySelector('.bp-short')).toBeNull();
  });

  it('a copy that is not the company’s paper carries the mark the print view gives it on its page', () => {
    const { container } = render(
      <div className="bp-sheet">
        <WatermarkContext.Provider value="已退回">
          {PRINT_FORMS.quote.render(dataOf(CASES.quote[0].record))}
        </WatermarkContext.Provider>
      </div>,
    );
    expect(container.querySelector('.bp-page > .bp-watermark')?.textContent).toBe('已退回');
    cleanup();
    expect(renderForm(PRINT_FORMS.quote, dataOf(CASES.quote[0].record)).querySelector('.bp-watermark')).toBeNull();
  });

  it('stamp areas: 送货专用章 on the delivery note, 部门印章 on the quote', () => {
    const d = renderForm(PRINT_FORMS.deliveryNote, dataOf(CASES.deliveryNote[0].record));
    expect(d.querySelector('.bp-stamp')?.textContent).toBe('送货专用章');
    cleanup();
    const q = renderForm(PRINT_FORMS.quote, dataOf(CASES.quote[0].record));
    expect(q.querySelector('.bp-stamp')?.textContent).toBe('部门印章');
  });

  it('the formal return note is marked until the warehouse has inspected the goods (6.9.3)', () => {
    const rec = CASES.salesReturnNote[0].record;
    const done = renderForm(PRINT_FORMS.salesReturnNote, dataOf(rec));
    expect(done.querySelector('.bp-mark')).toBeNull();
    cleanup();
    const early = renderForm(PRINT_FORMS.salesReturnNote, dataOf({ ...rec, status: 'printed', approvals: [] }));
    expect(early.querySelector('.bp-mark')?.textContent).toBe('未验收');
  });

  it('approvals history names the step, the role and the decision', () => {
    const el = renderForm(PRINT_FORMS.creditEvaluation, dataOf(CASES.creditEvaluation[0].record));
    const rows = [...el.querySelectorAll('table.bp-approvals tbody tr')].map((tr) => tr.textContent ?? '');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('待办事处主管审核');
    expect(rows[0]).toContain('办事处主管');
    expect(rows[0]).toContain('同意（审核通过）');
    expect(rows[3]).toContain('分公司总经理');
    expect(rows[3]).toContain('核减至3万');
  });

  it('urgent memos print in van order (bulk)', () => {
    const base = CASES.urgentDeliveryMemo[0].record;
    const late = dataOf({ ...base, id: 62, code: 'UD-20261127-0002', departureAt: '2026-11-27T07:30:00Z' });
    const early = dataOf({ ...base, id: 63, code: 'UD-20261127-0003', departureAt: '2026-11-27T04:00:00Z' });
    const key = PRINT_FORMS.urgentDeliveryMemo.sortKey!;
    expect([late, early].sort((a, b) => key(a).localeCompare(key(b))).map((d) => d.record.code)).toEqual([
      'UD-20261127-0003',
      'UD-20261127-0002',
    ]);
  });

  it('a record without lines or references still prints (nothing crashes on missing data)', () => {
    for (const form of ALL_FORMS) {
      const el = renderForm(form, {
        record: { id: 1, code: 'X-1' },
        refs: {},
        printedBy: PRINTED_BY,
        printedAt: PRINTED_AT,
      });
      expect(el.querySelector('.bp-code')?.textContent).toBe('X-1');
      cleanup();
    }
  });
});
