import { LookupError } from './lookup-error';
import type { Logger } from '../log';
import { UpstreamCooldown } from './rate-limiter';
import type { EventLog } from './record';
import { Semaphore } from './semaphore';

/** What came of asking BlueKing for one log: the log, BlueKing's failure, or no free slot in time. */
export type Fetched = { kind: 'ok'; log: EventLog } | { kind: 'failed'; error: LookupError } | { kind: 'busy' };

export interface UpstreamGateOptions {
  /** Calls to BlueKing running at once, at most. */
  maxInFlight: number;
  /** Calls waiting for a slot, at most; past that a call is turned away at once. */
  maxQueue: number;
  /** How long a call waits for a slot before it is turned away. */
  maxWaitMs: number;
  now: () => number;
  log: Logger;
}

export interface UpstreamGate {
  /**
   * Run `call` once a slot is free and BlueKing's own "retry after" has passed.
   * While that pause runs, answers with BlueKing's last rate-limit error
   * (with the seconds still to wait) without calling; with no slot in time, busy.
   */
  pass(call: () => Promise<Fetched>): Promise<Fetched>;
  /** Calls running now. */
  readonly inFlight: number;
}

/** The one way out to BlueKing: a cap on calls in flight and a pause whenever BlueKing says "rate limited". */
export function createUpstreamGate(options: UpstreamGateOptions): UpstreamGate {
  const slots = new Semaphore(options.maxInFlight, options.maxQueue, options.maxWaitMs);
  const cooldown = new UpstreamCooldown(options.now);
  let lastRateLimit: LookupError | null = null;

  const heldBack = (): Fetched | null => {
    const waitSec = cooldown.remainingSec();
    if (waitSec === 0) return null;
    // What BlueKing said last time, with the time still to wait; no call was made, so no request ID.
    const error = new LookupError({ kind: 'rate_limited', code: lastRateLimit?.code, upstreamMessage: lastRateLimit?.upstreamMessage, retryAfterSec: waitSec });
    return { kind: 'failed', error };
  };

  const noteRateLimit = (fetched: Fetched): void => {
    if (fetched.kind !== 'failed') return;
    const { error } = fetched;
    if (error.kind !== 'rate_limited' || !error.retryAfterSec) return;
    lastRateLimit = error;
    cooldown.pause(error.retryAfterSec);
    options.log.warn('upstream.cooldown', { code: error.code, request_id: error.requestId, retry_after_s: error.retryAfterSec });
  };

  return {
    pass: async (call) => {
      const before = heldBack();
      if (before) return before;
      if (!(await slots.acquire())) return { kind: 'busy' };
      try {
        // Checked again: a pause may have begun while this call waited for a slot.
        const meanwhile = heldBack();
        if (meanwhile) return meanwhile;
        const fetched = await call();
        noteRateLimit(fetched);
        return fetched;
      } finally {
        slots.release();
      }
    },
    get inFlight() {
      return slots.inFlight;
    },
  };
}
