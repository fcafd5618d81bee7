/**
 * What a value typed into the desk may be, checked the same way on every store (PostgreSQL, the
 * json file, the training desk) so that a backup of one restores into any other: dates that exist
 * on the calendar (no rollover — 2026-02-30 is not 2026-03-02, 24:00 is not the next day), years a
 * branch's paper can carry, whole numbers a database id can hold, and text without the characters
 * PostgreSQL cannot store (NUL) or that are not text at all (a lone UTF-16 surrogate).
 */

/** the years a date of the desk may carry (a customer's first trade, a delivery promise, a report day) */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2199;
/** the greatest id (and whole number) a database integer column holds */
export const MAX_INT = 2147483647;
export const MIN_INT = -2147483648;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

const daysIn = (y: number, m: number) =>
  [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

function validDay(y: number, m: number, d: number): boolean {
  return y >= YEAR_MIN && y <= YEAR_MAX && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

/** 'YYYY-MM-DD' naming a day that exists, in YEAR_MIN…YEAR_MAX */
export function isIsoDay(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = DAY.exec(v);
  return !!m && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** an ISO instant with its offset ('…T08:30Z', '…T08:30:00.000+08:00') naming a time that exists */
export function isIsoInstant(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = INSTANT.exec(v);
  if (!m || !validDay(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59)) return false;
  return m[8] === 'Z' || (Number(m[10]) <= 14 && Number(m[11]) <= 59);
}

/** a day or an instant: what a date filter's bound may be (`receivedAt_gte: "2026-11-01"`) */
export const isIsoDayOrInstant = (v: unknown): v is string => isIsoDay(v) || isIsoInstant(v);

/** a whole number a database integer column holds */
export const isInt32 = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= MIN_INT && v <= MAX_INT;

/**
 * Why a text cannot be stored, or null: a NUL character (PostgreSQL refuses it in text and JSON)
 * or a lone surrogate (half a character: not text in any encoding a file or database keeps).
 */
export function unstorableText(v: string): 'nul' | 'surrogate' | null {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0) return 'nul';
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = v.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return 'surrogate';
    } else if (c >= 0xdc00 && c <= 0xdfff) return 'surrogate';
  }
  return null;
}

/**
 * The first unstorable text inside a value (its keys too), as a path (`lines.2.note`), or null.
 * Looks `depth` levels deep; deeper values are left to the checks that know their shape.
 */
export function findUnstorable(
  value: unknown,
  path = '',
  depth = 8,
): { path: string; why: 'nul' | 'surrogate' } | null {
  if (typeof value === 'string') {
    const why = unstorableText(value);
    return why ? { path, why } : null;
  }
  if (!value || typeof value !== 'object' || depth <= 0) return null;
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  for (const [k, v] of entries) {
    const at = path ? `${path}.${k}` : k;
    const why = unstorableText(k);
    if (why) return { path: at, why };
    const inner = findUnstorable(v, at, depth - 1);
    if (inner) return inner;
  }
  return null;
}
