import { MemoryStore } from '../../src/store/memory-store';
import { manualClock } from '../helpers/manual-clock';
import { storeContract } from './store-contract';

describe('MemoryStore', () => {
  storeContract(() => {
    const clock = manualClock(1_000_000);
    return {
      create: async () => new MemoryStore(clock.now),
      pass: async (ms) => clock.advance(ms),
    };
  });

  it('holds at most maxKeys values, dropping the oldest first', async () => {
    const store = new MemoryStore(() => 0, 3);
    for (const key of ['a', 'b', 'c', 'd']) await store.set(key, key, 1_000);
    expect(store.size).toBe(3);
    expect(await store.get('a')).toBeNull();
    expect(await store.get('d')).toBe('d');
  });

  it('makes room by dropping expired values first, then the oldest live one', async () => {
    const clock = manualClock(1_000_000);
    const store = new MemoryStore(clock.now, 3);
    await store.set('a', 'a', 100);
    await store.set('b', 'b', 60_000);
    await store.set('c', 'c', 60_000);
    clock.advance(200);
    await store.set('d', 'd', 60_000);
    expect(store.size).toBe(3);
    expect(await store.get('b')).toBe('b');
    // Full of live values: the oldest goes (without another look for expired ones within the second).
    await store.set('e', 'e', 60_000);
    expect(await store.get('b')).toBeNull();
    expect([await store.get('c'), await store.get('d'), await store.get('e')]).toEqual(['c', 'd', 'e']);
    // A second on, the expired are looked for again before anything live is dropped.
    await store.set('f', 'f', 500); // drops c, the oldest
    clock.advance(1_000);
    await store.set('g', 'g', 60_000); // f has expired: it goes, d stays
    expect([await store.get('d'), await store.get('e'), await store.get('g')]).toEqual(['d', 'e', 'g']);
  });
});
