/** A clock a test moves by hand, so TTLs, rate-limit windows and cooldowns pass without waiting. */
export interface ManualClock {
  now: () => number;
  advance(ms: number): void;
}

/** Start a manual clock at `startMs` (default: the real time now, so dates stay plausible). */
export function manualClock(startMs: number = Date.now()): ManualClock {
  let at = startMs;
  return {
    now: () => at,
    advance: (ms) => {
      at += ms;
    },
  };
}
