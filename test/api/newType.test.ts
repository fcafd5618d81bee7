import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDocument } from '../../src/domain/documents';
import type { InboxItem } from '../../src/domain/inbox';
import { PgStore } from '../../server/store/pg/pgStore';
import { trainingRequests } from '../fixtures/trainingRequest';
import { loginAs, q, startTestServer, STORE_KIND, type TestServer } from '../helpers/server';

/**
 * A document type is its definition: a two-step type the product does not have — one definition
 * file (test/fixtures/trainingRequest.ts) and the one registry line below — is listed, created,
 * submitted, approved, rejected, printed, waits in the inboxes and is seeded, through the API, on
 * every store. Its table (PostgreSQL), routes, access, validation, inbox columns, print record and
 * seed all come from the generic machinery; nothing else names it.
 */
registerDocument(trainingRequests);

type C = Awaited<ReturnType<typeof loginAs>>;
let srv: TestServer;
let admin: C, assistant: C, assistant2: C, lead: C, csm: C, gm: C;

beforeAll(async () => {
  srv = await startTestServer({ customers: 20, days: 2 });
  [admin, assistant, assistant2, lead, csm, gm] = await Promise.all(
    ['admin', 'assistant', 'assistant2', 'teamlead', 'csmanager', 'gm'].map((u) => loginAs(srv.url, u)),
  );
}, 120_000);
afterAll(() => srv?.close());

const BODY = { course: '客户投诉处理技巧', hours: 8, fee: 1200, reason: '新入职客户助理岗前培训' };
const inbox = async (c: C) => (await c.get('/myWork')).body as InboxItem[];

describe(`a new document type from one definition and one registry line, on the ${STORE_KIND} store`, () => {
  it('is seeded in every state of its workflow, through the services (codes, audit, decisions by other users)', async () => {
    const all = await admin.get('/trainingRequests' + q({ sort: ['id', 'ASC'], range: [0, 99] }));
    expect(all.status).toBe(200);
    const rows = all.body as Record<string, unknown>[];
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(Object.keys(trainingRequests.workflow.states)));
    for (const r of rows) {
      expect(r.code).toMatch(/^TR-\d{8}-\d{4}$/);
      for (const a of r.approvals as { decision: string; by: number }[])
        if (a.decision === 'approve') expect(a.by).not.toBe(r.createdBy);
    }
    const approved = rows.find((r) => r.status === 'approved')!;
    expect((approved.approvals as { action: string }[]).map((a) => a.action)).toEqual(['submit', 'approve', 'approve']);
    expect(((await admin.get(`/trainingRequests/${approved.id}/history`)).body as unknown[]).length).toBe(4);
  });

  it('creates, validates, lists, filters and exports from the definition', async () => {
    const bad = await assistant.post('/trainingRequests', { ...BODY, hours: 0 });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expect(Object.keys(bad.body.errors ?? {})).toContain('hours');
    expect((await assistant.post('/trainingRequests', { hours: 4, fee: 10 })).body.errors).toHaveProperty('course');
    expect((await gm.post('/trainingRequests', BODY)).status).toBe(403);

    const r = await assistant.post('/trainingRequests', BODY);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ ...BODY, status: 'draft', code: expect.stringMatching(/^TR-20261127-\d{4}$/) });
    const me = (await assistant.get('/auth/me')).body;
    expect(r.body.assistantId).toBe(me.id ?? me.user?.id);

    const mine = await assistant.get(
      '/trainingRequests' + q({ filter: { status: 'draft', q: '投诉处理' }, sort: ['id', 'DESC'], range: [0, 9] }),
    );
    expect(mine.body.map((x: { id: number }) => x.id)).toContain(r.body.id);
    // another assistant reads it but may not change it (the owner field)
    expect((await assistant2.put(`/trainingRequests/${r.body.id}`, { hours: 2 })).status).toBe(403);
    expect((await assistant.put(`/trainingRequests/${r.body.id}`, { hours: 2 })).body.hours).toBe(2);
    expect((await admin.get('/trainingRequests' + q({ filter: { nope: 1 } }))).status).toBe(400);
    const csv = await admin.raw(
      'GET',
      '/trainingRequests/export' + q({ filter: { status: 'draft' }, sort: ['id', 'ASC'] }),
    );
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('客户投诉处理技巧');
  });

  it('two approval steps: submit, the team lead, the CS manager; inboxes and the printed form follow', async () => {
    const r = (await assistant.post('/trainingRequests', BODY)).body;
    // a draft's form is not the company's paper yet (officialIn: approved)
    expect((await csm.post(`/trainingRequests/${r.id}/printed`, { form: 'trainingForm' })).status).toBe(409);
    expect((await lead.post(`/trainingRequests/${r.id}/actions/approve`, {})).status).toBe(409);
    expect((await assistant.post(`/trainingRequests/${r.id}/actions/submit`, {})).body.status).toBe('leadReview');

    const waiting = (await inbox(lead)).find((i) => i.resource === 'trainingRequests' && i.id === r.id);
    expect(waiting).toBeDefined();
    expect(waiting!.values).toMatchObject({ course: BODY.course, fee: BODY.fee });
    expect((await inbox(csm)).some((i) => i.resource === 'trainingRequests' && i.id === r.id)).toBe(false);

    expect((await csm.post(`/trainingRequests/${r.id}/actions/approve`, {})).status).toBe(403);
    expect((await lead.post(`/trainingRequests/${r.id}/actions/approve`, {})).body.status).toBe('managerApproval');
    expect((await inbox(csm)).some((i) => i.resource === 'trainingRequests' && i.id === r.id)).toBe(true);
    const done = await csm.post(`/trainingRequests/${r.id}/actions/approve`, {});
    expect(done.body).toMatchObject({ status: 'approved', approvedAt: '2026-11-27T06:30:00.000Z' });
    expect(done.body.approvals.map((a: { decision: string; role: string }) => `${a.decision}:${a.role}`)).toEqual([
      'other:assistant',
      'approve:teamLead',
      'approve:csManager',
    ]);

    const printed = await csm.post(`/trainingRequests/${r.id}/printed`, { form: 'trainingForm' });
    expect(printed.status).toBe(200);
    expect((await admin.get(`/trainingRequests/${r.id}`)).body.prints).toEqual([
      expect.objectContaining({ form: 'trainingForm' }),
    ]);
    expect((await gm.post(`/trainingRequests/${r.id}/printed`, { form: 'trainingForm' })).status).toBe(403);
    expect((await csm.post(`/trainingRequests/${r.id}/printed`, { form: 'nope' })).status).toBe(404);
  });

  it('a rejection needs a reason and sends it back to its author, who may change it and submit it again', async () => {
    const r = (await assistant.post('/trainingRequests', BODY)).body;
    await assistant.post(`/trainingRequests/${r.id}/actions/submit`, {});
    expect((await lead.post(`/trainingRequests/${r.id}/actions/reject`, {})).status).toBe(422);
    const back = await lead.post(`/trainingRequests/${r.id}/actions/reject`, { comment: '请先完成线上课程' });
    expect(back.body.status).toBe('rejected');
    const item = (await inbox(assistant)).find((i) => i.resource === 'trainingRequests' && i.id === r.id);
    expect(item?.returned).toMatchObject({ reason: '请先完成线上课程' });
    const edited = await assistant.put(`/trainingRequests/${r.id}`, { hours: 6, version: back.body.version });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await assistant.post(`/trainingRequests/${r.id}/actions/submit`, {})).body.status).toBe('leadReview');
  });

  it('the creator may not approve their own request (self-approval, T.1); the button is not offered', async () => {
    const r = (await lead.post('/trainingRequests', BODY)).body;
    expect((await lead.post(`/trainingRequests/${r.id}/actions/submit`, {})).body.status).toBe('leadReview');
    const actions = (await lead.get(`/trainingRequests/${r.id}/actions`)).body as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['reject']);
    const self = await lead.post(`/trainingRequests/${r.id}/actions/approve`, {});
    expect(self.status).toBe(403);
    expect(self.body.rule).toBe('T.1');
    expect(self.body.messages.zh).toContain('不能审批自己录入的单据');
  });

  it("its table: generated from the definition at start (PostgreSQL: columns, indexes, row count), or the json file's array", async () => {
    if (STORE_KIND === 'json') {
      const made = (await assistant.post('/trainingRequests', BODY)).body;
      const file = JSON.parse(readFileSync(join(srv.dataDir, 'db.json'), 'utf8')) as Record<string, { id: number }[]>;
      expect(file.trainingRequests.map((r) => r.id)).toContain(made.id);
      const total = Number(
        (await admin.get('/trainingRequests' + q({ range: [0, 0] }))).headers.get('content-range')!.split('/')[1],
      );
      expect(file.trainingRequests).toHaveLength(total);
      return;
    }
    const sql = (srv.store as PgStore).sql;
    expect(
      (await sql.query("SELECT 1 FROM schema_migrations WHERE version = 'definition:training_requests'")).rows,
    ).toHaveLength(1);
    const cols = (
      await sql.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'training_requests'",
      )
    ).rows.map((c) => c.column_name);
    expect(cols).toEqual(
      expect.arrayContaining([
        'code',
        'status',
        'course',
        'fee',
        'assistant_id',
        'submitted_at',
        'approved_at',
        'created_by',
        'search_grams',
      ]),
    );
    const ix = (
      await sql.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'training_requests'")
    ).rows.map((i) => i.indexname);
    expect(ix).toEqual(
      expect.arrayContaining([
        'training_requests_search_grams',
        'training_requests_status',
        'training_requests_assistant_id_submitted_at',
      ]),
    );
    const counted = (
      await sql.query<{ n: string }>("SELECT n::text AS n FROM row_counts WHERE tbl = 'training_requests'")
    ).rows[0]?.n;
    const real = (await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM training_requests')).rows[0].n;
    expect(counted).toBe(real);
  });
});
