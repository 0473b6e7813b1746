/**
 * When a watch polls next (pure): every interval, jittered by ±10% so many
 * watches started together spread out; after failures, twice as long per
 * failure in a row, up to 10 minutes, so a struggling BlueKing is not pressed.
 */

export const MAX_BACKOFF_MS = 10 * 60_000;
const JITTER = 0.1;

/** Delay before the next poll; `random` in [0, 1) is injected so tests are exact. */
export function nextPollDelayMs(intervalMs: number, failuresInARow: number, random: number): number {
  const base = Math.min(intervalMs * 2 ** Math.min(failuresInARow, 20), Math.max(intervalMs, MAX_BACKOFF_MS));
  return Math.round(base * (1 - JITTER + 2 * JITTER * random));
}

/** Recovered and quiet this long → the watch ends (BlueKing usually closes soon after; some setups never do). */
export const RECOVERED_QUIET_MS = 30 * 60_000;

/** Whether a watch should end now without polling: too old, or recovered and quiet. */
export function dueToEnd(
  watch: { startedAtMs: number; updatedAtMs: number; snapshot: { recovered: boolean } },
  nowMs: number,
  maxAgeMs: number,
): 'max_age' | 'recovered_quiet' | null {
  if (nowMs - watch.startedAtMs >= maxAgeMs) return 'max_age';
  if (watch.snapshot.recovered && nowMs - watch.updatedAtMs >= RECOVERED_QUIET_MS) return 'recovered_quiet';
  return null;
}
