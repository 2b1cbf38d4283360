// Timing helpers. Every benchmark repeats its sample and keeps the median, so one slow
// garbage-collection pause or scheduler hiccup on a two-core machine does not decide a row.
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds one run of `task` takes. */
export async function timeOnce(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

export interface Sampled {
  medianMs: number;
  samplesMs: number[];
}

/**
 * Runs each task `reps` times, interleaved (a, b, a, b, ...), so that drift over the run (a warming
 * JIT, a busy neighbour) affects baseline and app alike. `before` runs untimed ahead of each sample.
 */
export async function sampleInterleaved(
  reps: number,
  tasks: { run: () => Promise<unknown>; before?: () => unknown }[],
): Promise<Sampled[]> {
  const samples: number[][] = tasks.map(() => []);
  for (let r = 0; r < reps; r++) {
    for (const [i, task] of tasks.entries()) {
      await task.before?.();
      (samples[i] as number[]).push(await timeOnce(task.run));
    }
  }
  return samples.map((s) => ({ medianMs: median(s), samplesMs: s.map(round2) }));
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;
