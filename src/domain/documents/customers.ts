import { bool, column, date, datetime, defineDocument, enumOf, longText, money, ref, text, type DocRecord } from '../definition';
import { ruleRefusal, type Refusal } from '../refusal';
import { MAILING_FIELDS, mailingRefusals } from '../rules/memberCare';
import { t } from '../text';

/** Customers 客户资料 (5.2.2, 5.6.2, 5.8, 6.3, 5.11). */

export const TIERS = { keyAccount: t('大客户', 'Key account'), smb: t('中小客户', 'SMB') };
export const SETTLEMENTS = { cash: t('现金', 'Cash'), credit: t('赊销（月结）', 'Credit (monthly)') };

/** Credit terms are granted through a credit application approved by the branchGM (5.11.2); never by assistants. */
const CREDIT_GRANTERS = ['branchGM', 'finance', 'admin'] as const;
/**
 * 5.6.2 the tier follows the customer's monthly orders and drives credit (6.2.3) and pricing
 * (6.2.2, 6.4.3): the CS Center manager sets it (and the administrator, who keeps the master data);
 * issue 21 will derive it from the volume.
 */
const TIER_SETTERS = ['csManager', 'admin'] as const;

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
    code: text(t('客户编号', 'Customer code'), { required: true, maxLength: 12, search: true, immutable: true, help: t('系统建议：当前最大编号+1 (6.3.3)', 'Proposed: current max + 1 (6.3.3)') }),
    name: text(t('客户名称', 'Name'), { required: true, maxLength: 100, search: true }),
    tier: enumOf(t('客户类别', 'Tier'), TIERS, { required: true, default: 'smb', writableBy: TIER_SETTERS, writableRule: '5.6.2', help: t('大客户：月订货额超过5000元；由客户服务中心经理确定 (5.6.2)', 'Key account: monthly orders over 5000 yuan; set by the CS Center manager (5.6.2)') }),
    member: bool(t('会员', 'Member'), { default: true }),
    settlement: enumOf(t('结算方式', 'Settlement'), SETTLEMENTS, { required: true, default: 'cash', writableBy: CREDIT_GRANTERS, writableRule: '5.11.2' }),
    creditLimit: money(t('信用额度', 'Credit limit'), { default: 0, writableBy: CREDIT_GRANTERS, writableRule: '5.11.2' }),
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
    creditReviewDue: date(t('信用复评日期', 'Credit review due'), { readOnly: true }),
    // 5.8.1 member mailings: consent and channels
    ...MAILING_FIELDS,
  },
  list: [column('code', 'text'), column('name', 'name'), column('tier', 'choice'), column('settlement', 'choice'), column('creditLimit', 'money'), column('phone', 'text'), column('route', 'text', 2), column('districtOffice', 'text', 2)],
  filters: ['tier', 'settlement', 'member', 'overdue', 'assistantId', 'route', 'active', 'mailPost', 'mailSms', 'mailEmail'],
  defaultSort: { field: 'code', order: 'ASC' },
  columns: ['code', 'name', 'tier', 'member', 'settlement', 'overdue', 'assistantId', 'salesRepId', 'route', 'phone', 'active', 'firstTradeAt', 'creditLimit'],
  access: { read: 'all', create: ['assistant', 'teamLead', 'csManager', 'salesRep', 'admin'], edit: ['assistant', 'teamLead', 'csManager', 'salesRep', 'finance', 'branchGM', 'admin'] },
  rules: customerRules,
});

export function customerRules(doc: DocRecord): Refusal[] {
  const out: Refusal[] = [];
  if (typeof doc.code === 'string' && !/^\d{1,12}$/.test(doc.code)) out.push(ruleRefusal('6.3.3', '客户编号只能是数字', 'The customer code is digits only', 'code'));
  if (doc.settlement === 'credit') {
    if (doc.tier === 'smb') out.push(ruleRefusal('6.2.3', '中小客户只能现金结算', 'SMB customers settle in cash', 'settlement'));
    if (!(typeof doc.creditLimit === 'number' && doc.creditLimit > 0)) out.push(ruleRefusal('5.5.1', '赊销须有经批准的信用额度', 'Credit needs an approved credit limit', 'creditLimit'));
  }
  out.push(...mailingRefusals(doc)); // 5.8.1
  return out;
}
