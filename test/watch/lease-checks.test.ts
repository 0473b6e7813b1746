import { LeaseChecks } from '../../src/watch/lease-checks';

describe('LeaseChecks', () => {
  it('renews a lease it holds once per third of a lease, not on every tick', async () => {
    const asked: number[] = [];
    const leases = new LeaseChecks(30_000, async () => {
      asked.push(asked.length);
      return true;
    });
    for (let at = 0; at < 30_000; at += 2_000) expect(await leases.holds('w', at)).toBe(true);
    // Asked at 0, 10,000 and 20,000: three renewals in a lease, where every tick made fifteen.
    expect(asked).toHaveLength(3);
  });

  it('asks on every tick for a lease it does not hold, so a dead holder is taken over as soon as its lease lapses', async () => {
    let holder = 'other';
    const leases = new LeaseChecks(30_000, async () => holder === 'me');
    expect(await leases.holds('w', 0)).toBe(false);
    holder = 'me';
    expect(await leases.holds('w', 2_000)).toBe(true);
  });

  it('asks again after a watch is forgotten, or is gone from the list', async () => {
    let asks = 0;
    const leases = new LeaseChecks(30_000, async () => {
      asks++;
      return true;
    });
    await leases.holds('a', 0);
    await leases.holds('b', 0);
    leases.forget('a');
    leases.keepOnly(new Set(['a']));
    await leases.holds('a', 1);
    await leases.holds('b', 1);
    expect(asks).toBe(4);
  });
});
