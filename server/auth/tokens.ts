import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Signed, expiring bearer tokens: base64url(payload).base64url(HMAC-SHA256). The payload names
 * a session row in the database, so logout (revocation) holds on every server process.
 */
export interface TokenPayload {
  sid: string;
  uid: number;
  exp: number; // unix seconds
  /** a narrow token: 'backup' may only read the export (minted by `npm run backup` from secret.key) */
  scope?: 'backup';
}

/** base64url as Node writes it: no padding */
const CANONICAL = /^[A-Za-z0-9_-]+$/;

export const TOKEN_TTL_SECONDS = 10 * 60 * 60; // one working day

export function signToken(payload: TokenPayload, secret: Buffer): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const mac = createHmac('sha256', secret).update(body).digest('base64url');
  return `${body}.${mac}`;
}

export function verifyToken(token: string, secret: Buffer, nowMs: number): TokenPayload | null {
  if (token.length > 1000) return null;
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined || !CANONICAL.test(body)) return null;
  // one encoding only: the MAC exactly as signToken writes it (base64url, no padding) — a variant
  // that decodes to the same bytes ('=' padding, '+' '/', other trailing bits) is another token, refused
  const expected = Buffer.from(createHmac('sha256', secret).update(body).digest('base64url'));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  // the payload too: the bytes it names written back must be the text given
  if (Buffer.from(body, 'base64url').toString('base64url') !== body) return null;
  try {
    const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
    if (typeof p.sid !== 'string' || !Number.isInteger(p.uid) || typeof p.exp !== 'number') return null;
    return p.exp * 1000 > nowMs ? p : null;
  } catch {
    return null;
  }
}

export const newSessionId = () => randomBytes(18).toString('base64url');

/** The signing secret: generated on first start into the data folder (mode 0600), never in git or the database. */
export function loadOrCreateSecret(dataDir: string): Buffer {
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(file, secret.toString('base64url'), { mode: 0o600, flag: 'wx' });
  return secret;
}

/**
 * The web shop's intake key (4.1.2): INTAKE_KEY, else DATA_DIR/intake.key (generated on first
 * start, mode 0600). The website sends it as `X-Intake-Key`.
 */
export function loadIntakeKey(dataDir: string, env = process.env): string {
  if (env.INTAKE_KEY) return env.INTAKE_KEY;
  const file = join(dataDir, 'intake.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}
