import { LookupError, MAX_RATE_LIMIT_RETRY_SEC } from './lookup-error';
import type { Store } from '../store/store';

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

/** What is kept of BlueKing's last rate-limit answer, to tell users while the pause runs. */
interface PauseNote {
  code: string | null;
  upstreamMessage: string | null;
}

/** Where the pause is kept (read in one round trip with a shared lookup's first step: shared-answers.ts). */
export const COOLDOWN_KEY = 'upstream:cooldown';

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

/** What the pause entry (COOLDOWN_KEY with its TTL, read however) says: BlueKing's rate-limit error with the seconds left, or null. */
export function heldBackBy(entry: { value: string; ttlMs: number } | null): LookupError | null {
  if (!entry || entry.ttlMs <= 0) return null;
  const note = parseNote(entry.value);
  return new LookupError({ kind: 'rate_limited', code: note.code, upstreamMessage: note.upstreamMessage, retryAfterSec: Math.ceil(entry.ttlMs / 1000) });
}

function parseNote(text: string): PauseNote {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) {
      const { code, upstreamMessage } = value as Record<string, unknown>;
      return { code: typeof code === 'string' ? code : null, upstreamMessage: typeof upstreamMessage === 'string' ? upstreamMessage : null };
    }
  } catch {
    // Written by another version of the bot: the pause still holds, without BlueKing's words.
  }
  return { code: null, upstreamMessage: null };
}
