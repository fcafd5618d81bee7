import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { mailingListFilter } from '../../src/domain/rules/memberCare';
import { makeCustomer } from '../helpers/fixtures';
import { loginAs, q, startTestServer, STORE_KIND, type TestServer } from '../helpers/server';

/** 5.8 member care over the API: 5.8.1 mailing consent and channels, the lists exported for the mail house and the SMS gateway. */
let srv: TestServer;
let admin: Awaited<ReturnType<typeof loginAs>>;
let assistant: Awaited<ReturnType<typeof loginAs>>;
let token: string;
beforeAll(async () => {
  srv = await startTestServer({ customers: 30, days: 3 });
  [admin, assistant] = await Promise.all([loginAs(srv.url, 'admin'), loginAs(srv.url, 'assistant')]);
  const r = await fetch(`${srv.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'assistant', password: 'baoyi2026' }) });
  token = ((await r.json()) as { token: string }).token;
});
afterAll(() => srv?.close());

async function exportOf(token: string, filter: Record<string, unknown>) {
  const res = await fetch(`${srv.url}/api/customers/export${q({ filter })}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh' } });
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await res.arrayBuffer()));
  return { status: res.status, rows: res.ok ? parseCsv(text) : [] };
}

describe(`5.8.1 member mailings on the ${STORE_KIND} store`, () => {
  it('a channel needs the member’s consent and the address it goes to; refused naming the field, nothing changed', async () => {
    const c = await makeCustomer(admin, { member: true, mobile: null, email: null });
    const noConsent = await assistant.put(`/customers/${c.id}`, { ...c, mailSms: true });
    expect([noConsent.status, noConsent.body.rule, Object.keys(noConsent.body.errors ?? {})]).toEqual([422, '5.8.1', ['mailingConsent', 'mobile']]);
    expect((await assistant.get(`/customers/${c.id}`)).body.mailSms).not.toBe(true);
    const noMail = await assistant.put(`/customers/${c.id}`, { ...c, mailingConsent: true, mailEmail: true, email: 'not-an-address' });
    expect([noMail.status, noMail.body.rule, Object.keys(noMail.body.errors ?? {})]).toEqual([422, '5.8.1', ['email']]);
    const nonMember = await makeCustomer(admin, { member: false });
    const refused = await assistant.put(`/customers/${nonMember.id}`, { ...nonMember, mailingConsent: true, mailPost: true });
    expect([refused.status, refused.body.rule]).toEqual([422, '5.8.1']);
    const ok = await assistant.put(`/customers/${c.id}`, { ...c, mailingConsent: true, mailPost: true, mailSms: true, mobile: '13912345678' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ mailingConsent: true, mailPost: true, mailSms: true, mailEmail: false });
  });

  it('the SMS list and the post list are the customers export filtered by channel: consenting active members only', async () => {
    const sms = await makeCustomer(admin, { member: true, mailingConsent: true, mailSms: true, mobile: '13800001111' });
    const post = await makeCustomer(admin, { member: true, mailingConsent: true, mailPost: true });
    const smsList = await exportOf(token, mailingListFilter('mailSms'));
    expect(smsList.status).toBe(200);
    const [head, ...rows] = smsList.rows;
    const code = head.indexOf('客户编号');
    const mobile = head.indexOf('手机');
    expect(code).toBeGreaterThanOrEqual(0);
    expect(mobile).toBeGreaterThanOrEqual(0);
    expect(rows.find((r) => r[code] === sms.code)?.[mobile]).toBe('13800001111');
    expect(rows.some((r) => r[code] === post.code)).toBe(false);
    // every row of the list is a consenting member with the channel (the filter, not a sample)
    const listed = (await assistant.get('/customers' + q({ filter: mailingListFilter('mailSms'), range: [0, 999] }))).body as { code: string; member: boolean; mailingConsent: boolean; mailSms: boolean }[];
    expect(listed.length).toBe(rows.length);
    for (const r of listed) expect([r.member, r.mailingConsent, r.mailSms]).toEqual([true, true, true]);
    // the seed gives some members consent and channels
    expect(listed.length).toBeGreaterThan(2);
    const postList = await exportOf(token, mailingListFilter('mailPost'));
    expect(postList.rows.slice(1).some((r) => r[code] === post.code)).toBe(true);
    expect(postList.rows.slice(1).some((r) => r[code] === sms.code)).toBe(false);
  });
});
