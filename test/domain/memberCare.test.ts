import { customerRules } from '../../src/domain/documents/customers';
import { mailingListFilter, mailingRefusals } from '../../src/domain/rules/memberCare';

describe('5.8.1 member mailings: consent and channel on the customer', () => {
  const member = { member: true, mobile: '13912345678', email: 'wang@example.com' };
  it('no channel, nothing to check', () => {
    expect(mailingRefusals({ member: false })).toEqual([]);
  });
  it('a channel needs consent, membership and its address (SMS a mobile, e-mail a valid address)', () => {
    const fields = (doc: Record<string, unknown>) => mailingRefusals(doc).map((r) => [r.rule, Object.keys(r.errors ?? {})[0]]);
    expect(fields({ ...member, mailPost: true })).toEqual([['5.8.1', 'mailingConsent']]);
    expect(fields({ ...member, member: false, mailingConsent: true, mailPost: true })).toEqual([['5.8.1', 'mailPost']]);
    expect(fields({ ...member, mobile: ' ', mailingConsent: true, mailSms: true })).toEqual([['5.8.1', 'mobile']]);
    expect(fields({ ...member, email: 'wang', mailingConsent: true, mailEmail: true })).toEqual([['5.8.1', 'email']]);
    expect(fields({ ...member, mailingConsent: true, mailPost: true, mailSms: true, mailEmail: true })).toEqual([]);
  });
  it('the customer rules include them', () => {
    expect(customerRules({ code: '100001', ...member, mailSms: true }).map((r) => r.rule)).toContain('5.8.1');
  });
  it('a mailing list is the consenting active members of one channel', () => {
    expect(mailingListFilter('mailSms')).toEqual({ member: true, active: true, mailingConsent: true, mailSms: true });
  });
});
