/**
 * One AbortSignal for a whole call, headers and body alike: it fires when our
 * timeout passes or when the caller's own signal aborts, and remembers which,
 * so a trickling body past the timeout is reported as a timeout.
 */

export type StopReason = 'timeout' | 'cancelled';

export interface Deadline {
  readonly signal: AbortSignal;
  /** Why the signal fired, or null while it has not. */
  reason(): StopReason | null;
  /** Abort now (e.g. to drop an oversized body); does not set a reason. */
  abort(): void;
  /** Stop the timer and detach from the caller's signal. */
  dispose(): void;
}

/** Start the clock for one call. */
export function startDeadline(timeoutMs: number, callerSignal?: AbortSignal): Deadline {
  const controller = new AbortController();
  let stopped: StopReason | null = null;
  const stop = (why: StopReason): void => {
    if (stopped === null && !controller.signal.aborted) stopped = why;
    controller.abort();
  };
  const onCallerAbort = (): void => stop('cancelled');
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  if (callerSignal?.aborted) stop('cancelled');
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    reason: () => stopped,
    abort: () => controller.abort(),
    dispose: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
