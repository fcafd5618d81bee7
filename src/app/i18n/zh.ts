import type { TranslationMessages } from 'react-admin';
import { definitionMessages } from './definitionMessages';
import { raZh } from './raZh';

/** Our own UI texts (Simplified Chinese, the default). `en.ts` has exactly the same keys (tested). */
export const zhApp = {
  title: '寶億客服台',
  common: {
    none: '—',
    yes: '是',
    no: '否',
    assumption: '假设（原文缺失）',
  },
  dashboard: {
    title: '今日工作',
    greeting: '%{name}，您好',
    role: '角色：%{role}',
    today: '今天是 %{date}（%{workday}）',
    workday: '工作日',
    holiday: '休息日',
    hours: '工作时间 08:00–17:30 (6.1)',
    waiting: '等您处理的单据',
    nothingWaiting: '目前没有等您处理的单据',
  },
  menu: {
    sales: '销售',
    service: '客户服务',
    approvals: '审批',
    master: '基础资料',
    admin: '系统管理',
  },
  filter: {
    from: '%{field} 起',
    to: '%{field} 止',
    myOrders: '我的订单',
    search: '搜索',
  },
  workflow: {
    actions: '操作',
    reasonTitle: '%{action}：请填写原因',
    reason: '原因',
    reasonRequired: '请填写原因',
    submit: '确定',
    cancel: '取消',
    done: '%{action}：已完成',
    bulkDone: '%{action}：%{ok} 张成功',
    bulkSomeFailed: '%{action}：%{ok} 张成功，%{failed} 张失败 —— %{details}',
    notAllowed: '不能执行',
  },
  approvals: {
    title: '审批记录',
    step: '步骤',
    action: '操作',
    role: '角色',
    by: '审批人',
    at: '时间',
    decision: '结论',
    comment: '意见',
    empty: '暂无审批记录',
    decisions: { approve: '同意', reject: '退回', other: '处理' },
  },
  history: {
    title: '操作记录',
    empty: '暂无操作记录',
    changes: '变更内容',
    actions: { create: '新建', update: '修改' },
  },
  order: {
    lines: '订单明细',
    addLine: '添加商品',
    summary: '订单金额（实时计算）',
    subtotal: '货款小计',
    deliveryFee: '运费',
    freeDelivery: '满100元免运费 (5.3.1)',
    feeApplies: '不满100元收运费10元 (5.3.1)',
    total: '合计',
    promise: '承诺送达',
    promiseKinds: {
      sameAfternoon: '当天下午送达（大客户12:00前下单）(5.3.1)',
      nextMorning: '下一工作日上午送达（大客户）(5.9.3)',
      nextWorkingDay: '下一工作日送达 (5.3.1)',
    },
    short: '缺货 %{n}',
    stock: '库存 %{n}',
    shortHint: '缺货的行需请购 (6.5) 或调拨 (6.13)',
    creditNotAllowed: '不能赊销：%{reason}',
    creditRemaining: '剩余信用额度 %{amount}',
    needsGm: '超出剩余信用额度，审核后还需分公司总经理审批 (5.10.4)',
    previewRefusals: '服务器检查结果',
    settlement: '结算',
    keyAccount: '大客户优先处理 (5.6.6)',
    countdownLeft: '剩余 %{time}',
    countdownWorking: '剩余 %{min} 个工作分钟',
    countdownOverdue: '已超时 %{min} 分钟',
    countdownHint: '网上订单须在10分钟内确认 (5.1.1)',
    pickCustomerFirst: '请先选择客户',
  },
  customer: {
    codeProposed: '系统建议编号 %{code}（当前最大编号+1）(6.3.3)',
  },
  user: {
    passwordCreate: '至少8位',
    passwordEdit: '至少8位；留空则不修改',
  },
  print: {
    print: '打印',
    bulk: '批量打印',
    noForm: '没有这个表单',
    printedBy: '已打印：%{name} %{at}',
    notPrinted: '尚未打印',
    forms: { deliveryNote: '销售送货单' },
  },
};

export type AppMessages = typeof zhApp;

export const zhMessages: TranslationMessages = {
  ...raZh,
  ...definitionMessages('zh'),
  app: zhApp,
};
