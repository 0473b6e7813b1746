import type { Store } from '../store/store';
import type { AddWatchResult, WatchStore } from './watch-store';
import type { WatchRecord } from './watch-record';

/** Logical keys in the shared store (an implementation may prefix them, e.g. `eventlog:`). */
const WATCHES = 'watch:all';
const stopKey = (key: string): string => `watch:stop:${key}`;
const leaseKey = (key: string): string => `watch:lease:${key}`;
/** A stop request outlives any poll interval; it is deleted with the watch. */
const STOP_REQUEST_TTL_MS = 24 * 3_600_000;

/**
 * Watches kept in the bot's Store: one hash of JSON records, a key per stop
 * request, a lease per watch. On the memory store they live as long as the
 * process; on Redis every replica sees them, and the leases decide which one
 * polls each watch.
 */
export function createStoreWatchStore(store: Store): WatchStore {
  const read = (json: string | null): WatchRecord | null => (json === null ? null : (JSON.parse(json) as WatchRecord));

  return {
    durable: store.shared,
    add: async (watch, max): Promise<AddWatchResult> => {
      // Twice at most: a watch that ends between the claim and the read frees its key for the second try.
      for (let attempt = 0; attempt < 2; attempt++) {
        if (await store.hashSetIfAbsent(WATCHES, watch.key, JSON.stringify(watch))) {
          // Claim first, count after: two replicas adding at once may both give up, but never both exceed `max`.
          if ((await store.hashLength(WATCHES)) <= max) return { kind: 'added' };
          await store.hashDelete(WATCHES, watch.key);
          return { kind: 'full' };
        }
        const existing = read(await store.hashGet(WATCHES, watch.key));
        if (existing) return { kind: 'exists', watch: existing };
      }
      return { kind: 'full' };
    },
    get: async (key) => read(await store.hashGet(WATCHES, key)),
    update: async (watch) => {
      if ((await store.hashGet(WATCHES, watch.key)) === null) return false;
      await store.hashSet(WATCHES, watch.key, JSON.stringify(watch));
      return true;
    },
    remove: async (key) => {
      const watch = read(await store.hashGet(WATCHES, key));
      // Only the caller whose delete found the field ends the watch.
      if (!(await store.hashDelete(WATCHES, key))) return null;
      await store.delete(stopKey(key));
      return watch;
    },
    list: async () => [...(await store.hashGetAll(WATCHES)).values()].map((json) => JSON.parse(json) as WatchRecord),
    requestStop: async (key, by) => {
      await store.setIfAbsent(stopKey(key), by, STOP_REQUEST_TTL_MS);
    },
    stopRequests: async (keys) => {
      const asked = await store.getMany(keys.map(stopKey));
      return new Map(keys.flatMap((key, i) => (asked[i] === null ? [] : [[key, asked[i] as string] as const])));
    },
    lease: async (key, owner, ttlMs) => (await store.renew(leaseKey(key), owner, ttlMs)) || store.acquire(leaseKey(key), owner, ttlMs),
    releaseLease: async (key, owner) => {
      await store.release(leaseKey(key), owner);
    },
  };
}
