import type { WatchRecord } from './watch-record';

/** What adding a watch came to. */
export type AddWatchResult = { kind: 'added' } | { kind: 'exists'; watch: WatchRecord } | { kind: 'full' };

/**
 * Where watches live. The memory store keeps them in this process (a restart
 * ends them); the Redis store shares them between replicas, and its leases
 * make exactly one replica poll each watch. Every method is atomic on its own.
 */
export interface WatchStore {
  /** Add `watch` unless its key is taken (→ the existing one) or `max` watches exist (→ full). */
  add(watch: WatchRecord, max: number): Promise<AddWatchResult>;
  get(key: string): Promise<WatchRecord | null>;
  /** Save a changed watch; false (and nothing saved) when it was removed meanwhile, so a stopped watch never comes back. */
  update(watch: WatchRecord): Promise<boolean>;
  /** Remove and return it; null when it was already gone (so exactly one caller ends a watch). */
  remove(key: string): Promise<WatchRecord | null>;
  list(): Promise<WatchRecord[]>;
  /** Ask the replica polling `key` to stop it (a Stop watching click may reach any replica). */
  requestStop(key: string, by: string): Promise<void>;
  /** Who asked to stop each of `keys` (one store round trip for all): only those with a request are in the map. */
  stopRequests(keys: readonly string[]): Promise<Map<string, string>>;
  /**
   * Take or renew the lease on `key` for `owner` for `ttlMs`: true when `owner` holds it now.
   * A lease not renewed within its TTL lapses, and another replica takes the watch over.
   */
  lease(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** `lease` for each of `keys` at once (one store round trip): true where `owner` holds it now, in order. */
  leaseAll(keys: readonly string[], owner: string, ttlMs: number): Promise<boolean[]>;
  /** Give the lease up (on shutdown, or when the watch ends) if `owner` holds it. */
  releaseLease(key: string, owner: string): Promise<void>;
  /**
   * An ID of the store's contents, the same until the store loses them (Redis restarted empty or flushed):
   * then a new one. A watch missing under the same ID was ended; under a new one, it was lost.
   */
  generation(): Promise<string>;
  /** Whether watches outlive this process (the README and the shutdown path care). */
  readonly durable: boolean;
}
