import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The SPA's initial JavaScript: the files dist/index.html loads before anything runs — its
 * module scripts and modulepreload links — with their gzip size (zlib, default level 6 as
 * most servers use, and level 9). Lazy chunks are not counted.
 */

export interface BundleSize {
  dir: string;
  files: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
  gzip9: number;
}

export function initialJsSize(distDir: string): BundleSize | null {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return null;
  const html = readFileSync(index, 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(m[0]);
    if (href) refs.add(href[1]);
  }
  const files: BundleSize['files'] = [];
  let gzip9 = 0;
  for (const ref of refs) {
    if (/^(https?:)?\/\//.test(ref) || !ref.endsWith('.js')) continue;
    const path = join(distDir, ref.replace(/^\//, ''));
    if (!existsSync(path)) continue;
    const buf = readFileSync(path);
    files.push({ file: ref, bytes: buf.length, gzip: gzipSync(buf).length });
    gzip9 += gzipSync(buf, { level: 9 }).length;
  }
  return {
    dir: distDir,
    files,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
    gzip9,
  };
}
