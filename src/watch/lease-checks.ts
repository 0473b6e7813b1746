/**
 * How often a replica renews the leases it holds. Renewing on every tick
 * (2 s) cost a store round trip per watch per tick: with 1,000 watches on
 * Redis, 500 commands a second for leases alone. A lease lasts
 * WATCH_LEASE_MS from its last renewal, so renewing it every third of that
 * keeps it just as surely. A lease this replica does not hold is asked for on
 * every tick as before, so a dead holder's watch is taken over as soon as its
 * lease lapses.
 */
export class LeaseChecks {
  /** When each lease this replica holds was last renewed. */
  private readonly renewedAt = new Map<string, number>();

  constructor(
    private readonly leaseMs: number,
    private readonly ask: (key: string) => Promise<boolean>,
  ) {}

  /** Whether this replica holds `key`'s lease: yes if renewed less than a third of a lease ago, else the store is asked (renewing or taking it). */
  async holds(key: string, nowMs: number): Promise<boolean> {
    const renewed = this.renewedAt.get(key);
    if (renewed !== undefined && nowMs - renewed < this.leaseMs / 3) return true;
    const held = await this.ask(key);
    if (held) this.renewedAt.set(key, nowMs);
    else this.renewedAt.delete(key);
    return held;
  }

  /** Forget `key` (its watch ended or its lease was handed back): the next check asks the store. */
  forget(key: string): void {
    this.renewedAt.delete(key);
  }

  /** Forget every watch not in `keys` (ended on another replica). */
  keepOnly(keys: ReadonlySet<string>): void {
    for (const key of this.renewedAt.keys()) if (!keys.has(key)) this.renewedAt.delete(key);
  }
}
