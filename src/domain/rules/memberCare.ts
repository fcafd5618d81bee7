import { bool, type DocRecord, type FieldDef } from '../definition';
import { ruleRefusal, type Refusal } from '../refusal';
import { t } from '../text';

/**
 * 5.8.1 member care, the mailing lists: members who agreed to receive the catalog and the monthly
 * DM by post, and promotion messages by SMS or e-mail. Consent and channels live on the customer;
 * the lists are the customers list filtered by channel (`mailingListFilter`), exported by the
 * server's CSV export (GET /api/customers/export) for the mail house and the SMS gateway.
 */
export const MAILING_CHANNELS = {
  mailPost: t('邮寄商品目录及月度DM', 'Catalog and monthly DM by post'),
  mailSms: t('促销短信', 'Promotion SMS'),
  mailEmail: t('促销电子邮件', 'Promotion e-mail'),
} as const;
export type MailingChannel = keyof typeof MAILING_CHANNELS;

/** the customer's mailing fields (customers.ts spreads them in) */
export const MAILING_FIELDS: Record<'mailingConsent' | MailingChannel, FieldDef> = {
  mailingConsent: bool(t('同意接收会员宣传资料 (5.8.1)', 'Agrees to member mailings (5.8.1)'), { default: false }),
  mailPost: bool(MAILING_CHANNELS.mailPost, { default: false }),
  mailSms: bool(MAILING_CHANNELS.mailSms, { default: false }),
  mailEmail: bool(MAILING_CHANNELS.mailEmail, { default: false }),
};

/** The mailing list of a channel: active members who agreed to it (a list filter, for the list and its export). */
export function mailingListFilter(channel: MailingChannel): Record<string, boolean> {
  return { member: true, active: true, mailingConsent: true, [channel]: true };
}

/** 5.8.1 a channel only with the member's consent, and with the address it needs. */
export function mailingRefusals(doc: DocRecord): Refusal[] {
  const out: Refusal[] = [];
  const chosen = (Object.keys(MAILING_CHANNELS) as MailingChannel[]).filter((c) => doc[c] === true);
  if (chosen.length === 0) return out;
  if (doc.member !== true)
    out.push(ruleRefusal('5.8.1', '会员宣传资料只寄给会员', 'Member mailings go to members only', chosen[0]));
  if (doc.mailingConsent !== true)
    out.push(
      ruleRefusal(
        '5.8.1',
        '客户未同意接收宣传资料，不能选择寄送渠道',
        'The customer has not agreed to mailings: no channel may be chosen',
        'mailingConsent',
      ),
    );
  if (doc.mailSms === true && !(typeof doc.mobile === 'string' && doc.mobile.trim()))
    out.push(ruleRefusal('5.8.1', '促销短信需要手机号码', 'Promotion SMS needs a mobile number', 'mobile'));
  if (doc.mailEmail === true && !(typeof doc.email === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(doc.email)))
    out.push(
      ruleRefusal('5.8.1', '促销电子邮件需要有效的电子邮箱', 'Promotion e-mail needs a valid e-mail address', 'email'),
    );
  return out;
}
