import { describe, expect, it } from 'vitest';
import { initialJsSize } from '../../scripts/bench/bundle';
import { measure, percentile, summarize, type Stats } from '../../scripts/bench/measure';
import { displayWidth, judge, table } from '../../scripts/bench/report';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const stats = (median: number, p95: number, extra: Partial<Stats> = {}): Stats => ({
  ...summarize([median], [[median]], { errors: 0, concurrency: 4, throughput: 1, truncated: false }),
  median,
  p95,
  ...extra,
});

describe('bench statistics and budgets', () => {
  it('nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });

  it('measures every operation once, counts errors apart and stays within its count', async () => {
    const seen: number[] = [];
    const s = await measure(
      async (i) => {
        seen.push(i);
        if (i === 3) throw new Error('boom');
      },
      { warmup: 2, runs: 3, perRun: 5, concurrency: 2, maxSeconds: 10 },
    );
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 17 }, (_, i) => i));
    expect(s.errors).toBe(1);
    expect(s.n).toBe(14); // 15 timed minus the failed one (i=3 is past the 2 warm-ups)
    expect(s.perRun).toHaveLength(3);
  });

  it('judges reads on latency and on the speed ratio to stock, conservatively', () => {
    const fast = judge({ scenario: 'a', data: 'year', kind: 'read', ours: stats(2, 5), stock: stats(900, 1200) });
    expect(fast.checks.map((c) => [c.name, c.pass])).toEqual([['#8', true], ['#7', true]]);
    // 150× on medians but only 60× on p95: #8 fails on the ratio, #7 passes
    const j = judge({ scenario: 'a', data: 'year', kind: 'read', ours: stats(6, 9), stock: stats(900, 540) });
    expect(j.ratio).toBeCloseTo(60);
    expect(j.checks.map((c) => [c.name, c.pass])).toEqual([['#8', false], ['#7', true]]);
    const slow = judge({ scenario: 'a', data: 'year', kind: 'read', ours: stats(30, 60), stock: stats(9000, 9000) });
    expect(slow.checks.map((c) => c.pass)).toEqual([false, false]);
    const small = judge({ scenario: 'a', data: '2k', kind: 'read', ours: stats(2, 5), stock: stats(3, 6), small: true });
    expect(small.checks.map((c) => c.pass)).toEqual([true, true]);
  });

  it('says when no server could reach the ratio: stock against the no-work server (the round trip alone)', () => {
    const j = judge({ scenario: 'b', data: 'year', kind: 'read', ours: stats(8, 20), stock: stats(340, 370), replay: stats(2.5, 6) });
    expect(j.ratio).toBeCloseTo(18.5);
    expect(j.ceiling).toBeCloseTo(61.67, 1);
    expect(j.checks[0]).toMatchObject({ name: '#8', pass: false });
    expect(j.checks[0].detail).toContain('no server can: no-work 62×');
    // a ceiling above the budget is no excuse: the ratio alone fails
    const k = judge({ scenario: 'a', data: 'year', kind: 'read', ours: stats(8, 20), stock: stats(1100, 1500), replay: stats(1, 3) });
    expect(k.ceiling).toBeCloseTo(500);
    expect(k.checks[0].detail).not.toContain('no server can');
    expect(table([j, k])).toMatch(/stock\/no-work[\s\S]*62×[\s\S]*500×/);
  });

  it('judges writes on p95 and growth against the 10k baseline', () => {
    const j = judge({ scenario: 'g', data: 'year', kind: 'write', ours: stats(8, 18), baseline: stats(5, 8) });
    expect(j.growth!.p95).toBeCloseTo(2.25);
    expect(j.checks.map((c) => [c.name, c.pass])).toEqual([['≤20ms', true], ['growth', false]]);
    const errors = judge({ scenario: 'h', data: '10k', kind: 'write', ours: stats(5, 8, { errors: 2 }) });
    expect(errors.checks[0]).toMatchObject({ name: 'errors', pass: false });
  });

  it('aligns columns with CJK text', () => {
    expect(displayWidth('q="科技"')).toBe(8);
    const lines = table([judge({ scenario: '(c) q="科技"', data: '10k', kind: 'read', ours: stats(1, 2) }), judge({ scenario: '(a) list', data: '10k', kind: 'read', ours: stats(1, 2) })]).split('\n');
    expect(displayWidth(lines[2].split('10k')[0])).toBe(displayWidth(lines[3].split('10k')[0]));
  });

  it('sums the initial JS that dist/index.html loads, not the lazy chunks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-dist-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), '<script type="module" crossorigin src="/assets/index-a.js"></script><link rel="modulepreload" crossorigin href="/assets/vendor-b.js"><link rel="stylesheet" href="/assets/x.css">');
      writeFileSync(join(dir, 'assets/index-a.js'), 'console.log(1);'.repeat(100));
      writeFileSync(join(dir, 'assets/vendor-b.js'), 'export const v = 2;');
      writeFileSync(join(dir, 'assets/lazy-c.js'), 'x'.repeat(10000));
      const size = initialJsSize(dir)!;
      expect(size.files.map((f) => f.file)).toEqual(['/assets/index-a.js', '/assets/vendor-b.js']);
      expect(size.bytes).toBe(1500 + 19);
      expect(size.gzip).toBeLessThan(size.bytes);
      expect(initialJsSize(join(dir, 'nope'))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
