import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { mailingListFilter } from '../../src/domain/rules/memberCare';
import { openFollowUpLists, untilNextBranchDay } from '../../server/jobs/customerJobs';
import { makeCustomer, makeProduct } from '../helpers/fixtures';
import { loginAs, q, startTestServer, STORE_KIND, TEST_NOW, type TestServer } from '../helpers/server';

/** 5.8 member care over the API: 5.8.1 mailing consent and channels, the lists exported for the mail house and the SMS gateway. */
let srv: TestServer;
let admin: Awaited<ReturnType<typeof loginAs>>;
let assistant: Awaited<ReturnType<typeof loginAs>>;
let token: string;
beforeAll(async () => {
  srv = await startTestServer({ customers: 30, days: 3 });
  [admin, assistant] = await Promise.all([loginAs(srv.url, 'admin'), loginAs(srv.url, 'assistant')]);
  const r = await fetch(`${srv.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'assistant', password: 'baoyi2026' }),
  });
  token = ((await r.json()) as { token: string }).token;
});
afterAll(() => srv?.close());

async function exportOf(token: string, filter: Record<string, unknown>) {
  const res = await fetch(`${srv.url}/api/customers/export${q({ filter })}`, {
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh' },
  });
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await res.arrayBuffer()));
  return { status: res.status, rows: res.ok ? parseCsv(text) : [] };
}

describe(`5.8.1 member mailings on the ${STORE_KIND} store`, () => {
  it('a channel needs the member’s consent and the address it goes to; refused naming the field, nothing changed', async () => {
    const c = await makeCustomer(admin, { member: true, mobile: null, email: null });
    const noConsent = await assistant.put(`/customers/${c.id}`, { ...c, mailSms: true });
    expect([noConsent.status, noConsent.body.rule, Object.keys(noConsent.body.errors ?? {})]).toEqual([
      422,
      '5.8.1',
      ['mailingConsent', 'mobile'],
    ]);
    expect((await assistant.get(`/customers/${c.id}`)).body.mailSms).not.toBe(true);
    const noMail = await assistant.put(`/customers/${c.id}`, {
      ...c,
      mailingConsent: true,
      mailEmail: true,
      email: 'not-an-address',
    });
    expect([noMail.status, noMail.body.rule, Object.keys(noMail.body.errors ?? {})]).toEqual([422, '5.8.1', ['email']]);
    const nonMember = await makeCustomer(admin, { member: false });
    const refused = await assistant.put(`/customers/${nonMember.id}`, {
      ...nonMember,
      mailingConsent: true,
      mailPost: true,
    });
    expect([refused.status, refused.body.rule]).toEqual([422, '5.8.1']);
    const ok = await assistant.put(`/customers/${c.id}`, {
      ...c,
      mailingConsent: true,
      mailPost: true,
      mailSms: true,
      mobile: '13912345678',
    });
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
    const listed = (await assistant.get('/customers' + q({ filter: mailingListFilter('mailSms'), range: [0, 999] })))
      .body as { code: string; member: boolean; mailingConsent: boolean; mailSms: boolean }[];
    expect(listed.length).toBe(rows.length);
    for (const r of listed) expect([r.member, r.mailingConsent, r.mailSms]).toEqual([true, true, true]);
    // the seed gives some members consent and channels
    expect(listed.length).toBeGreaterThan(2);
    const postList = await exportOf(token, mailingListFilter('mailPost'));
    expect(postList.rows.slice(1).some((r) => r[code] === post.code)).toBe(true);
    expect(postList.rows.slice(1).some((r) => r[code] === sms.code)).toBe(false);
  });
});

describe(`5.8.4 member follow-ups on the ${STORE_KIND} store`, () => {
  const DAY = 86_400_000;
  type Item = { resource: string; id: number; status: string; values: Record<string, unknown> };
  const followUpsOf = async (c: typeof assistant, customerId: number) =>
    (await c.get('/memberFollowUps' + q({ filter: { customerId }, range: [0, 99] }))).body as {
      id: number;
      status: string;
    }[];

  it("a member idle for memberFollowUpDays goes on the assistant's list (inbox); the recorded call takes it off until the next date", async () => {
    const users = (await admin.get('/users' + q({ filter: { username: ['assistant', 'assistant2'] }, range: [0, 9] })))
      .body as { id: number; username: string }[];
    const mine = users.find((u) => u.username === 'assistant')!.id;
    const settings = (await admin.get('/settings' + q({ range: [0, 0] }))).body[0];
    const idle = await makeCustomer(admin, { member: true, assistantId: mine });
    const busy = await makeCustomer(admin, { member: true, assistantId: mine });
    const nonMember = await makeCustomer(admin, { member: false, assistantId: mine });
    const p = await makeProduct(admin, 50);
    try {
      // the members were registered today: not idle yet
      expect((await followUpsOf(assistant, idle.id)).length).toBe(0);
      // memberFollowUpDays + 5 days later; the busy member ordered yesterday
      const later = new Date(TEST_NOW.getTime() + (Number(settings.memberFollowUpDays) + 5) * DAY);
      srv.clock.now = new Date(later.getTime() - DAY);
      const a0 = await loginAs(srv.url, 'assistant');
      const o = await a0.post('/orders', {
        customerId: busy.id,
        channel: 'phone',
        paymentMethod: 'cash',
        linesConfirmed: true,
        lines: [{ productId: p.id, qty: 1, unitPrice: 50 }],
      });
      expect((await a0.post(`/orders/${o.body.id}/actions/submit`, {})).status).toBe(200);
      srv.clock.now = later;
      const [a1, a2] = await Promise.all([loginAs(srv.url, 'assistant'), loginAs(srv.url, 'assistant2')]);
      // reading the inbox opens nothing: the list is the daily job's
      expect(
        ((await a1.get('/myWork')).body as Item[]).some(
          (i) => i.resource === 'memberFollowUps' && i.values.customerName === idle.name,
        ),
      ).toBe(false);
      expect((await followUpsOf(a1, idle.id)).length).toBe(0);
      // the daily job run twice at once (two servers on one database) opens the member's follow-up once
      const runs = await Promise.all([openFollowUpLists(srv.store, later), openFollowUpLists(srv.store, later)]);
      expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
      const inbox = await a1.get('/myWork');
      const item = (inbox.body as Item[]).find(
        (i) => i.resource === 'memberFollowUps' && i.values.customerName === idle.name,
      );
      expect(item, "the idle member in the assistant's inbox").toBeDefined();
      expect(item!.status).toBe('due');
      const listed = await followUpsOf(a1, idle.id);
      expect(listed.map((f) => f.status)).toEqual(['due']);
      expect((await followUpsOf(a1, busy.id)).length).toBe(0);
      expect((await followUpsOf(a1, nonMember.id)).length).toBe(0);
      // the step: the assistant's own member only; the call, an outcome and a next date after today
      const path = `/memberFollowUps/${item!.id}/actions/record`;
      expect((await a2.post(path, { call: '采购经理', outcome: 'interested', nextDate: '2027-02-01' })).status).toBe(
        403,
      );
      const noCall = await a1.post(path, { outcome: 'interested', nextDate: '2027-02-01' });
      expect([noCall.status, noCall.body.rule, Object.keys(noCall.body.errors ?? {})]).toEqual([
        422,
        '5.8.4',
        ['call'],
      ]);
      const today = new Date(later.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      const notAfter = await a1.post(path, { call: '采购经理', outcome: 'interested', nextDate: today });
      expect([notAfter.status, notAfter.body.rule, Object.keys(notAfter.body.errors ?? {})]).toEqual([
        422,
        '5.8.4',
        ['nextDate'],
      ]);
      const next = new Date(later.getTime() + 8 * 3_600_000 + 14 * DAY).toISOString().slice(0, 10);
      const done = await a1.post(path, { call: '采购经理王先生，下月集中采购', outcome: 'interested', nextDate: next });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body).toMatchObject({ status: 'done', outcome: 'interested', nextDate: next, calledBy: mine });
      // off the list until the next date: another day's job opens nothing for this member
      await openFollowUpLists(srv.store, later);
      const after = (await a1.get('/myWork')).body as Item[];
      expect(after.some((i) => i.resource === 'memberFollowUps' && i.values.customerName === idle.name)).toBe(false);
      expect((await followUpsOf(a1, idle.id)).map((f) => f.status)).toEqual(['done']);
      // on the next date (still no order) the member is back on the list
      srv.clock.now = new Date(later.getTime() + 14 * DAY);
      expect(await openFollowUpLists(srv.store, srv.clock.now)).toBeGreaterThanOrEqual(1);
      const a3 = await loginAs(srv.url, 'assistant');
      const back = (await a3.get('/myWork')).body as Item[];
      expect(back.some((i) => i.resource === 'memberFollowUps' && i.values.customerName === idle.name)).toBe(true);
      expect((await followUpsOf(a3, idle.id)).map((f) => f.status).sort()).toEqual(['done', 'due']);
    } finally {
      srv.clock.now = TEST_NOW;
      admin = await loginAs(srv.url, 'admin');
      assistant = await loginAs(srv.url, 'assistant');
    }
  });

  it('the daily job runs at the start of each Shanghai day (a minute past midnight, +08:00)', () => {
    expect(untilNextBranchDay(new Date('2026-12-07T15:59:00Z'))).toBe(2 * 60_000); // 23:59 in Shanghai
    expect(untilNextBranchDay(new Date('2026-12-07T16:01:00Z'))).toBe(DAY); // 00:01: the next one tomorrow
    expect(untilNextBranchDay(new Date('2026-12-07T06:30:00Z'))).toBe(9.5 * 3_600_000 + 60_000); // 14:30
  });

  it('the seed has members on the lists and follow-ups recorded', async () => {
    const lead = await loginAs(srv.url, 'teamlead');
    const all = (await lead.get('/memberFollowUps' + q({ range: [0, 999] }))).body as {
      status: string;
      outcome?: string;
      nextDate?: string;
    }[];
    expect(all.some((f) => f.status === 'due')).toBe(true);
    expect(all.filter((f) => f.status === 'done').every((f) => !!f.outcome && !!f.nextDate)).toBe(true);
    expect(all.some((f) => f.status === 'done')).toBe(true);
  });
});
