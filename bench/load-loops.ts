import { performance } from 'node:perf_hooks';

/**
 * The two shapes of load. Open loop: requests leave on a fixed schedule
 * whether or not earlier ones have finished, as Slack users do. Closed loop:
 * N workers, each sending its next request when the previous one is done,
 * which finds the saturation rate.
 */

/** Fire `fire(i)` at `ratePerSec` for `durationMs`; resolves when every fired call has settled. */
export async function openLoop(ratePerSec: number, durationMs: number, fire: (i: number) => Promise<void>): Promise<void> {
  const total = Math.round((ratePerSec * durationMs) / 1000);
  const intervalMs = 1000 / ratePerSec;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      // Send everything that is due: a late timer catches up instead of thinning the rate.
      const due = Math.min(total, Math.floor((performance.now() - started) / intervalMs) + 1);
      while (sent < due) inFlight.push(fire(sent++));
      if (sent >= total) resolve();
      else setTimeout(tick, Math.max(0, started + sent * intervalMs - performance.now()));
    };
    tick();
  });
  await Promise.allSettled(inFlight);
}

/**
 * Run `iteration` in `concurrency` workers until `durationMs` has passed.
 * Resolves with how many iterations finished (resolved) within the window.
 */
export async function closedLoop(concurrency: number, durationMs: number, iteration: () => Promise<void>): Promise<{ completed: number; failed: number }> {
  const started = performance.now();
  const deadline = started + durationMs;
  let completed = 0;
  let failed = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      try {
        await iteration();
        if (performance.now() <= deadline) completed++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { completed, failed };
}

/** Run `iteration` exactly `total` times in `concurrency` workers; resolves with how many threw. */
export async function closedLoopCount(concurrency: number, total: number, iteration: () => Promise<void>): Promise<{ failed: number }> {
  let left = total;
  let failed = 0;
  const worker = async (): Promise<void> => {
    while (left > 0) {
      left--;
      await iteration().catch(() => {
        failed++;
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { failed };
}
