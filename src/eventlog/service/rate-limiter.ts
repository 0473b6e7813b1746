import { LookupError, MAX_RATE_LIMIT_RETRY_SEC } from '../model/lookup-error';
import type { Store } from '../../store/store';
import { COOLDOWN_KEY, heldBackBy, type PauseNote } from '../answers/upstream-pause';

/**
 * Per-user fixed-window rate limit: at most `perMinute` lookups per user per
 * minute, counted in the store, so with Redis it is one budget for the whole
 * bot however many replicas answer.
 */
export class RateLimiter {
  constructor(
    private readonly store: Store,
    private readonly perMinute: number,
  ) {}

  /** Resolves 0 when allowed, else the seconds until the user may try again. */
  async take(userId: string): Promise<number> {
    if (this.perMinute <= 0) return 0;
    const { count, resetInMs } = await this.store.hit(`rate:user:${userId}`, 60_000);
    return count <= this.perMinute ? 0 : Math.max(1, Math.ceil(resetInMs / 1000));
  }
}

/**
 * BlueKing's own "wait N seconds" (Retry-After on a rate-limit answer),
 * honoured for everyone: until it passes no call goes out, so a channel of
 * people retrying cannot keep BlueKing's limiter tripped. Kept in the store,
 * so a rate limit one replica sees stops the others too. Capped, so a bogus
 * header cannot silence the bot for long.
 */
export class UpstreamCooldown {
  constructor(
    private readonly store: Store,
    private readonly maxSec = MAX_RATE_LIMIT_RETRY_SEC,
  ) {}

  /** Hold calls back for the seconds `error` asked (never shortens a pause already running). */
  async pause(error: LookupError): Promise<void> {
    const seconds = error.retryAfterSec ?? 0;
    if (!(seconds > 0)) return;
    const note: PauseNote = { code: error.code, upstreamMessage: error.upstreamMessage };
    await this.store.setAtLeast(COOLDOWN_KEY, JSON.stringify(note), Math.min(seconds, this.maxSec) * 1000);
  }

  /**
   * While a pause runs: BlueKing's last rate-limit error with the whole seconds
   * still to wait (no call was made, so no request ID); null when calls may go out.
   */
  async heldBack(): Promise<LookupError | null> {
    return heldBackBy(await this.store.getWithTtl(COOLDOWN_KEY));
  }
}
