import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type SqlDriver } from '../../server/store/pg/driver';
import { PgStore } from '../../server/store/pg/pgStore';
import { SessionCache, type SessionUser } from '../../server/store/pg/sessionCache';
import { recordingDriver } from '../helpers/sqlLog';

/**
 * The embedded store keeps the sessions it answered in memory (it is the database's only
 * writer), and drops them when a session is revoked or users are written — so a request after
 * a logout or a deactivation is refused as before, and one before it costs no statement.
 */

const sent: string[] = [];
let raw: SqlDriver;
let pg: PgStore;
let userId: number;
const SESSION = { id: 's-1', expiresAt: '2026-12-28T00:00:00.000Z', revokedAt: null };

beforeAll(async () => {
  raw = await openPglite(undefined);
  pg = await PgStore.open(recordingDriver(raw, sent));
  userId = await pg.transaction(async (tx) => Number((await tx.insert('users', { username: 'a1', fullName: '助理', role: 'assistant', group: 'smb', active: true, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' })).id));
  await pg.createSession({ ...SESSION, userId });
});
afterAll(() => pg.close());

const sessionReads = () => sent.filter((s) => /FROM sessions/.test(s)).length;

describe('sessions on the embedded store', () => {
  it('asks the database once for a session, then answers from memory', async () => {
    sent.length = 0;
    const first = await pg.getSessionUser('s-1');
    const again = await pg.getSessionUser('s-1');
    expect(first?.user?.role).toBe('assistant');
    expect(again).toEqual(first);
    expect(sessionReads()).toBe(1);
  });

  it('a user written in a transaction is read anew (role, active)', async () => {
    await pg.getSessionUser('s-1');
    await pg.transaction(async (tx) => {
      const u = (await tx.lock('users', userId))!;
      await tx.update('users', { ...u, id: userId, active: false, role: 'teamLead', version: Number(u.version) + 1 }, Number(u.version));
    });
    sent.length = 0;
    const after = await pg.getSessionUser('s-1');
    expect(after?.user).toMatchObject({ active: false, role: 'teamLead' });
    expect(sessionReads()).toBe(1);
  });

  it('a revoked session is read as revoked at once', async () => {
    expect((await pg.getSessionUser('s-1'))?.session.revokedAt).toBeNull();
    await pg.revokeSession('s-1', '2026-11-28T08:00:00.000Z');
    expect((await pg.getSessionUser('s-1'))?.session.revokedAt).toBe('2026-11-28T08:00:00.000Z');
  });

  it('on a PostgreSQL server (other processes write too) every request asks the database', async () => {
    const server = await PgStore.open({ ...recordingDriver(raw, sent), kind: 'postgres' });
    await server.createSession({ id: 's-2', expiresAt: SESSION.expiresAt, revokedAt: null, userId });
    sent.length = 0;
    await server.getSessionUser('s-2');
    await server.getSessionUser('s-2');
    expect(sessionReads()).toBe(2);
  });
});

describe('SessionCache', () => {
  const answer = (revokedAt: string | null): SessionUser => ({ session: { id: 'x', userId: 1, expiresAt: SESSION.expiresAt, revokedAt }, user: undefined });

  it('does not keep an answer read before a drop that came while it was read', async () => {
    const cache = new SessionCache();
    let finish!: (v: SessionUser) => void;
    const inFlight = cache.get('x', () => new Promise((r) => (finish = r)));
    cache.drop('x'); // revoked while the read was under way: its answer may predate the revocation
    finish(answer(null));
    expect((await inFlight)?.session.revokedAt).toBeNull();
    let reads = 0;
    const now = await cache.get('x', async () => (reads++, answer('2026-11-28T08:00:00.000Z')));
    expect(now?.session.revokedAt).toBe('2026-11-28T08:00:00.000Z');
    expect(reads).toBe(1);
  });

  it('keeps no unknown session, and at most MAX sessions', async () => {
    const cache = new SessionCache();
    let reads = 0;
    const unknown = async () => (reads++, undefined);
    await cache.get('nope', unknown);
    await cache.get('nope', unknown);
    expect(reads).toBe(2);
    for (let i = 0; i <= SessionCache.MAX; i++) await cache.get(`s${i}`, async () => answer(null));
    let again = 0;
    await cache.get('s0', async () => (again++, answer(null)));
    expect(again).toBe(1); // the cache was emptied when it filled up
  });
});
