import { afterEach, describe, expect, it, vi } from 'vitest';
import * as shim from '../../src/demo/node/crypto';
import { DemoBuffer } from '../../src/demo/node/buffer';

/**
 * The training desk runs the API core in the browser with src/demo/node standing in for Node's
 * crypto and Buffer (vite.demo.config.ts). Each stand-in must compute what Node computes, and the
 * core's own token and password code, run over them, must agree with the server's.
 */

// the core's modules imported below get the stand-in, as in the demo build
vi.mock('node:crypto', () => import('../../src/demo/node/crypto'));

const real = await vi.importActual<typeof import('node:crypto')>('node:crypto');

const samples = [
  '',
  'a',
  'baoyi2026',
  '寶億客服台 · 订单 SO-20261127-0001',
  JSON.stringify({ sid: 'x-_y', uid: 17, exp: 1_900_000_000 }),
  '\u{1F600} emoji',
];

afterEach(() => vi.unstubAllGlobals());

describe('Buffer stand-in', () => {
  it('encodes and decodes as Node does (utf8, base64, base64url, hex)', () => {
    const bytes = [
      new Uint8Array(0),
      real.randomBytes(1),
      real.randomBytes(2),
      real.randomBytes(31),
      real.randomBytes(32),
      real.randomBytes(1000),
    ];
    for (const b of bytes) {
      for (const enc of ['base64', 'base64url', 'hex'] as const) {
        const text = Buffer.from(b).toString(enc);
        expect(DemoBuffer.from(b).toString(enc)).toBe(text);
        expect([...DemoBuffer.from(text, enc)]).toEqual([...b]);
      }
    }
    for (const s of samples) {
      expect([...DemoBuffer.from(s)]).toEqual([...Buffer.from(s)]);
      expect(DemoBuffer.from(s).toString('utf8')).toBe(s);
      expect(DemoBuffer.from(s).toString('base64url')).toBe(Buffer.from(s).toString('base64url'));
    }
  });

  it('reads base64 of either alphabet, unpadded, skipping and stopping where Node does', () => {
    for (const text of [
      'YWJj',
      'YWI',
      'YQ',
      'Y',
      'YWJjZ',
      'Pz8_',
      'Pz8/',
      'YWJj.ZGVm',
      'YW Jj',
      'YWJj=ZGVm',
      'YQ==YWJj',
      'YWJj\nZGVm',
      'YWJj!!ZA',
    ]) {
      expect([...DemoBuffer.from(text, 'base64url')]).toEqual([...Buffer.from(text, 'base64url')]);
    }
    expect([...DemoBuffer.from('0aFfzz', 'hex')]).toEqual([...Buffer.from('0aFfzz', 'hex')]);
  });

  it('refuses an encoding it does not know instead of computing something else', () => {
    expect(() => DemoBuffer.from('x', 'latin1')).toThrow(/Unknown encoding/);
    expect(() => DemoBuffer.from('x').toString('ucs2')).toThrow(/Unknown encoding/);
  });
});

describe('node:crypto stand-in', () => {
  it('HMAC-SHA256 and SHA-256 equal Node’s, as bytes and encoded', () => {
    const key = real.randomBytes(32);
    for (const s of samples) {
      expect(shim.createHmac('sha256', key).update(s).digest('base64url')).toBe(
        real.createHmac('sha256', key).update(s).digest('base64url'),
      );
      expect([...shim.createHmac('sha256', key).update(s).digest()]).toEqual([
        ...real.createHmac('sha256', key).update(s).digest(),
      ]);
      expect([...shim.createHash('sha256').update(s, 'utf8').digest()]).toEqual([
        ...real.createHash('sha256').update(s, 'utf8').digest(),
      ]);
    }
    expect(() => shim.createHash('md5')).toThrow(/not supported/);
  });

  it('scrypt derives Node’s key', async () => {
    const salt = real.randomBytes(16);
    const opts = { N: 1024, r: 8, p: 1 };
    const mine = await new Promise<Uint8Array>((resolve, reject) =>
      shim.scrypt('baoyi2026', salt, 32, opts, (e, k) => (e ? reject(e) : resolve(k))),
    );
    expect([...mine]).toEqual([...real.scryptSync('baoyi2026', salt, 32, opts)]);
  });

  it('timingSafeEqual compares, and throws on different lengths as Node does', () => {
    const a = real.randomBytes(32);
    expect(shim.timingSafeEqual(a, Uint8Array.from(a))).toBe(true);
    const b = Uint8Array.from(a);
    b[31] ^= 1;
    expect(shim.timingSafeEqual(a, b)).toBe(false);
    expect(() => shim.timingSafeEqual(a, a.subarray(1))).toThrow(RangeError);
    expect(() => real.timingSafeEqual(a, a.subarray(1))).toThrow(RangeError);
  });

  it('randomBytes gives fresh bytes of the size asked', () => {
    const a = shim.randomBytes(32);
    expect(a.length).toBe(32);
    expect(a.toString('hex')).not.toBe(shim.randomBytes(32).toString('hex'));
  });
});

describe('the core’s tokens and passwords over the stand-ins (Buffer too)', () => {
  it('signs and verifies the server’s tokens, and checks the server’s password hashes', async () => {
    const { signToken, verifyToken } = await import('../../server/auth/tokens');
    const { hashPassword, verifyPassword } = await import('../../server/auth/password');
    const secret = real.randomBytes(32);
    const payload = { sid: 'abc_-123', uid: 7, exp: 2_000_000_000 };
    // what the server signs (Node's HMAC, Node's Buffer) …
    const serverToken = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${real
      .createHmac('sha256', secret)
      .update(Buffer.from(JSON.stringify(payload)).toString('base64url'))
      .digest('base64url')}`;
    // … hashed by the server (Node's scrypt), N = 2^10 as the desk's demo users
    const salt = real.randomBytes(16);
    const serverHash = [
      'scrypt',
      1024,
      8,
      1,
      salt.toString('base64url'),
      real.scryptSync('baoyi2026', salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64url'),
    ].join('$');

    vi.stubGlobal('Buffer', DemoBuffer);
    const demoSecret = DemoBuffer.from(secret) as unknown as Buffer;
    expect(signToken(payload, demoSecret)).toBe(serverToken);
    expect(verifyToken(serverToken, demoSecret, 1_000_000_000_000)).toEqual(payload);
    expect(
      verifyToken(
        serverToken.slice(0, -6) + (serverToken.at(-6) === 'A' ? 'B' : 'A') + serverToken.slice(-5),
        demoSecret,
        1_000_000_000_000,
      ),
    ).toBeNull();
    expect(verifyToken(serverToken, demoSecret, 2_000_000_001_000)).toBeNull(); // expired
    expect(await verifyPassword('baoyi2026', serverHash)).toBe(true);
    expect(await verifyPassword('baoyi2027', serverHash)).toBe(false);
    const demoHash = await hashPassword('baoyi2026', 1024);
    expect(demoHash).toMatch(/^scrypt\$1024\$8\$1\$/);
    vi.unstubAllGlobals();
    // and the server reads the desk's hashes
    const [, n, r, p, s, h] = demoHash.split('$');
    expect(
      real
        .scryptSync('baoyi2026', Buffer.from(s, 'base64url'), 32, { N: Number(n), r: Number(r), p: Number(p) })
        .toString('base64url'),
    ).toBe(h);
  });

  it('logs a demo user in through the API core and answers /auth/me', async () => {
    const { createApi } = await import('../../server/core/api');
    const { hashPassword } = await import('../../server/auth/password');
    const { seedDemoBranch } = await import('../../server/seed');
    const { MemoryStore } = await import('../../server/store/json/memoryStore');
    vi.stubGlobal('Buffer', DemoBuffer);
    const store = new MemoryStore();
    await seedDemoBranch(store, {
      customers: 10,
      days: 2,
      perWorkingDay: 4,
      hashPassword: (pw) => hashPassword(pw, 1024),
    });
    const api = createApi({ store, secret: shim.randomBytes(32) as unknown as Buffer });
    const req = (method: string, path: string, body?: unknown, token?: string) =>
      api({
        method,
        path,
        query: new URLSearchParams(),
        headers: token ? { authorization: `Bearer ${token}` } : {},
        body,
        ip: 'msw',
      });
    const bad = await req('POST', '/auth/login', { username: 'assistant', password: 'wrong-one' });
    expect(bad.status).toBe(401);
    const login = await req('POST', '/auth/login', { username: 'assistant', password: 'baoyi2026' });
    expect(login.status).toBe(200);
    const { token } = login.body as { token: string };
    const me = await req('GET', '/auth/me', undefined, token);
    expect(me).toMatchObject({ status: 200, body: { username: 'assistant', role: 'assistant', group: 'ecommerce' } });
    // a MAC changed in one character (not the last: its low bits are padding)
    const i = token.length - 5;
    const forged = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    expect((await req('GET', '/auth/me', undefined, forged)).status).toBe(401);
  });
});
