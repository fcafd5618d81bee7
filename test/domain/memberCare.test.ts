import { followUpDue, memberFollowUpWorkflow } from '../../src/domain/documents/service/memberFollowUps';
import { decide } from '../../src/domain/workflow';
import { actor, ctxOf } from './sales/helpers';
import { customerRules } from '../../src/domain/documents/customers';
import { mailingListFilter, mailingRefusals } from '../../src/domain/rules/memberCare';

describe('5.8.1 member mailings: consent and channel on the customer', () => {
  const member = { member: true, mobile: '13912345678', email: 'wang@example.com' };
  it('no channel, nothing to check', () => {
    expect(mailingRefusals({ member: false })).toEqual([]);
  });
  it('a channel needs consent, membership and its address (SMS a mobile, e-mail a valid address)', () => {
    const fields = (doc: Record<string, unknown>) =>
      mailingRefusals(doc).map((r) => [r.rule, Object.keys(r.errors ?? {})[0]]);
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

describe('5.8.4 member follow-ups: who is on the list, and the recorded call', () => {
  const base = {
    today: '2026-11-27',
    days: 30,
    lastOrderDay: null as string | null,
    since: '2025-01-10',
    snoozedUntil: null as string | null,
    open: false,
  };
  const m = { member: true, active: true };
  it('a member with no order for the set days is due; one day less is not', () => {
    expect(followUpDue(m, { ...base, lastOrderDay: '2026-10-28' })).toBe(true); // 30 days
    expect(followUpDue(m, { ...base, lastOrderDay: '2026-10-29' })).toBe(false);
    expect(followUpDue(m, base)).toBe(true); // never ordered, registered long ago
    expect(followUpDue(m, { ...base, since: '2026-11-20' })).toBe(false); // registered last week
  });
  it('not members, inactive customers, open follow-ups, or a next date still ahead', () => {
    expect(followUpDue({ member: false, active: true }, base)).toBe(false);
    expect(followUpDue({ member: true, active: false }, base)).toBe(false);
    expect(followUpDue(m, { ...base, open: true })).toBe(false);
    expect(followUpDue(m, { ...base, snoozedUntil: '2026-11-28' })).toBe(false);
    expect(followUpDue(m, { ...base, snoozedUntil: '2026-11-27' })).toBe(true); // the next date has come
  });
  it("recording needs the call, an outcome and a next date after today within a year; only the member's assistant", () => {
    const doc = { id: 1, status: 'due', customerId: 10, assistantId: 7 };
    const mine = ctxOf(actor('assistant', 7));
    const field = (o: ReturnType<typeof decide>) =>
      o.ok ? null : [o.refusal.rule, Object.keys(o.refusal.errors ?? {})[0]];
    expect(
      field(decide(memberFollowUpWorkflow, { ...doc, outcome: 'noNeed', nextDate: '2026-12-27' }, 'record', mine)),
    ).toEqual(['5.8.4', 'call']);
    expect(
      field(
        decide(
          memberFollowUpWorkflow,
          { ...doc, call: '王经理', outcome: 'maybe', nextDate: '2026-12-27' },
          'record',
          mine,
        ),
      ),
    ).toEqual(['5.8.4', 'outcome']);
    expect(
      field(
        decide(
          memberFollowUpWorkflow,
          { ...doc, call: '王经理', outcome: 'noNeed', nextDate: '2026-11-27' },
          'record',
          mine,
        ),
      ),
    ).toEqual(['5.8.4', 'nextDate']);
    expect(
      field(
        decide(
          memberFollowUpWorkflow,
          { ...doc, call: '王经理', outcome: 'noNeed', nextDate: '2027-12-27' },
          'record',
          mine,
        ),
      ),
    ).toEqual(['5.8.4', 'nextDate']);
    const other = decide(
      memberFollowUpWorkflow,
      { ...doc, call: '王经理', outcome: 'noNeed', nextDate: '2026-12-27' },
      'record',
      ctxOf(actor('assistant', 8)),
    );
    expect(other.ok ? null : other.refusal.kind).toBe('forbidden');
    const ok = decide(
      memberFollowUpWorkflow,
      { ...doc, call: '王经理', outcome: 'noNeed', nextDate: '2026-12-27' },
      'record',
      mine,
    );
    expect(ok.ok && ok.decision.to).toBe('done');
    expect(ok.ok && ok.decision.patch.calledBy).toBe(7);
  });
});
