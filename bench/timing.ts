export interface Timing {
  medianMs: number;
  p95Ms: number;
}

export const WARM_UP_RUNS = 3;
export const MEASURED_RUNS = 20;

/** Runs `task` a few times unmeasured, then MEASURED_RUNS times one after the other, measuring each run. */
export async function timeRepeatedly(task: () => Promise<unknown>): Promise<Timing> {
  for (let run = 0; run < WARM_UP_RUNS; run++) await task();
  const durations: number[] = [];
  for (let run = 0; run < MEASURED_RUNS; run++) durations.push((await timed(task)).ms);
  return timingOf(durations);
}

/** The median and p95 of some durations. */
export function timingOf(durations: number[]): Timing {
  const sorted = [...durations].sort((a, b) => a - b);
  return { medianMs: median(sorted), p95Ms: nearestRank(sorted, 0.95) };
}

export async function timed<T>(task: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await task();
  return { value, ms: performance.now() - start };
}

/**
 * Runs the task while sampling the process's resident set size: its time, the highest sample, how far
 * that lies above the process before the task (which holds whatever the benchmark made before, such as
 * the files it generated), and the processor time the process took meanwhile (all its threads, the
 * collector's too), which a busy machine inflates less than the time on the clock. Also the longest the
 * event loop went without a turn while the task ran: in a server, how long a request that came then waited
 * before it was even read.
 */
export async function withPeakMemory<T>(task: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number; growthMb: number; processorMs: number; longestPauseMs: number }> {
  const start = process.memoryUsage.rss();
  const processorBefore = process.cpuUsage();
  let peak = start;
  let lastTurn = performance.now();
  let longestPause = 0;
  const sample = () => {
    const now = performance.now();
    longestPause = Math.max(longestPause, now - lastTurn);
    lastTurn = now;
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const sampler = setInterval(sample, 25);
  try {
    const { value, ms } = await timed(task);
    sample();
    const { user, system } = process.cpuUsage(processorBefore);
    return { value, ms, peakMb: Math.round(peak / 2 ** 20), growthMb: Math.round((peak - start) / 2 ** 20), processorMs: (user + system) / 1000, longestPauseMs: longestPause };
  } finally {
    clearInterval(sampler);
  }
}

function median(sorted: number[]): number {
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

function nearestRank(sorted: number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!;
}
