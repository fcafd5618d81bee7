import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { refusal, RefusedError } from '../core/refusal';
import { KEY_LENGTH, type DeriveKey } from './password';

/**
 * Password hashing (scrypt, ~100 ms of a core each) on a small pool of worker threads of its own —
 * one or two, leaving a core to the server's thread and the database — with a bounded queue.
 * Node's own async scrypt runs on libuv's four threads, which the server's file reads share: 300
 * logins at once held `index.html` for 16 s. Here a flood of logins waits only on itself, and past
 * QUEUE_LIMIT waiting it is told to try again (429) instead of waiting for minutes. The hashes of
 * users who exist go first: a spray of unknown names (the cheap flood: known names meet their
 * five-failure throttle at once) waits behind the branch's clerks signing in.
 */

/** how many hashes may wait for a worker before a login is asked to try again */
export const QUEUE_LIMIT = 64;

// plain JavaScript, so the worker needs no TypeScript loader (tsx, vitest): scrypt and nothing else
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', (job) => {
  try {
    const key = scryptSync(job.password, Buffer.from(job.salt), job.keylen, { N: job.N, r: job.r, p: job.p, maxmem: 256 * job.N * job.r + 1048576 });
    parentPort.postMessage({ id: job.id, key });
  } catch (e) {
    parentPort.postMessage({ id: job.id, error: String(e && e.message) });
  }
});
`;

interface Job {
  id: number;
  password: string;
  salt: Uint8Array;
  N: number;
  r: number;
  p: number;
  resolve: (key: Buffer) => void;
  reject: (e: unknown) => void;
}

const BUSY = () =>
  new RefusedError(refusal(429, '同时登录的人太多，请稍后再试', 'Too many logins at once; try again in a moment'));

export class HashPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  /** hashes of users who exist, then the rest (unknown names: a spray) — each queue bounded */
  private readonly known: Job[] = [];
  private readonly unknown: Job[] = [];
  private started = 0;
  private nextId = 1;

  constructor(
    readonly size = Math.min(2, Math.max(1, availableParallelism() - 1)),
    private readonly queueLimit = QUEUE_LIMIT,
  ) {}

  /** scrypt's key, computed in a worker; refused (429) when QUEUE_LIMIT hashes wait already */
  readonly derive: DeriveKey = (password, salt, opts, known = true) =>
    new Promise<Buffer>((resolve, reject) => {
      const queue = known ? this.known : this.unknown;
      if (queue.length >= this.queueLimit) return reject(BUSY());
      queue.push({ id: this.nextId++, password, salt: new Uint8Array(salt), ...opts, resolve, reject });
      this.pump();
    });

  private pump() {
    while (this.known.length + this.unknown.length > 0) {
      const w = this.idle.pop() ?? (this.started < this.size ? this.spawn() : undefined);
      if (!w) return;
      const job = (this.known.length > 0 ? this.known : this.unknown).shift()!;
      this.busy.set(w, job);
      w.ref(); // a hash under way keeps the process up; an idle pool does not
      w.postMessage({
        id: job.id,
        password: job.password,
        salt: job.salt,
        N: job.N,
        r: job.r,
        p: job.p,
        keylen: KEY_LENGTH,
      });
    }
  }

  private spawn(): Worker {
    this.started++;
    const w = new Worker(WORKER_SOURCE, { eval: true });
    w.on('message', (m: { id: number; key?: Uint8Array; error?: string }) => {
      const job = this.busy.get(w);
      this.busy.delete(w);
      if (job) {
        if (m.key) job.resolve(Buffer.from(m.key));
        else job.reject(new Error(m.error ?? 'scrypt failed'));
      }
      w.unref();
      this.idle.push(w);
      this.pump();
    });
    // a worker that dies fails its job (the login answers 503, nothing changed) and is replaced on demand
    const gone = (e: unknown) => {
      const job = this.busy.get(w);
      this.busy.delete(w);
      const i = this.idle.indexOf(w);
      if (i >= 0) this.idle.splice(i, 1);
      this.started--; // once: the listeners go with it
      job?.reject(e instanceof Error ? e : new Error('password worker stopped'));
      w.removeAllListeners();
      this.pump();
    };
    w.once('error', gone);
    w.once('exit', gone);
    return w;
  }

  /** stop the workers (tests, shutdown) */
  async close(): Promise<void> {
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }
}

let shared: HashPool | undefined;
/** the process's pool (created on first use) */
export const sharedHashPool = (): HashPool => (shared ??= new HashPool());
