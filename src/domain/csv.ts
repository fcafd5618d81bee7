/**
 * CSV for Excel (RFC 4180, CRLF): a UTF-8 byte-order mark so Excel reads the Chinese as UTF-8,
 * cells quoted where needed, and text that Excel would run as a formula neutralised. Pure.
 */

/** Excel reads a UTF-8 file as UTF-8 only with this mark in front. */
export const BOM = '\uFEFF';
export const EOL = '\r\n';

/**
 * A text cell beginning with = + - @ (or a tab or carriage return, which Excel skips before one)
 * is a formula to Excel: `=HYPERLINK(…)` in a customer's contact would become a live link. Such a
 * cell gets a leading apostrophe, so Excel shows the text as typed (OWASP "CSV injection").
 * Numbers are written as numbers and need none.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell: a number as it is, text neutralised and quoted when it holds a comma, quote or line break. */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = neutralise(v);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: readonly (string | number | null | undefined)[]): string =>
  cells.map(csvCell).join(',') + EOL;

/**
 * How many records (rows after the header) a CSV text holds: line breaks outside quotes. The SPA
 * tells the user how many rows an export holds by counting what it received.
 */
export function countCsvRecords(text: string): number {
  let lines = 0;
  let quoted = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    if (!quoted && c === '\n') {
      lines += 1;
      content = false;
    } else if (!quoted && c === '\r') continue;
    else if (c !== '\uFEFF') content = true;
  }
  if (content) lines += 1; // a last line without its line break
  return Math.max(0, lines - 1);
}

/** Parses CSV text (the tests read exports back with it). */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
