import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from './http';

/**
 * The two servers under test, as child processes on 127.0.0.1: ours (`server/main.ts`, the embedded PostgreSQL
 * in a DATA_DIR, no seeding) and stock json-server 0.17 (its CLI on a db.json). Every child is
 * registered so an exit, a failure or Ctrl-C kills it.
 */

export interface RunningServer {
  kind: 'ours' | 'stock' | 'replay';
  base: string;
  pid: number;
  child: ChildProcess;
  /** spawn → ready (ours: the LISTENING line; stock: first answered request), ms */
  startMs: number;
  output: () => string;
  /** why the server is gone (it exited, with the end of its output), or null while it runs */
  dead: () => string | null;
  stop: () => Promise<void>;
}

function deadness(child: ChildProcess, output: () => string) {
  return () => {
    if (child.exitCode === null && child.signalCode === null) return null;
    const lines = output().trim().split('\n');
    // a crash names itself in one line (V8: "FATAL ERROR: … JavaScript heap out of memory")
    const cause = lines.find((l) => /FATAL ERROR|out of memory|RangeError|Error:/.test(l));
    return `server exited (${child.exitCode ?? child.signalCode})${cause ? `: ${cause.trim().slice(0, 300)}` : `: ${lines.slice(-4).join(' / ').slice(0, 400)}`}`;
  };
}

const children = new Set<ChildProcess>();

function killAll() {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}
process.once('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(sig, () => {
    killAll();
    process.exit(130);
  });
}

function track(child: ChildProcess) {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

async function stopChild(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

const ROOT = resolve(import.meta.dirname, '../..');

/** `staticDir`: the built SPA(s) the server also serves (the browser measurement); none by default */
export function startOurs(dataDir: string, staticDir = '/nonexistent', timeoutMs = 120_000): Promise<RunningServer> {
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED: 'none',
    STATIC_DIR: staticDir,
    STORE: '',
    DATABASE_URL: '',
  };
  return spawnListening('ours', ['--import', 'tsx', 'server/main.ts'], env, timeoutMs);
}

/** the no-work server (replayServer.ts) on the pages recorded in `pagesFile` */
export function startReplay(pagesFile: string, timeoutMs = 60_000): Promise<RunningServer> {
  return spawnListening(
    'replay',
    ['--import', 'tsx', 'scripts/bench/replayServer.ts', pagesFile],
    process.env,
    timeoutMs,
  );
}

/** a Node child that prints `LISTENING <port>` when it is ready */
function spawnListening(
  kind: RunningServer['kind'],
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<RunningServer> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  track(child);
  let out = '';
  return new Promise((res, rej) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new Error(`${kind} server did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.length > 100_000) out = out.slice(-50_000);
      const m = /LISTENING (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        // keep draining the pipes so the child never blocks on a full pipe
        child.stdout!.on('data', (x: Buffer) => void (out = (out + x.toString()).slice(-50_000)));
        const output = () => out;
        res({
          kind,
          base: `http://127.0.0.1:${m[1]}`,
          pid: child.pid!,
          child,
          startMs: performance.now() - t0,
          output,
          dead: deadness(child, output),
          stop: () => stopChild(child),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (b: Buffer) => void (out = (out + b.toString()).slice(-50_000)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`${kind} server exited (${code}) before listening:\n${out}`));
    });
  });
}

export async function startStock(dbJson: string, timeoutMs = 300_000): Promise<RunningServer> {
  const port = await freePort();
  const bin = resolve(ROOT, 'node_modules/json-server/lib/cli/bin.js');
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, '--host', '127.0.0.1', '--port', String(port), '--quiet', dbJson], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => void (out = (out + b.toString()).slice(-50_000)));
  child.stderr!.on('data', (b: Buffer) => void (out = (out + b.toString()).slice(-50_000)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`json-server exited (${child.exitCode}):\n${out}`);
    try {
      const r = await request(base, 'GET', '/users/1', undefined, {}, 2000);
      if (r.status === 200) {
        const output = () => out;
        return {
          kind: 'stock',
          base,
          pid: child.pid!,
          child,
          startMs: performance.now() - t0,
          output,
          dead: deadness(child, output),
          stop: () => stopChild(child),
        };
      }
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  child.kill('SIGKILL');
  throw new Error(`json-server did not answer in ${timeoutMs} ms:\n${out}`);
}

/** resident and peak memory of a process, MB (from /proc/<pid>/status) */
export function memoryOf(pid: number): { rssMB: number; peakMB: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => {
      const line = s.split('\n').find((l) => l.startsWith(`${k}:`));
      return line
        ? Number(
            line
              .slice(k.length + 1)
              .trim()
              .split(/\s+/)[0],
          )
        : NaN;
    };
    const rss = kb('VmRSS');
    // a zombie (exited, not yet reaped) has no VmRSS
    return Number.isNaN(rss) ? null : { rssMB: rss / 1024, peakMB: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}
