/**
 * A small bounded cache with a time-to-live. Every entry lives equally long
 * and a write moves its key to the end, so Map order is expiry order: the
 * oldest entry is evicted first when full, and expired entries are dropped
 * from the front on each write instead of lingering until the cache fills.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number; weight: number }>();
  private totalWeight = 0;

  /**
   * @param ttlMs how long an entry is served; 0 or less turns caching off
   * @param maxEntries most entries held at once
   * @param now the clock (injected so tests control time)
   * @param weight how heavy a value is (e.g. its record count), with `maxWeight` the most held in all:
   *   a count of entries alone would let 500 huge logs hold gigabytes
   */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
    private readonly weight: (value: V) => number = () => 1,
    private readonly maxWeight = Number.POSITIVE_INFINITY,
  ) {}

  /** The value stored under `key`, or undefined when absent or expired. */
  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt <= this.now()) {
      this.remove(key);
      return undefined;
    }
    return hit.value;
  }

  /** Store `value` for ttlMs from now, evicting expired entries, then the oldest while full. */
  set(key: string, value: V): void {
    const weight = this.weight(value);
    if (this.ttlMs <= 0 || weight > this.maxWeight) return;
    const now = this.now();
    this.remove(key);
    this.dropExpired(now);
    while (this.entries.size >= this.maxEntries || this.totalWeight + weight > this.maxWeight) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.remove(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: now + this.ttlMs, weight });
    this.totalWeight += weight;
  }

  /** Forget `key` (its value is known to be stale). */
  delete(key: string): void {
    this.remove(key);
  }

  /** Entries held now (expired ones not yet dropped included). */
  get size(): number {
    return this.entries.size;
  }

  // Large event logs must not stay in memory past their TTL just because the cache is not full.
  private dropExpired(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now) return;
      this.remove(key);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.totalWeight -= entry.weight;
    this.entries.delete(key);
  }
}
