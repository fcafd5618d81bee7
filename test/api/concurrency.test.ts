import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submittedOrder } from '../helpers/fixtures';
import { loginAs, startTestServer, STORE_KIND, type TestServer } from '../helpers/server';

describe(`two approvers at once (${STORE_KIND} store)`, () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ customers: 10, days: 1 });
  });
  afterAll(() => srv?.close());

  it('yields exactly one success and one 409, and one approval entry', async () => {
    const [admin, assistant, csm1, csm2] = await Promise.all(
      ['admin', 'assistant2', 'csmanager', 'csmanager'].map((u) => loginAs(srv.url, u)),
    );
    for (let i = 0; i < 5; i++) {
      const o = await submittedOrder(admin, assistant);
      const results = await Promise.all([
        csm1.post(`/orders/${o.id}/actions/approve`, {}),
        csm2.post(`/orders/${o.id}/actions/approve`, {}),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const final = (await csm1.get(`/orders/${o.id}`)).body;
      expect(final.approvals.filter((a: { decision: string }) => a.decision === 'approve')).toHaveLength(1);
    }
  });
});
