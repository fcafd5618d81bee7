import {
  amountInWords,
  fenToYuan,
  formatYuan,
  isYuanAmount,
  lineTotalFen,
  sumFen,
  yuanToFen,
} from '../../src/domain/money';

describe('yuan ↔ fen (integer fen, procedure "compute in integer fen")', () => {
  it.each([
    [0.1 + 0.2, 30],
    [19.99, 1999],
    [99.99, 9999],
    [1.005, 101],
    [0.015, 2],
    [1234.5, 123450],
    [0, 0],
    [-19.99, -1999],
    [1e12, 1e14],
  ])('yuanToFen(%s) = %s', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
    expect(Number.isInteger(yuanToFen(yuan))).toBe(true);
  });

  it('never returns -0', () => {
    expect(Object.is(yuanToFen(-0.001), 0)).toBe(true);
  });

  it('round-trips', () => {
    for (const y of [19.99, 99.99, 0.01, 0.3, 1234567.89]) expect(fenToYuan(yuanToFen(y))).toBe(y);
    expect(fenToYuan(yuanToFen(0.1 + 0.2))).toBe(0.3);
    expect(fenToYuan(1999)).toBe(19.99);
  });

  it('rejects non-finite input', () => {
    expect(() => yuanToFen(NaN)).toThrow(RangeError);
    expect(() => fenToYuan(1.5)).toThrow(RangeError);
  });
});

describe('isYuanAmount', () => {
  it.each([0, 0.5, 19.99, 99.99, 10.01, 999_999_999_999.99])('%s is valid', (v) => expect(isYuanAmount(v)).toBe(true));
  it.each([10.005, 1e21, 1e12, 1e12 + 1, -0.01, NaN, Infinity, '10', null, 0.1 + 0.2])('%s is invalid', (v) =>
    expect(isYuanAmount(v)).toBe(false),
  );
});

describe('line totals and sums', () => {
  it('multiplies and rounds to the fen', () => {
    expect(lineTotalFen(1999, 3)).toBe(5997);
    expect(lineTotalFen(333, 1.5)).toBe(500); // 499.5 → 500
    expect(lineTotalFen(0, 10)).toBe(0);
    expect(() => lineTotalFen(19.99, 1)).toThrow(RangeError);
  });
  it('sums integer fen without drift', () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen(Array(10).fill(yuanToFen(0.1)))).toBe(100);
    expect(() => sumFen([1, 0.5])).toThrow(RangeError);
  });
});

describe('formatYuan', () => {
  it.each([
    [123450, '¥1,234.50'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [99999, '¥999.99'],
    [123456789, '¥1,234,567.89'],
    [-123450, '-¥1,234.50'],
  ])('%s → %s', (fen, s) => expect(formatYuan(fen)).toBe(s));
});

describe('amountInWords (大写金额)', () => {
  it.each([
    [0, '零元整'],
    [50, '伍角'],
    [5, '伍分'],
    [55, '伍角伍分'],
    [1000, '壹拾元整'],
    [10007, '壹佰元零柒分'],
    [100100, '壹仟零壹元整'],
    [1000000, '壹万元整'],
    [123456789, '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
    [123000, '壹仟贰佰叁拾元整'],
    [150, '壹元伍角'],
    [1001000, '壹万零壹拾元整'],
    [10010000, '壹拾万零壹佰元整'],
    [10000000000, '壹亿元整'],
    [10000100000, '壹亿零壹仟元整'],
    [10100000000, '壹亿零壹佰万元整'],
    [100000000000000, '壹万亿元整'],
    [-1000, '负壹拾元整'],
  ])('%s fen → %s', (fen, words) => expect(amountInWords(fen)).toBe(words));
});
