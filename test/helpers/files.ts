import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** every file's path and bytes under `dir`, hashed: equal before and after ⇔ nothing was written, added or removed */
export function treeHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      h.update(`${rel}/${e.name}${e.isDirectory() ? '/' : ''}\n`);
      if (e.isDirectory()) walk(p, `${rel}/${e.name}`);
      else if (e.isFile()) h.update(readFileSync(p));
    }
  };
  walk(dir, '');
  return h.digest('hex');
}

/** the names in `dir` */
export const namesIn = (dir: string) => readdirSync(dir).sort();
