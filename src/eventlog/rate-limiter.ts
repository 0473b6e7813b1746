/**
 * Per-user fixed-window rate limit: at most `perMinute` lookups per user per
 * minute. Windows are kept for active users only, so memory stays bounded.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
    private readonly maxUsers = 10_000,
  ) {}

  /** Returns 0 when allowed, else the seconds until the user may try again. */
  take(userId: string): number {
    if (this.perMinute <= 0) return 0;
    const now = this.now();
    const window = this.windows.get(userId);
    if (!window || now - window.start >= 60_000) {
      if (this.windows.size >= this.maxUsers) this.prune(now);
      this.windows.set(userId, { start: now, count: 1 });
      return 0;
    }
    if (window.count < this.perMinute) {
      window.count++;
      return 0;
    }
    return Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000));
  }

  private prune(now: number): void {
    for (const [user, w] of this.windows) if (now - w.start >= 60_000) this.windows.delete(user);
    if (this.windows.size >= this.maxUsers) this.windows.clear();
  }
}

/**
 * BlueKing's own "wait N seconds" (Retry-After on a rate-limit answer),
 * honoured for everyone: until it passes no call goes out, so a channel of
 * people retrying cannot keep BlueKing's limiter tripped. Capped, so a bogus
 * header cannot silence the bot for long.
 */
export class UpstreamCooldown {
  private until = 0;

  constructor(
    private readonly now: () => number,
    private readonly maxSec = 60,
  ) {}

  /** Hold calls back for `seconds` from now (never shortens a pause already running). */
  pause(seconds: number): void {
    if (!(seconds > 0)) return;
    this.until = Math.max(this.until, this.now() + Math.min(seconds, this.maxSec) * 1000);
  }

  /** Whole seconds left of the pause; 0 when calls may go out. */
  remainingSec(): number {
    const left = this.until - this.now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }
}
