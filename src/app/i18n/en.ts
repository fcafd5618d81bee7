import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { definitionMessages } from './definitionMessages';
import type { AppMessages } from './zh';

/** English UI texts: the same keys as zh.ts (the type enforces the shape, a test the key sets). */
export const enApp: AppMessages = {
  title: 'Baoyi Service Desk',
  common: {
    none: '—',
    yes: 'Yes',
    no: 'No',
    assumption: 'Assumption (clause cut in the source)',
  },
  dashboard: {
    title: "Today's work",
    greeting: 'Hello, %{name}',
    role: 'Role: %{role}',
    today: 'Today is %{date} (%{workday})',
    workday: 'working day',
    holiday: 'day off',
    hours: 'Working hours 08:00–17:30 (6.1)',
    waiting: 'Waiting for you',
    nothingWaiting: 'Nothing is waiting for you',
  },
  menu: {
    sales: 'Sales',
    service: 'Customer service',
    approvals: 'Approvals',
    master: 'Master data',
    admin: 'Administration',
  },
  filter: {
    from: '%{field} from',
    to: '%{field} to',
    myOrders: 'My orders',
    search: 'Search',
  },
  workflow: {
    actions: 'Actions',
    reasonTitle: '%{action}: give a reason',
    reason: 'Reason',
    reasonRequired: 'A reason is required',
    submit: 'Confirm',
    cancel: 'Cancel',
    done: '%{action}: done',
    bulkDone: '%{action}: %{ok} succeeded',
    bulkSomeFailed: '%{action}: %{ok} succeeded, %{failed} failed — %{details}',
    notAllowed: 'Not allowed',
  },
  approvals: {
    title: 'Approvals',
    step: 'Step',
    action: 'Action',
    role: 'Role',
    by: 'By',
    at: 'At',
    decision: 'Decision',
    comment: 'Comment',
    empty: 'No approvals yet',
    decisions: { approve: 'Approved', reject: 'Returned', other: 'Done' },
  },
  history: {
    title: 'History',
    empty: 'No history yet',
    changes: 'Changes',
    actions: { create: 'Created', update: 'Updated' },
  },
  order: {
    lines: 'Order lines',
    addLine: 'Add product',
    summary: 'Amounts (live)',
    subtotal: 'Goods total',
    deliveryFee: 'Delivery fee',
    freeDelivery: 'Free delivery from 100 yuan (5.3.1)',
    feeApplies: 'Under 100 yuan: 10 yuan delivery fee (5.3.1)',
    total: 'Total',
    promise: 'Promised delivery',
    promiseKinds: {
      sameAfternoon: 'This afternoon (key account, ordered before 12:00) (5.3.1)',
      nextMorning: 'Next working day, morning (key account) (5.9.3)',
      nextWorkingDay: 'Next working day (5.3.1)',
    },
    short: 'Short %{n}',
    stock: 'Stock %{n}',
    shortHint: 'Lines short of stock lead to a requisition (6.5) or transfer (6.13)',
    creditNotAllowed: 'No credit: %{reason}',
    creditRemaining: 'Remaining credit %{amount}',
    needsGm: 'Beyond the remaining credit: the branch GM approves after the review (5.10.4)',
    previewRefusals: "Server's checks",
    settlement: 'Settlement',
    keyAccount: 'Key accounts first (5.6.6)',
    countdownLeft: '%{time} left',
    countdownWorking: '%{min} working minutes left',
    countdownOverdue: 'Overdue by %{min} min',
    countdownHint: 'Web orders are confirmed within 10 minutes (5.1.1)',
    pickCustomerFirst: 'Pick a customer first',
  },
  customer: {
    codeProposed: 'Proposed code %{code} (current max + 1) (6.3.3)',
  },
  user: {
    passwordCreate: 'At least 8 characters',
    passwordEdit: 'At least 8 characters; leave empty to keep',
  },
};

export const enMessages: TranslationMessages = {
  ...englishMessages,
  ...definitionMessages('en'),
  app: enApp,
};
