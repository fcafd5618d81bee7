import { spawn, type ChildProcess } from 'node:child_process';

/** Runs the real server (`server/main.ts`, or another entry: `script`) as a child process on a free port. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  kill9: () => Promise<void>;
  stop: () => Promise<void>;
}

/** `wrap`: a command the server runs under, e.g. `setpriv --reuid …` to run it as another user */
export function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
  script = 'server/main.ts',
  wrap: string[] = [],
): Promise<ServerProcess> {
  const argv = [...wrap, process.execPath, '--import', 'tsx', script];
  const child = spawn(argv[0], argv.slice(1), {
    env: {
      ...process.env,
      PORT: '0',
      STATIC_DIR: '/nonexistent',
      SEED_CUSTOMERS: '20',
      SEED_DAYS: '3',
      SEED_PER_DAY: '5',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), timeoutMs);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: `http://127.0.0.1:${m[1]}`,
          child,
          output: () => out,
          kill9: async () => {
            child.kill('SIGKILL');
            await exited;
          },
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out}`));
    });
  });
}
