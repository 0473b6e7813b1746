/**
 * The few statistics the benchmark reports. Pure.
 */

/** The p-th percentile (0–100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The median (nearest rank, so always one of the values). */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Least-squares slope of `ys` against their positions 0, 1, 2…: growth per step. */
export function slopePerStep(ys: readonly number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}

/** `value` rounded to `digits` decimals, for figures meant to be read. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** p50, p99 (ms, 3 decimals) and the sample count of one side's latencies. */
export function latencyFigures(samples: readonly number[]): { p50_ms: number; p99_ms: number; samples: number } {
  return { p50_ms: round(percentile(samples, 50), 3), p99_ms: round(percentile(samples, 99), 3), samples: samples.length };
}
