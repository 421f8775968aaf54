// Timing helpers for `npm run bench`: percentiles over samples, ratios against a baseline run in
// the same process, and the report table.
export interface Samples {
  name: string;
  ms: number[];
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export function describeSamples(samples: Samples): string {
  const { ms } = samples;
  return `${samples.name}: n=${ms.length} p50=${percentile(ms, 50).toFixed(2)} ms p99=${percentile(ms, 99).toFixed(2)} ms max=${Math.max(...ms).toFixed(2)} ms`;
}

export interface BenchResult {
  bench: string;
  figure: string;
  target: string;
  met: boolean;
}

export function printResults(results: BenchResult[]): void {
  const width = Math.max(...results.map((r) => r.bench.length));
  for (const r of results) console.log(`${r.met ? 'MET ' : 'MISS'}  ${r.bench.padEnd(width)}  ${r.figure}  (target: ${r.target})`);
}

export interface BesideBaseline {
  ms: number[];
  baselineMs: number[];
  median: number;
  baselineMedian: number;
  /** The size of what the last run of `subject` gave. */
  bytes: number;
}

/**
 * Runs `subject` and then `baseline` `runs` times in turn, so that both meet the same state of the
 * machine, and gives both sets of timings with their medians: the exports' benches report against
 * the library's own minimum this way.
 */
export async function timeBesideBaseline(runs: number, subject: () => Promise<{ length: number }>, baseline: () => Promise<unknown>): Promise<BesideBaseline> {
  const ms: number[] = [];
  const baselineMs: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run += 1) {
    const timed = await timeAsync(subject);
    ms.push(timed.ms);
    bytes = timed.value.length;
    baselineMs.push((await timeAsync(baseline)).ms);
  }
  return { ms, baselineMs, median: percentile(ms, 50), baselineMedian: percentile(baselineMs, 50), bytes };
}

/** Timings as the benches print them: each run's, then the median and anything `more` to say. */
export function listTimings(ms: number[], median: number, more?: string): string {
  return `${ms.map((value) => value.toFixed(0)).join(', ')} ms (median ${median.toFixed(0)} ms${more ? `, ${more}` : ''})`;
}
