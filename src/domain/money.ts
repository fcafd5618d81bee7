// Money is CNY (元); all arithmetic is done in integer fen (分) so totals never drift
// (procedure.md, "Money is CNY (元); compute in integer fen (分)").
// Pure: no I/O, no locale/ICU dependency.

/** An amount in fen (分). Always an integer. */
export type Fen = number;

/**
 * Largest amount (in yuan) accepted as input or kept: just under 1 万亿元, the most the database's
 * money columns (numeric(14, 2)) hold — so the json store never keeps what PostgreSQL refuses.
 */
export const MAX_YUAN = 999_999_999_999.99;

function assertFen(v: number, what = 'fen'): void {
  if (!Number.isSafeInteger(v)) throw new RangeError(`${what} must be an integer number of fen, got ${v}`);
}

/**
 * Yuan → fen, rounded half away from zero to the nearest fen.
 * The product is first cut to 15 significant digits so binary float noise does not
 * decide the rounding: 1.005 → 101, 0.1 + 0.2 → 30, 19.99 → 1999.
 */
export function yuanToFen(yuan: number): Fen {
  if (!Number.isFinite(yuan)) throw new RangeError(`not a finite amount: ${yuan}`);
  const abs = Number((Math.abs(yuan) * 100).toPrecision(15));
  const fen = Math.round(abs);
  return fen === 0 ? 0 : Math.sign(yuan) * fen;
}

/** Fen → yuan (1999 → 19.99). For display use formatYuan. */
export function fenToYuan(fen: Fen): number {
  assertFen(fen);
  return fen / 100;
}

/**
 * A valid user-entered yuan amount: finite, 0 ≤ v ≤ MAX_YUAN (just under 1e12), at most 2 decimals.
 * "At most 2 decimals" means v is exactly the double nearest to a 2-decimal number,
 * so 19.99 is valid, 10.005 is not (nor is the raw float 0.1 + 0.2).
 */
export function isYuanAmount(v: unknown): v is number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_YUAN) return false;
  return Number(v.toFixed(2)) === v;
}

/** Line total = unit price × quantity, rounded to the nearest fen (half away from zero). */
export function lineTotalFen(unitPriceFen: Fen, qty: number): Fen {
  assertFen(unitPriceFen, 'unit price');
  if (!Number.isFinite(qty)) throw new RangeError(`quantity must be finite, got ${qty}`);
  const raw = unitPriceFen * qty;
  const fen = Math.round(Number(Math.abs(raw).toPrecision(15)));
  const total = fen === 0 ? 0 : Math.sign(raw) * fen;
  assertFen(total, 'line total');
  return total;
}

/** Sum of fen amounts (each must be an integer). */
export function sumFen(values: readonly Fen[]): Fen {
  let total = 0;
  for (const v of values) {
    assertFen(v);
    total += v;
  }
  assertFen(total, 'sum');
  return total;
}

/** "¥1,234.50"; negatives as "-¥1,234.50". Always 2 decimals, comma thousands separators. */
export function formatYuan(fen: Fen): string {
  assertFen(fen);
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}¥${yuan}.${cents}`;
}

// ---- 大写金额 (financial capitals, as printed on invoices / delivery notes) ----

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];

/** 1..9999 without leading 零; inner runs of zeros collapse to one 零, trailing zeros dropped. */
function group4(n: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + SMALL_UNITS[pos];
  }
  return out;
}

/** Joins a high part and a low part around a big unit (万 or 亿), inserting 零 for a gap. */
function joinBig(high: string, unit: string, low: number, lowWidth: number, render: (n: number) => string): string {
  if (low === 0) return high + unit;
  const gap = low < 10 ** (lowWidth - 1) ? '零' : '';
  return high + unit + gap + render(low);
}

function below1e8(n: number): string {
  if (n < 1e4) return group4(n);
  return joinBig(group4(Math.floor(n / 1e4)), '万', n % 1e4, 4, group4);
}

function integerWords(n: number): string {
  if (n < 1e8) return below1e8(n);
  return joinBig(below1e8(Math.floor(n / 1e8)), '亿', n % 1e8, 8, below1e8);
}

/**
 * Chinese financial capitals: 0 → "零元整", 50 → "伍角", 1000 → "壹拾元整",
 * 10007 → "壹佰元零柒分", 123456789 → "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分".
 * 整 only when there are no 角/分; 零 between 元 and 分 when 角 is zero; negatives get "负".
 */
export function amountInWords(fen: Fen): string {
  assertFen(fen);
  if (fen < 0) return '负' + amountInWords(-fen);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cent = fen % 10;
  if (yuan === 0 && jiao === 0 && cent === 0) return '零元整';
  let out = yuan > 0 ? integerWords(yuan) + '元' : '';
  if (jiao === 0 && cent === 0) return out + '整';
  if (jiao > 0) out += DIGITS[jiao] + '角';
  else if (yuan > 0) out += '零';
  if (cent > 0) out += DIGITS[cent] + '分';
  return out;
}
