import type { LookupError } from '../model/lookup-error';
import type { Logger } from '../../log';
import type { Store } from '../../store/store';
import { UpstreamCooldown } from './rate-limiter';
import type { Fetched } from '../answers/answer';
import type { KnownPause } from '../answers/upstream-pause';
import { Semaphore } from './semaphore';

export interface UpstreamGateOptions {
  /** Calls to BlueKing running at once, at most. */
  maxInFlight: number;
  /** Calls waiting for a slot, at most; past that a call is turned away at once. */
  maxQueue: number;
  /** How long a call waits for a slot before it is turned away. */
  maxWaitMs: number;
  /** Where BlueKing's rate-limit pause is kept (shared by every replica with Redis). */
  store: Store;
  log: Logger;
}

export interface UpstreamGate {
  /**
   * Run `call` once a slot is free and BlueKing's own "retry after" has passed.
   * While that pause runs, answers with BlueKing's last rate-limit error
   * (with the seconds still to wait) without calling; with no slot in time, busy.
   */
  pass(call: () => Promise<Fetched>, pause?: KnownPause): Promise<Fetched>;
  /** Calls running now. */
  readonly inFlight: number;
}

/** The one way out to BlueKing: a cap on calls in flight and a pause whenever BlueKing says "rate limited". */
export function createUpstreamGate(options: UpstreamGateOptions): UpstreamGate {
  const slots = new Semaphore(options.maxInFlight, options.maxQueue, options.maxWaitMs);
  const cooldown = new UpstreamCooldown(options.store);

  const heldBack = async (): Promise<Fetched | null> => fetchedOf(await cooldown.heldBack());

  const noteRateLimit = async (fetched: Fetched): Promise<void> => {
    const error = rateLimitOf(fetched);
    if (error === null || !error.retryAfterSec) return;
    options.log.warn('upstream.cooldown', { code: error.code, request_id: error.requestId, retry_after_s: error.retryAfterSec });
    await cooldown.pause(error);
  };

  return {
    pass: async (call, pause) => {
      const before = pause ? fetchedOf(pause.error) : await heldBack();
      if (before) return before;
      const queued = slots.inFlight >= options.maxInFlight;
      if (!(await slots.acquire())) return { kind: 'busy' };
      try {
        // Checked again after a wait for a slot: a pause may have begun meanwhile (one store read saved when there was none).
        const meanwhile = queued ? await heldBack() : null;
        if (meanwhile) return meanwhile;
        const fetched = await call();
        await noteRateLimit(fetched);
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

/** BlueKing's rate-limit answer in what came back, if any: a limit on a call beside the log (search_action, search_alert) counts too. */
function rateLimitOf(fetched: Fetched): LookupError | null {
  if (fetched.kind === 'failed') return fetched.error.kind === 'rate_limited' ? fetched.error : null;
  if (fetched.kind !== 'ok') return null;
  for (const part of [fetched.deliveries, fetched.alert]) {
    if (part.kind === 'absent' && part.absence.kind === 'failed' && part.absence.error.kind === 'rate_limited') return part.absence.error;
  }
  return null;
}

function fetchedOf(pauseError: LookupError | null): Fetched | null {
  return pauseError ? { kind: 'failed', error: pauseError } : null;
}
