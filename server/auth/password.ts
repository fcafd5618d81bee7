import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Salted, slow password hashes (scrypt, N=2^15). Format: scrypt$N$r$p$salt$hash (base64url). */
const N = 1 << 15;
const R = 8;
const P = 1;
const KEYLEN = 32;

export const KEY_LENGTH = KEYLEN;

function scrypt(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(
      password,
      salt,
      KEYLEN,
      { ...opts, maxmem: 256 * (opts.N ?? N) * (opts.r ?? R) + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

/**
 * `cost` is scrypt's N, written into the hash (verifyPassword reads it back from there). Only the
 * in-browser training desk passes a lower one, for its demo users (src/demo/config.ts).
 */
export async function hashPassword(password: string, cost = N): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N: cost, r: R, p: P });
  return ['scrypt', cost, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * scrypt's key for a password: in this thread's pool (libuv's) by default; the server passes a
 * small worker pool of its own (hashPool.ts) so a flood of logins cannot take every thread.
 */
export type DeriveKey = (
  password: string,
  salt: Buffer,
  opts: { N: number; r: number; p: number },
  known?: boolean,
) => Promise<Buffer>;
export const deriveInProcess: DeriveKey = (password, salt, opts) => scrypt(password, salt, opts);

/** the parameters a stored hash may carry (anything else is no hash of ours) */
const sane = (n: number, r: number, p: number) =>
  Number.isInteger(Math.log2(n)) &&
  n >= 2 &&
  n <= 1 << 20 &&
  Number.isInteger(r) &&
  r >= 1 &&
  r <= 32 &&
  Number.isInteger(p) &&
  p >= 1 &&
  p <= 16;

export async function verifyPassword(
  password: string,
  stored: string | null | undefined,
  derive: DeriveKey = deriveInProcess,
): Promise<boolean> {
  if (!stored) {
    // same work either way, so a missing user is not told apart by timing
    await derive(password, randomBytes(16), { N, r: R, p: P }, false);
    return false;
  }
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash || !sane(Number(n), Number(r), Number(p))) return false;
  const expected = Buffer.from(hash, 'base64url');
  // a user who exists goes first where hashes wait (a spray of unknown names waits behind, hashPool.ts)
  const key = await derive(
    password,
    Buffer.from(salt, 'base64url'),
    { N: Number(n), r: Number(r), p: Number(p) },
    true,
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export const MIN_PASSWORD_LENGTH = 8;
