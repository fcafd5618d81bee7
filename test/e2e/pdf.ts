import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reading printed PDFs back with poppler-utils (`pdfinfo`, `pdftotext -layout`): the page count and
 * the text of the whole file or of one page. The PDFs live in test-results/prints (git-ignored).
 */
export const PRINTS_DIR = 'test-results/prints';

/** Where to write a PDF of this name (the folder is made on first use). */
export function pdfPath(name: string): string {
  mkdirSync(PRINTS_DIR, { recursive: true });
  return join(PRINTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.pdf`);
}

/** `Pages:` of `pdfinfo`. */
export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)\s*$/m.exec(info);
  if (!m) throw new Error(`pdfinfo ${file}: no page count in\n${info}`);
  return Number(m[1]);
}

/** `pdftotext -layout` of the file, or of one page (1-based) with `-f N -l N`. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

/**
 * The text without any whitespace: pdftotext puts spaces between CJK characters of letter-spaced
 * titles and pads columns, so texts are compared with all whitespace removed on both sides.
 */
export const squash = (s: string) => s.replace(/\s+/g, '');
