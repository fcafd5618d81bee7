/**
 * Timing: a warm-up, then several runs of a fixed number of operations shared by a few
 * concurrent clients; every operation timed on its own (ms, performance.now()). Bounded: a
 * fixed count of operations and a time cap per scenario.
 */

export interface Plan {
  warmup: number;
  runs: number;
  perRun: number;
  concurrency: number;
  /** stop starting new operations after this long (the result says it was cut short) */
  maxSeconds: number;
}

export interface Stats {
  n: number;
  errors: number;
  firstError?: string;
  median: number;
  p95: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
  /** per-run median and p95, to show the noise between runs */
  perRun: { median: number; p95: number }[];
  concurrency: number;
  /** operations per second over the measured runs */
  throughput: number;
  /** stopped before the planned count: the time cap, too many errors or a dead server */
  truncated: boolean;
  stoppedBecause?: string;
}

/** nearest-rank percentile of sorted values */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(
  samples: readonly number[],
  runs: readonly number[][],
  extra: Pick<Stats, 'errors' | 'firstError' | 'concurrency' | 'throughput' | 'truncated' | 'stoppedBecause'>,
): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN;
  return {
    n: s.length,
    median: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    mean,
    min: s[0] ?? NaN,
    max: s.at(-1) ?? NaN,
    perRun: runs.map((r) => {
      const x = [...r].sort((a, b) => a - b);
      return { median: percentile(x, 50), p95: percentile(x, 95) };
    }),
    ...extra,
  };
}

/**
 * `op(i)` performs operation number i (unique over warm-up and runs, so write scenarios can use
 * a prepared record each) and throws on a wrong answer; errors are counted, not timed.
 * `dead()` names why the server is gone (it exited), which stops the scenario at once.
 */
export async function measure(
  op: (i: number) => Promise<unknown>,
  plan: Plan,
  dead: () => string | null = () => null,
): Promise<Stats> {
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const deadline = Date.now() + plan.maxSeconds * 1000;
  let stoppedBecause: string | undefined;
  const total = plan.warmup + plan.runs * plan.perRun;

  async function batch(count: number, into: number[] | null) {
    let left = count;
    const worker = async () => {
      while (left > 0 && !stoppedBecause) {
        if (Date.now() > deadline) stoppedBecause = `time cap ${plan.maxSeconds} s`;
        else if (errors >= Math.max(5, total / 4)) stoppedBecause = `${errors} errors`;
        else stoppedBecause = dead() ?? undefined;
        if (stoppedBecause) return;
        left--;
        const i = next++;
        const t0 = performance.now();
        try {
          await op(i);
          into?.push(performance.now() - t0);
        } catch (e) {
          errors++;
          firstError ??= e instanceof Error ? e.message : String(e);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(plan.concurrency, Math.max(1, count)) }, worker));
  }

  await batch(plan.warmup, null);
  const runs: number[][] = [];
  const t0 = performance.now();
  for (let r = 0; r < plan.runs && !stoppedBecause; r++) {
    const samples: number[] = [];
    await batch(plan.perRun, samples);
    runs.push(samples);
  }
  const seconds = (performance.now() - t0) / 1000;
  const all = runs.flat();
  return summarize(
    all,
    runs.filter((r) => r.length),
    {
      errors,
      firstError,
      concurrency: plan.concurrency,
      throughput: all.length / seconds,
      truncated: !!stoppedBecause,
      stoppedBecause,
    },
  );
}
