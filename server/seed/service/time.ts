import { addWorkMinutes, backWork } from '../clock';

/** Chains of working-time instants, so every seeded step happens at or before `now`. */

/** Instants from `first`, each `gaps[i]` working minutes after the previous (gaps[0] is the offset of the first). */
export function chain(first: Date, gaps: readonly number[]): Date[] {
  const out: Date[] = [];
  let t = first;
  for (const g of gaps) {
    t = addWorkMinutes(t, g);
    out.push(t);
  }
  return out;
}

/** A chain that ends `slack` working minutes before `end`. */
export const chainEndingBefore = (end: Date, gaps: readonly number[], slack: number): Date[] =>
  chain(backWork(end, gaps.reduce((s, g) => s + g, 0) + slack), gaps);
