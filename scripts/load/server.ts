import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openPostgres } from '../../server/store/pg/driver';
import type { LoadOptions } from './options';

/**
 * The server under load: `server/main.ts` as a child process on 127.0.0.1 and a free port, over a
 * fresh store seeded on its first start (own temp DATA_DIR; the embedded PostgreSQL, STORE=json, or a fresh
 * PostgreSQL database). The child is killed when this process exits, fails or is interrupted.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const MAX_OUTPUT = 200_000;

export interface LoadServer {
  url: string;
  pid: number;
  dataDir: string;
  /** seeding + start, ms */
  startMs: number;
  /** the server's console output (its end, when long) */
  output: () => string;
  /** why the child is gone, or null while it runs */
  dead: () => string | null;
  /** resident memory of the child now (VmRSS) and its peak (VmHWM), in MiB; null off Linux */
  memory: () => { rssMiB: number; peakMiB: number } | null;
  /** stop the child, remove its data (unless kept) */
  dispose: () => Promise<void>;
}

const children = new Set<ChildProcess>();
const cleanups: (() => void)[] = [];

function killAllNow() {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const f of cleanups.splice(0)) {
    try {
      f();
    } catch {
      // best effort on the way out
    }
  }
}
process.once('exit', killAllNow);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(sig, () => {
    console.error(`\n${sig}: stopping the server child`);
    killAllNow();
    process.exit(130);
  });
}

function readStatus(pid: number): { rssMiB: number; peakMiB: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => {
      const line = text.split('\n').find((l) => l.startsWith(name + ':')) ?? '';
      return Number(line.replace(/[^0-9]/g, ''));
    };
    const mib = (k: number) => Math.round(k / 102.4) / 10;
    return { rssMiB: mib(kb('VmRSS')), peakMiB: mib(kb('VmHWM')) };
  } catch {
    return null;
  }
}

async function freshPostgres(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `baoyi_load_${randomBytes(5).toString('hex')}`;
  const admin = await openPostgres(base);
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = await openPostgres(base);
      try {
        await a.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.close();
      }
    },
  };
}

export async function startLoadServer(
  o: LoadOptions,
  timeoutMs = 300_000,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<LoadServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baoyi-load-'));
  const removeDir = () => {
    if (!o.keep) rmSync(dataDir, { recursive: true, force: true });
  };
  cleanups.push(removeDir);
  let pg: { url: string; drop: () => Promise<void> } | null = null;
  if (o.store === 'postgres') pg = await freshPostgres(o.databaseUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    STATIC_DIR: '/nonexistent',
    DATA_DIR: dataDir,
    STORE: o.store === 'json' ? 'json' : '',
    DATABASE_URL: pg?.url ?? '',
    SEED: '',
    SEED_CUSTOMERS: String(o.customers),
    SEED_DAYS: String(o.days),
    SEED_PER_DAY: String(o.perDay),
    ...extraEnv,
  };
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let out = '';
  const onData = (b: Buffer) => {
    out += b.toString();
    if (out.length > MAX_OUTPUT) out = out.slice(-MAX_OUTPUT / 2);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const dead = () =>
    child.exitCode === null && child.signalCode === null
      ? null
      : `server exited (${child.exitCode ?? child.signalCode}): ${out.trim().split('\n').slice(-5).join(' / ').slice(0, 600)}`;

  const port = await new Promise<number>((res, rej) => {
    const timer = setTimeout(
      () => rej(new Error(`server did not start in ${timeoutMs / 1000} s:\n${out.slice(-3000)}`)),
      timeoutMs,
    );
    const check = () => {
      const m = /LISTENING (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        child.stderr!.off('data', check);
        res(Number(m[1]));
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`server exited (${code}) before listening:\n${out.slice(-3000)}`));
    });
  }).catch(async (e) => {
    child.kill('SIGKILL');
    await exited;
    removeDir();
    if (pg && !o.keep) await pg.drop().catch(() => undefined);
    throw e;
  });

  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    dataDir,
    startMs: Math.round(performance.now() - t0),
    output: () => out,
    dead,
    memory: () => readStatus(child.pid!),
    dispose: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      removeDir();
      if (pg && !o.keep) await pg.drop().catch((e) => console.error(`could not drop the load database: ${e}`));
    },
  };
}
