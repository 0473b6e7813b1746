import { LeaseChecks } from '../../src/watch/lease-checks';

/** A store stand-in answering each key from `holds`, recording every call (one call = one round trip). */
function askingStore(holds: (key: string) => boolean = () => true): { calls: string[][]; ask: (keys: readonly string[]) => Promise<boolean[]> } {
  const calls: string[][] = [];
  return {
    calls,
    ask: async (keys) => {
      calls.push([...keys]);
      return keys.map(holds);
    },
  };
}

describe('LeaseChecks', () => {
  it('renews a lease it holds once per third of a lease, not on every tick', async () => {
    const store = askingStore();
    const leases = new LeaseChecks(30_000, store.ask);
    for (let at = 0; at < 30_000; at += 2_000) expect(await leases.held(['w'], at)).toEqual(new Set(['w']));
    // Asked at 0, 10,000 and 20,000: three renewals in a lease, where every tick made fifteen.
    expect(store.calls).toEqual([['w'], ['w'], ['w']]);
  });

  it('asks about every lease due in one call, and none when none is due', async () => {
    const store = askingStore((key) => key !== 'theirs');
    const leases = new LeaseChecks(30_000, store.ask);
    expect(await leases.held(['a', 'theirs', 'b'], 0)).toEqual(new Set(['a', 'b']));
    expect(await leases.held(['a', 'b'], 2_000)).toEqual(new Set(['a', 'b']));
    expect(await leases.held(['a', 'theirs', 'b', 'c'], 4_000)).toEqual(new Set(['a', 'b', 'c']));
    expect(store.calls).toEqual([['a', 'theirs', 'b'], ['theirs', 'c']]);
  });

  it('asks on every tick for a lease it does not hold, so a dead holder is taken over as soon as its lease lapses', async () => {
    let holder = 'other';
    const leases = new LeaseChecks(30_000, askingStore(() => holder === 'me').ask);
    expect(await leases.held(['w'], 0)).toEqual(new Set());
    holder = 'me';
    expect(await leases.held(['w'], 2_000)).toEqual(new Set(['w']));
  });

  it('asks again after a watch is forgotten, or is gone from the list', async () => {
    const store = askingStore();
    const leases = new LeaseChecks(30_000, store.ask);
    await leases.held(['a', 'b'], 0);
    leases.forget('a');
    leases.keepOnly(new Set(['a']));
    await leases.held(['a', 'b'], 1);
    expect(store.calls).toEqual([['a', 'b'], ['a', 'b']]);
  });

  it('a lease lost since the last renewal is asked for again on the next tick', async () => {
    let mine = true;
    const store = askingStore(() => mine);
    const leases = new LeaseChecks(30_000, store.ask);
    await leases.held(['w'], 0);
    mine = false;
    expect(await leases.held(['w'], 10_000)).toEqual(new Set());
    expect(await leases.held(['w'], 12_000)).toEqual(new Set());
    expect(store.calls).toHaveLength(3);
  });
});
