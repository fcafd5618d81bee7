import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, q, startTestServer, STORE_KIND, TEST_NOW, type TestServer } from '../helpers/server';
import { makeCustomer } from '../helpers/fixtures';

/**
 * 5.7.3 / 6.4.5 / 6.10.5 working time for any year, over the API: the server counts 2027 with the
 * law's statutory holidays before its 调休 is known, and with the 调休 the admin stored in the
 * settings once it is (the calendar is built from the settings each request reads).
 */
let srv: TestServer;
let admin: Awaited<ReturnType<typeof loginAs>>;
beforeAll(async () => {
  srv = await startTestServer({ customers: 10, days: 1 });
  admin = await loginAs(srv.url, 'admin');
});
afterAll(() => srv?.close());

describe(`working time beyond the published calendar on the ${STORE_KIND} store`, () => {
  it('6.10.5 a complaint received 2026-12-31 16:00 is answered by 2027-01-04 10:30 (元旦 off), and a stored make-up working day moves it', async () => {
    const [settings] = (await admin.get('/settings' + q({ range: [0, 0] }))).body;
    const cust = await makeCustomer(admin);
    srv.clock.now = new Date('2026-12-31T08:30:00Z'); // Thursday 16:30 in Shanghai
    try {
      const a2 = await loginAs(srv.url, 'assistant2');
      const admin31 = await loginAs(srv.url, 'admin'); // sessions follow the clock
      const before = await a2.post('/complaints', {
        customerId: cust.id,
        category: 'delivery',
        description: '年底投诉',
        receivedAt: '2026-12-31T08:00:00.000Z',
      });
      expect(before.status, JSON.stringify(before.body)).toBe(201);
      // 90 minutes on Thursday, 元旦 (Friday) and the weekend off, 150 minutes on Monday
      expect(before.body.replyDeadline).toBe('2027-01-04T02:30:00.000Z');
      // the admin pastes 2027's arrangement (illustrative: Saturday 2 January a make-up working day)
      const put = await admin31.put(`/settings/${settings.id}`, {
        ...settings,
        calendarDays: [
          { date: '2027-01-01', kind: 'holiday', name: '2027 放假' },
          { date: '2027-01-02', kind: 'workday', name: '2027 调休上班' },
        ],
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      const after = await a2.post('/complaints', {
        customerId: cust.id,
        category: 'delivery',
        description: '年底投诉',
        receivedAt: '2026-12-31T08:00:00.000Z',
      });
      expect(after.body.replyDeadline).toBe('2027-01-02T02:30:00.000Z');
      // a bad paste is refused naming the line, nothing changed
      const twice = await admin31.put(`/settings/${settings.id}`, {
        ...put.body,
        calendarDays: [
          { date: '2027-01-02', kind: 'workday' },
          { date: '2027-01-02', kind: 'holiday' },
        ],
      });
      expect([twice.status, twice.body.rule, Object.keys(twice.body.errors ?? {})]).toEqual([
        422,
        '6.1',
        ['calendarDays.1.date'],
      ]);
      expect((await admin31.get(`/settings/${settings.id}`)).body.calendarDays).toHaveLength(2);
    } finally {
      srv.clock.now = TEST_NOW;
      admin = await loginAs(srv.url, 'admin');
      const [now] = (await admin.get('/settings' + q({ range: [0, 0] }))).body;
      expect((await admin.put(`/settings/${settings.id}`, { ...now, calendarDays: [] })).status).toBe(200);
    }
  });
});
