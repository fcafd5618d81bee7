import {
  bool,
  column,
  date,
  datetime,
  defineDocument,
  enumOf,
  longText,
  money,
  ref,
  text,
  type DocRecord,
} from '../definition';
import { ruleRefusal, type Refusal } from '../refusal';
import { MAILING_FIELDS, mailingRefusals } from '../rules/memberCare';
import { t } from '../text';
import { tierOf, tierOverrideRefusals } from '../rules/customerTier';
import { addDays } from '../calendar';
import { view } from '../where';

/** credit reviews shown this many days before they fall due (the queues, 5.11.4) */
export const CREDIT_REVIEW_WARNING_DAYS = 30;

/** Customers 客户资料 (5.2.2, 5.6.2, 5.8, 6.3, 5.11). */

export const TIERS = { keyAccount: t('大客户', 'Key account'), smb: t('中小客户', 'SMB') };
export const SETTLEMENTS = { cash: t('现金', 'Cash'), credit: t('月结赊销', 'Credit') };

export const TIER_BASES = {
  volume: t('按订货额', 'By volume'),
  creditLine: t('赊销客户', 'Credit line'),
  override: t('经理调整', 'Manager override'),
};

/**
 * 5.11.2 settlement and credit limit change only when a credit application (or its revocation) is
 * approved by the branch GM — never by editing the customer, whatever the role.
 */
const NOBODY = [] as const;
/** 5.6.2 the tier follows the volume (rules/customerTier.ts); only the CS Center manager overrides it, with a reason. */
const TIER_OVERRIDERS = ['csManager'] as const;

/** 6.3.3 the system proposes the next code (current max + 1); codes are digits. */
export function nextCustomerCode(maxCode: string | null | undefined): string {
  const n = maxCode && /^\d+$/.test(maxCode) ? Number(maxCode) : 100000;
  return String(n + 1).padStart(6, '0');
}

export const customers = defineDocument({
  resource: 'customers',
  clause: '6.3',
  label: t('客户', 'Customer'),
  menuLabel: t('客户资料', 'Customers'),
  fields: {
    code: text(t('客户编号', 'Customer code'), {
      required: true,
      maxLength: 12,
      search: true,
      immutable: true,
      help: t('系统建议：当前最大编号+1 (6.3.3)', 'Proposed: current max + 1 (6.3.3)'),
    }),
    name: text(t('客户名称', 'Name'), { required: true, maxLength: 100, search: true }),
    tier: enumOf(t('客户类别', 'Tier'), TIERS, {
      required: true,
      default: 'smb',
      writableBy: NOBODY,
      writableRule: '5.6.2',
      help: t(
        '按近几个整月已签收订单的月均订货额每日自动评定：超过5000元为大客户 (5.6.2)；新客户为中小客户',
        'Derived daily from the monthly average of delivered orders over the last full months: over 5000 yuan is a key account (5.6.2); a new customer is SMB',
      ),
    }),
    tierBasis: enumOf(t('类别依据', 'Tier basis'), TIER_BASES, { computed: true }),
    monthlyVolume: money(t('月均订货额', 'Monthly volume'), {
      readOnly: true,
      help: t(
        '近几个整月已签收/结案订单的月平均（月数见系统设置）(5.6.2)',
        'Average of delivered/closed orders over the last full months (months: see settings) (5.6.2)',
      ),
    }),
    volumeTier: enumOf(t('按订货额的类别', 'Tier by volume'), TIERS, { readOnly: true }),
    tierOverride: enumOf(t('经理调整类别', 'Tier override'), TIERS, {
      writableBy: TIER_OVERRIDERS,
      writableRule: '5.6.2',
      help: t(
        '仅客户服务中心经理可调整，须填写原因；清空则恢复按订货额评定 (5.6.2)',
        'Only the CS Center manager, with a reason; clear it to follow the volume again (5.6.2)',
      ),
    }),
    tierOverrideReason: longText(t('调整原因', 'Override reason'), {
      maxLength: 500,
      writableBy: TIER_OVERRIDERS,
      writableRule: '5.6.2',
    }),
    member: bool(t('会员', 'Member'), { default: true }),
    settlement: enumOf(t('结算方式', 'Settlement'), SETTLEMENTS, {
      required: true,
      default: 'cash',
      writableBy: NOBODY,
      writableRule: '5.11.2',
      help: t('仅经赊销信用申请审批后改变 (5.11.2)', 'Changed only by an approved credit application (5.11.2)'),
    }),
    creditLimit: money(t('信用额度', 'Credit limit'), {
      default: 0,
      writableBy: NOBODY,
      writableRule: '5.11.2',
      help: t('仅经赊销信用申请审批后改变 (5.11.2)', 'Changed only by an approved credit application (5.11.2)'),
    }),
    overdue: bool(t('有逾期货款', 'Overdue payments'), { default: false, writableBy: ['finance', 'admin'] }),
    firstTradeAt: datetime(t('首次交易日期', 'First trade'), { writableBy: ['finance', 'admin'] }),
    districtOffice: text(t('管辖区域部门', 'District office'), { maxLength: 50 }),
    route: text(t('线路', 'Route'), { maxLength: 30 }),
    contact: text(t('联系人', 'Contact'), { maxLength: 50, search: true }),
    phone: text(t('电话', 'Phone'), { required: true, maxLength: 30, search: true }),
    mobile: text(t('手机', 'Mobile'), { maxLength: 30, search: true }),
    fax: text(t('传真', 'Fax'), { maxLength: 30 }),
    email: text(t('电子邮箱', 'E-mail'), { maxLength: 100 }),
    address: text(t('地址', 'Address'), { required: true, maxLength: 200 }),
    distanceKm: money(t('距离（公里）', 'Distance (km)'), { max: 1000, unit: 'km' }),
    assistantId: ref(t('客户助理', 'Assistant'), 'users'),
    salesRepId: ref(t('销售代表', 'Sales rep'), 'users'),
    note: longText(t('备注', 'Note'), { maxLength: 2000 }),
    active: bool(t('启用', 'Active'), { default: true }),
    /** 5.11.4 set when the branchGM grants a credit line: re-evaluated every six months */
    creditReviewDue: date(t('信用复评日期', 'Credit review due'), {
      readOnly: true,
      help: t('批准信用额度后每半年复评一次 (5.11.4)', 'Reviewed every six months after a line is granted (5.11.4)'),
    }),
    // 5.8.1 member mailings: consent and channels
    ...MAILING_FIELDS,
  },
  list: [
    column('code', 'text'),
    column('name', 'name'),
    column('tier', 'choice'),
    column('tierBasis', 'choice'),
    column('settlement', 'choice'),
    column('creditLimit', 'money'),
    // a phone desk dials from here: the whole number, 0755-52215123
    column('phone', 'code'),
    column('creditReviewDue', 'date', 2),
    column('monthlyVolume', 'money', 3),
    column('route', 'text', 2),
    column('districtOffice', 'text', 2),
  ],
  filters: [
    'tier',
    'tierBasis',
    'settlement',
    'creditReviewDue',
    'member',
    'overdue',
    'assistantId',
    'route',
    'active',
    'mailPost',
    'mailSms',
    'mailEmail',
  ],
  defaultSort: { field: 'code', order: 'ASC' },
  columns: [
    'code',
    'name',
    'tier',
    'member',
    'settlement',
    'overdue',
    'assistantId',
    'salesRepId',
    'route',
    'phone',
    'active',
    'firstTradeAt',
    'creditLimit',
    'tierBasis',
    'creditReviewDue',
    'monthlyVolume',
  ],
  access: {
    read: 'all',
    create: ['assistant', 'teamLead', 'csManager', 'salesRep', 'admin'],
    edit: ['assistant', 'teamLead', 'csManager', 'salesRep', 'finance', 'branchGM', 'admin'],
  },
  compute: computeCustomer,
  rules: customerRules,
  views: {
    /** 5.11.4 the credit customers whose half-yearly review falls due within CREDIT_REVIEW_WARNING_DAYS of `today` (the queues) */
    creditReviewsDue: (today: string) =>
      view('customers', { settlement: 'credit', creditReviewDue_lte: addDays(today, CREDIT_REVIEW_WARNING_DAYS) }),
  },
});

/** 5.6.2 the tier follows from the override, the credit line or the volume; a cleared override drops its reason. */
export function computeCustomer(doc: DocRecord): DocRecord {
  const out: DocRecord = { ...doc, ...tierOf(doc) };
  if (out.tierOverride == null) out.tierOverrideReason = null;
  return out;
}

export function customerRules(doc: DocRecord): Refusal[] {
  const out: Refusal[] = [...tierOverrideRefusals(doc)];
  if (typeof doc.code === 'string' && !/^\d{1,12}$/.test(doc.code))
    out.push(ruleRefusal('6.3.3', '客户编号只能是数字', 'The customer code is digits only', 'code'));
  if (doc.settlement === 'credit') {
    if (doc.tier === 'smb')
      out.push(ruleRefusal('6.2.3', '中小客户只能现金结算', 'SMB customers settle in cash', 'settlement'));
    if (!(typeof doc.creditLimit === 'number' && doc.creditLimit > 0))
      out.push(
        ruleRefusal('5.5.1', '赊销须有经批准的信用额度', 'Credit needs an approved credit limit', 'creditLimit'),
      );
  }
  out.push(...mailingRefusals(doc)); // 5.8.1
  return out;
}
