/**
 * A small bounded cache with a time-to-live. Every entry lives equally long
 * and a write moves its key to the end, so Map order is expiry order: the
 * oldest entry is evicted first when full, and expired entries are dropped
 * from the front on each write instead of lingering until the cache fills.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  /**
   * @param ttlMs how long an entry is served; 0 or less turns caching off
   * @param maxEntries most entries held at once
   * @param now the clock (injected so tests control time)
   */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  /** The value stored under `key`, or undefined when absent or expired. */
  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  /** Store `value` for ttlMs from now, evicting expired entries, then the oldest while full. */
  set(key: string, value: V): void {
    if (this.ttlMs <= 0) return;
    const now = this.now();
    this.entries.delete(key);
    this.dropExpired(now);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
  }

  /** Entries held now (expired ones not yet dropped included). */
  get size(): number {
    return this.entries.size;
  }

  // Large event logs must not stay in memory past their TTL just because the cache is not full.
  private dropExpired(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now) return;
      this.entries.delete(key);
    }
  }
}
