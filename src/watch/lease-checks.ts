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
    /** Take or renew each of `keys` (one store round trip for all): true where this replica holds it now. */
    private readonly ask: (keys: readonly string[]) => Promise<boolean[]>,
  ) {}

  /**
   * Which of `keys` this replica holds: yes for a lease renewed less than a third of a lease ago; the store
   * is asked about all the others at once (renewing or taking each), not one round trip per watch.
   */
  async held(keys: readonly string[], nowMs: number): Promise<Set<string>> {
    const holding = new Set<string>();
    const toAsk: string[] = [];
    for (const key of keys) {
      const renewed = this.renewedAt.get(key);
      if (renewed !== undefined && nowMs - renewed < this.leaseMs / 3) holding.add(key);
      else toAsk.push(key);
    }
    if (toAsk.length === 0) return holding;
    const answers = await this.ask(toAsk);
    toAsk.forEach((key, i) => {
      if (answers[i]) {
        this.renewedAt.set(key, nowMs);
        holding.add(key);
      } else this.renewedAt.delete(key);
    });
    return holding;
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
