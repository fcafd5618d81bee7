import { hmac } from '@noble/hashes/hmac.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesOf, DemoBuffer, type DemoBytes } from './buffer';

/**
 * `node:crypto` for the training desk (vite.demo.config.ts aliases it here): the few functions the
 * API core calls — bearer-token HMACs and session ids (server/auth/tokens.ts), scrypt password
 * hashes (server/auth/password.ts), the intake key's comparison (server/core/intake.ts) — with the
 * same results as Node's (test/demo/nodeShims.test.ts), so the core runs unchanged in the browser.
 * HMAC and SHA-256 must be synchronous there (the core signs tokens synchronously), which WebCrypto
 * is not: @noble/hashes (audited, no dependencies) computes them, and scrypt.
 */

type Digest = { (): DemoBytes; (encoding: string): string };
interface Hash {
  update(data: string | Uint8Array, encoding?: string): Hash;
  digest: Digest;
}

function sha256Only(algorithm: string) {
  if (algorithm.toLowerCase() !== 'sha256')
    throw new Error(`Digest method not supported in the training desk: ${algorithm}`);
}

function hashOf(h: { update(b: Uint8Array): unknown; digest(): Uint8Array }): Hash {
  const self: Hash = {
    update(data, encoding) {
      h.update(bytesOf(data, encoding));
      return self;
    },
    digest: ((encoding?: string) => {
      const out = DemoBuffer.from(h.digest());
      return encoding ? out.toString(encoding) : out;
    }) as Digest,
  };
  return self;
}

export function createHmac(algorithm: string, key: string | Uint8Array): Hash {
  sha256Only(algorithm);
  return hashOf(hmac.create(sha256, bytesOf(key)));
}

export function createHash(algorithm: string): Hash {
  sha256Only(algorithm);
  return hashOf(sha256.create());
}

export function randomBytes(size: number): DemoBytes {
  const out = DemoBuffer.alloc(size);
  crypto.getRandomValues(out);
  return out;
}

/** Compares in time that depends on the length only; throws on different lengths, as Node does. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) throw new RangeError('Input buffers must have the same byte length');
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export interface ScryptOptions {
  N?: number;
  r?: number;
  p?: number;
  maxmem?: number;
}

/** Node's callback form; the work yields to the page every few milliseconds (noble's scryptAsync). */
export function scrypt(
  password: string | Uint8Array,
  salt: string | Uint8Array,
  keylen: number,
  options: ScryptOptions,
  callback: (err: Error | null, key: DemoBytes) => void,
): void {
  const { N = 16384, r = 8, p = 1, maxmem } = options;
  scryptAsync(bytesOf(password), bytesOf(salt), { N, r, p, dkLen: keylen, ...(maxmem ? { maxmem } : {}) }).then(
    (key) => callback(null, DemoBuffer.from(key)),
    (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), DemoBuffer.alloc(0)),
  );
}
