/**
 * One AbortSignal for a whole call, headers and body alike: it fires when our
 * timeout passes, when the caller's own signal aborts, or when the connection
 * is seen cut, and remembers the first reason, so a trickling body past the
 * timeout is reported as a timeout and not as whatever the aborted fetch says.
 */

export type StopReason = 'timeout' | 'cancelled' | 'connection_reset';

export interface Deadline {
  readonly signal: AbortSignal;
  /** Why the signal fired, or null while it has not. */
  reason(): StopReason | null;
  /** Abort for `why`, unless already stopped (the first reason stays). */
  stop(why: StopReason): void;
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
  // The caller's own deadline passing (AbortSignal.timeout) is a timeout too, not a cancellation.
  const onCallerAbort = (): void => stop(isTimeout(callerSignal?.reason) ? 'timeout' : 'cancelled');
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    reason: () => stopped,
    stop,
    abort: () => controller.abort(),
    dispose: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/** AbortSignal.timeout's reason: a DOMException named TimeoutError (read by name: it may come from another realm). */
function isTimeout(reason: unknown): boolean {
  return typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'TimeoutError';
}
