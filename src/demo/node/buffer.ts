/**
 * The part of Node's Buffer that the API core uses (server/auth: tokens and password hashes), for
 * the training desk, where the core runs in the browser. Installed as `globalThis.Buffer` before the
 * core runs (../backend.ts). Encodings: utf8, base64, base64url, hex; any other throws, so a new use
 * in the core shows up at once instead of computing something else (test/demo/nodeShims.test.ts
 * checks every operation against Node's own Buffer).
 */

type Encoding = 'utf8' | 'utf-8' | 'base64' | 'base64url' | 'hex';

function encodingOf(enc: string | undefined): Encoding {
  const e = (enc ?? 'utf8').toLowerCase();
  if (e === 'utf8' || e === 'utf-8' || e === 'base64' || e === 'base64url' || e === 'hex') return e;
  throw new TypeError(`Unknown encoding: ${enc}`);
}

function decodeBase64(text: string): Uint8Array {
  // as Node: both alphabets, padding optional, other characters skipped, the end at the first '='
  const std = text
    .split('=')[0]
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .replace(/[^A-Za-z0-9+/]/g, '');
  const whole = std.length % 4 === 1 ? std.slice(0, -1) : std;
  const bin = atob(whole + '='.repeat((4 - (whole.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function encodeBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function decodeHex(text: string): Uint8Array {
  const n = Math.floor(text.length / 2);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const byte = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
    if (Number.isNaN(byte)) return out.slice(0, i); // Node stops at the first pair that is not hex
    out[i] = byte;
  }
  return out;
}

/** Bytes that print themselves as Node's Buffer does (`toString(encoding)`). */
export class DemoBytes extends Uint8Array {
  override toString(encoding?: string): string {
    const enc = encodingOf(encoding);
    if (enc === 'hex') return Array.from(this, (b) => b.toString(16).padStart(2, '0')).join('');
    if (enc === 'base64') return encodeBase64(this);
    if (enc === 'base64url') return encodeBase64(this).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    return new TextDecoder().decode(this);
  }
}

const wrap = (bytes: Uint8Array) => new DemoBytes(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length);

/** `Buffer` as the core calls it (`Buffer.from`, `x instanceof Buffer` …), making DemoBytes. */
export class DemoBuffer {
  private constructor() {}

  /** Buffer.from(string, encoding) | Buffer.from(bytes) (a copy) */
  static from(value: string | ArrayLike<number> | ArrayBuffer, encoding?: string): DemoBytes {
    if (typeof value === 'string') {
      const enc = encodingOf(encoding);
      return wrap(
        enc === 'base64' || enc === 'base64url'
          ? decodeBase64(value)
          : enc === 'hex'
            ? decodeHex(value)
            : new TextEncoder().encode(value),
      );
    }
    if (value instanceof ArrayBuffer) return wrap(new Uint8Array(value.slice(0)));
    return wrap(Uint8Array.from(value));
  }

  static alloc(size: number): DemoBytes {
    return new DemoBytes(size);
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof DemoBytes;
  }
}

/** Bytes of a string (utf8 unless told) or of a byte array, as Node's crypto takes them. */
export function bytesOf(data: string | Uint8Array, encoding?: string): Uint8Array {
  return typeof data === 'string' ? DemoBuffer.from(data, encoding) : data;
}

/** The core reads `Buffer` as a global (Node's); the training desk gives it this one. */
export function installBuffer(): void {
  const g = globalThis as { Buffer?: unknown };
  g.Buffer ??= DemoBuffer;
}
