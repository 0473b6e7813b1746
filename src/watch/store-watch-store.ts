import { randomUUID } from 'node:crypto';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import type { AddWatchResult, WatchStore } from './watch-store';
import type { WatchRecord } from './watch-record';
import { readWatchRecord } from './watch-record-schema';

/** Logical keys in the shared store (an implementation may prefix them, e.g. `eventlog:`). */
const WATCHES = 'watch:all';
const stopKey = (key: string): string => `watch:stop:${key}`;
const leaseKey = (key: string): string => `watch:lease:${key}`;
/** A hash (no TTL, like the watches) whose `generation` field names the store's contents. */
const META = 'watch:meta';
/** Leases taken or renewed in one call to the store at most. */
const LEASES_PER_CALL = 500;
/** A stop request outlives any poll interval; it is deleted with the watch. */
const STOP_REQUEST_TTL_MS = 24 * 3_600_000;

/**
 * Watches kept in the bot's Store: one hash of JSON records, a key per stop
 * request, a lease per watch. On the memory store they live as long as the
 * process; on Redis every replica sees them, and the leases decide which one
 * polls each watch. A record that cannot be read (damaged, or of another
 * version's shape) is skipped, logged once and removed; the others go on.
 */
export function createStoreWatchStore(store: Store, log?: Pick<Logger, 'warn'>): WatchStore {
  const readAt = async (key: string, json: string | null): Promise<WatchRecord | null> => {
    if (json === null) return null;
    const read = readWatchRecord(key, json);
    if (read.ok) return read.watch;
    // Whoever deletes it logs it: once, however many replicas came across it.
    if (await store.hashDelete(WATCHES, key)) log?.warn('watch.bad_record', { key, why: read.why, removed: true });
    return null;
  };
  // Every pass (each WATCH_TICK) lists every watch, and most records have not changed since the last pass:
  // a record stored as the same text as last time is the record read then (frozen, so no caller can change it).
  let lastListed = new Map<string, { json: string; watch: WatchRecord }>();
  /** The record the last pass read for `key`, while `json` is still the text stored for it. */
  const listedAs = (key: string, json: string | null): WatchRecord | undefined => {
    const known = lastListed.get(key);
    return known?.json === json ? known.watch : undefined;
  };
  const get = async (key: string): Promise<WatchRecord | null> => {
    const json = await store.hashGet(WATCHES, key);
    return listedAs(key, json) ?? readAt(key, json);
  };
  const readListed = async (listed: Map<string, string>): Promise<WatchRecord[]> => {
    const read = await Promise.all(
      [...listed].map(async ([key, json]) => {
        const known = listedAs(key, json);
        if (known) return { key, json, watch: known };
        const watch = await readAt(key, json);
        return watch && { key, json, watch: frozen(watch) };
      }),
    );
    lastListed = new Map(read.flatMap((entry) => (entry ? [[entry.key, entry] as const] : [])));
    return [...lastListed.values()].map(({ watch }) => watch);
  };

  const leaseAll = async (keys: readonly string[], owner: string, ttlMs: number): Promise<boolean[]> => {
    const held: boolean[] = [];
    // A bounded script each: Redis runs one at a time, and a thousand keys hold it for about a millisecond.
    for (let from = 0; from < keys.length; from += LEASES_PER_CALL) {
      held.push(...(await store.holdAll(keys.slice(from, from + LEASES_PER_CALL).map(leaseKey), owner, ttlMs)));
    }
    return held;
  };

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
        const existing = await get(watch.key);
        if (existing) return { kind: 'exists', watch: existing };
      }
      return { kind: 'full' };
    },
    get,
    // One atomic step: a watch ended meanwhile (on any replica) is not written back.
    update: (watch) => store.hashReplace(WATCHES, watch.key, JSON.stringify(watch)),
    remove: async (key) => {
      const watch = await get(key);
      // Only the caller whose delete found the field ends the watch.
      if (!(await store.hashDelete(WATCHES, key))) return null;
      await store.delete(stopKey(key));
      return watch;
    },
    list: async () => readListed(await store.hashGetAll(WATCHES)),
    requestStop: async (key, by) => {
      await store.setIfAbsent(stopKey(key), by, STOP_REQUEST_TTL_MS);
    },
    stopRequests: async (keys) => {
      const asked = await store.getMany(keys.map(stopKey));
      return new Map(keys.flatMap((key, i) => (asked[i] === null ? [] : [[key, asked[i] as string] as const])));
    },
    lease: async (key, owner, ttlMs) => (await leaseAll([key], owner, ttlMs))[0] === true,
    leaseAll,
    releaseLease: async (key, owner) => {
      await store.release(leaseKey(key), owner);
    },
    generation: async () => {
      const known = await store.hashGet(META, 'generation');
      if (known !== null) return known;
      const fresh = randomUUID();
      // Replicas that find it missing at once agree on whichever was written first.
      if (await store.hashSetIfAbsent(META, 'generation', fresh)) return fresh;
      return (await store.hashGet(META, 'generation')) ?? fresh;
    },
  };
}

/** A record read from the store, shared between passes: frozen with its snapshot, so a change must make a new record. */
function frozen(watch: WatchRecord): WatchRecord {
  Object.freeze(watch.snapshot);
  return Object.freeze(watch);
}
