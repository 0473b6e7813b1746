import { TtlCache } from '../../../src/eventlog/answers/ttl-cache';
import { manualClock } from '../../helpers/manual-clock';

describe('TtlCache', () => {
  it('returns a stored value until its time-to-live has passed, then forgets it', () => {
    const clock = manualClock(1_000);
    const cache = new TtlCache<string>(15_000, 10, clock.now);
    cache.set('a', 'log A');
    clock.advance(14_999);
    expect(cache.get('a')).toBe('log A');
    clock.advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('returns undefined for a key never stored', () => {
    expect(new TtlCache<string>(1000, 10, () => 0).get('missing')).toBeUndefined();
  });

  it('stores nothing when the time-to-live is 0', () => {
    const cache = new TtlCache<string>(0, 10, () => 0);
    cache.set('a', 'log A');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the oldest entry when full', () => {
    const clock = manualClock(0);
    const cache = new TtlCache<number>(60_000, 2, clock.now);
    cache.set('a', 1);
    clock.advance(1);
    cache.set('b', 2);
    clock.advance(1);
    cache.set('c', 3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe(2);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('counts a rewrite as new: the rewritten key is evicted last and lives a full TTL again', () => {
    const clock = manualClock(0);
    const cache = new TtlCache<number>(10_000, 2, clock.now);
    cache.set('a', 1);
    cache.set('b', 2);
    clock.advance(5_000);
    cache.set('a', 10);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    clock.advance(9_999);
    expect(cache.get('a')).toBe(10);
  });

  it('drops expired entries on the next write, so they do not stay in memory until the cache fills', () => {
    const clock = manualClock(0);
    const cache = new TtlCache<string>(1_000, 100, clock.now);
    for (let i = 0; i < 50; i++) cache.set(`old-${i}`, 'x'.repeat(1000));
    clock.advance(1_000);
    cache.set('new', 'y');
    expect(cache.size).toBe(1);
    expect(cache.get('new')).toBe('y');
  });
});

describe('TtlCache weighed by size', () => {
  it('evicts the oldest entries until the total weight fits, and never holds one heavier than the whole budget', () => {
    const cache = new TtlCache<number[]>(60_000, 100, () => 0, (v) => v.length, 10);
    cache.set('a', [1, 2, 3, 4]);
    cache.set('b', [1, 2, 3, 4]);
    cache.set('c', [1, 2, 3, 4]);
    expect([cache.get('a'), cache.get('b')?.length, cache.get('c')?.length]).toEqual([undefined, 4, 4]);
    cache.set('huge', new Array<number>(11).fill(0));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
