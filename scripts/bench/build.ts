import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The two SPAs the bench sizes and renders, built by the repo's Vite into the bench's temp folder
 * (never into dist/):
 *
 * - `ours`: the current source with the repo's vite.config.ts (`vite build --outDir <dir>`);
 * - `floor`: scripts/bench/floor/ — a bare react-admin app (Admin + ra-data-simple-rest +
 *   one ListGuesser), with the same Vite and React plugin, base './' so it can be served from a
 *   sub-folder (/floor/) of the same server.
 *
 * run.ts runs each build as a child process (`tsx scripts/bench/build.ts <ours|floor> <outDir>`),
 * alongside the data generation, so Vite's work and memory stay out of the measuring process.
 */

export type AppName = 'ours' | 'floor';

const ROOT = resolve(import.meta.dirname, '../..');
export const FLOOR_DIR = resolve(import.meta.dirname, 'floor');

export async function buildApp(app: AppName, outDir: string): Promise<void> {
  const { build } = await import('vite');
  if (app === 'ours') {
    await build({
      root: ROOT,
      configFile: resolve(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    });
  } else {
    const react = (await import('@vitejs/plugin-react')).default;
    await build({
      root: FLOOR_DIR,
      configFile: false,
      base: './',
      plugins: [react()],
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2000, reportCompressedSize: false },
    });
  }
}

export interface Built {
  app: AppName;
  outDir: string;
  /** the build's own time (vite build() in the child) */
  seconds: number;
  /** why the build failed (its output's end), or undefined */
  failure?: string;
}

/** build in a child process; resolves (never rejects) with the time taken or the failure */
export function buildInChild(app: AppName, outDir: string, timeoutMs = 600_000): Promise<Built> {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'build.ts'), app, outDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => void (out = (out + b.toString()).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const stop = () => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL');
  process.once('exit', stop);
  return new Promise((res) => {
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('exit', stop);
      // the child's own figure: this process may see the exit late (a long synchronous stretch, e.g. seeding)
      const own = /BUILT in ([\d.]+) s/.exec(out);
      const seconds = own ? Number(own[1]) : (Date.now() - t0) / 1000;
      const failure =
        code === 0
          ? undefined
          : `vite build (${app}) exited ${code ?? signal}: ${out.trim().split('\n').slice(-8).join(' / ').slice(0, 1500)}`;
      res({ app, outDir, seconds, failure });
    });
  });
}

// CLI: tsx scripts/bench/build.ts <ours|floor> <outDir>
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [app, outDir] = process.argv.slice(2);
  if ((app !== 'ours' && app !== 'floor') || !outDir) {
    console.error('usage: npx tsx scripts/bench/build.ts <ours|floor> <outDir>');
    process.exit(2);
  }
  const t0 = performance.now();
  buildApp(app, resolve(outDir)).then(
    () => {
      console.log(`BUILT in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exit(1);
    },
  );
}
