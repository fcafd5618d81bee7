import { fenToYuan, yuanToFen } from '../../src/domain/money';

/**
 * A small seeded PRNG for the demo seed (mulberry32). Same seed → same sequence on every
 * machine; nothing here reads the clock or Math.random.
 */

/** mulberry32: a 32-bit state generator, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a of a string, mixed with a number: derives independent sub-seeds. */
export function hashSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche (murmur3 fmix32)
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private readonly gen: () => number;

  constructor(readonly seed: number) {
    this.gen = mulberry32(seed);
  }

  /** uniform in [0, 1) */
  next(): number {
    return this.gen();
  }

  /** integer in [a, b], both inclusive */
  int(a: number, b: number): number {
    return a + Math.floor(this.gen() * (b - a + 1));
  }

  /** real in [a, b) */
  float(a: number, b: number): number {
    return a + this.gen() * (b - a);
  }

  chance(p: number): boolean {
    return this.gen() < p;
  }

  pick<T>(arr: readonly T[]): T {
    if (arr.length === 0) throw new RangeError('pick from an empty array');
    return arr[Math.floor(this.gen() * arr.length)];
  }

  /** index chosen with probability proportional to weights[i] (weights ≥ 0, not all 0) */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.gen() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** an item chosen with probability proportional to its weight */
  weighted<T>(items: readonly T[], weight: (item: T, index: number) => number): T {
    return items[this.weightedIndex(items.map(weight))];
  }

  /** in-place Fisher–Yates; returns the same array */
  shuffle<T>(arr: T[]): T[] {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.gen() * (i + 1));
      [arr[i], arr[j]] = [arr[j], arr[i]];
    }
    return arr;
  }

  /** an independent stream for a named part of the seed, so parts don't shift each other */
  fork(label: string): Rng {
    return new Rng(hashSeed(this.seed, label));
  }
}

export const createRng = (seed: number): Rng => new Rng(seed);

/**
 * Weighted picks from a fixed list in O(log n): cumulative weights + binary search.
 * `limit` picks among the first `limit` items only (a prefix, e.g. customers already trading).
 */
export class WeightedPicker<T> {
  private readonly cum: Float64Array;

  constructor(
    readonly items: readonly T[],
    weight: (item: T, index: number) => number,
  ) {
    this.cum = new Float64Array(items.length);
    let total = 0;
    items.forEach((item, i) => {
      total += Math.max(0, weight(item, i));
      this.cum[i] = total;
    });
  }

  get size(): number {
    return this.items.length;
  }

  /** total weight of the first `limit` items */
  weightOf(limit = this.items.length): number {
    const n = Math.min(limit, this.items.length);
    return n > 0 ? this.cum[n - 1] : 0;
  }

  pickIndex(rng: Rng, limit = this.items.length): number {
    const n = Math.min(limit, this.items.length);
    if (n <= 0) throw new RangeError('pick from an empty prefix');
    const r = rng.next() * this.cum[n - 1];
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  pick(rng: Rng, limit?: number): T {
    return this.items[this.pickIndex(rng, limit)];
  }
}

/** Round to 2 decimals through integer fen (money fields). */
export const round2 = (v: number): number => fenToYuan(yuanToFen(v));
