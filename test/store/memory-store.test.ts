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
});
