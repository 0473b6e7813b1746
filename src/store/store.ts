/**
 * Where state that every replica of the bot must agree on lives: answer
 * cache, single-flight locks, rate budgets, the BlueKing cooldown, Slack
 * delivery dedupe, and records for later features (watches, leases).
 *
 * Two implementations pass one contract suite (test/store/store-contract.ts):
 * process memory (the default; one replica) and Redis (REDIS_URL; N replicas).
 * Keys are logical ("lock:…"); an implementation may prefix them.
 * Every TTL is in milliseconds and must be positive.
 * Methods reject with StoreError when the backing service cannot answer.
 */
export interface Store {
  /** 'memory' or 'redis': for logs and metrics. */
  readonly kind: StoreKind;
  /** True when other processes see what this store holds (Redis), so cross-replica work is worth doing. */
  readonly shared: boolean;

  // --- values with a TTL (cache entries, JSON records) ---
  get(key: string): Promise<string | null>;
  getBytes(key: string): Promise<Buffer | null>;
  /** Several values in one round trip (MGET), in the order of `keys`; null for each one absent. */
  getMany(keys: readonly string[]): Promise<Array<string | null>>;
  /** The first `length` bytes of a value (GETRANGE); null when absent. Tells which version is there without moving a big one. */
  getBytesPrefix(key: string, length: number): Promise<Buffer | null>;
  set(key: string, value: string | Buffer, ttlMs: number): Promise<void>;
  /** Set only when the key is absent; true when this call set it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /**
   * Set, and keep at most `max` keys written through the same `indexKey`:
   * the oldest are deleted first. Bounds a cache by count, not just by time.
   * `then`: with the write, in the same round trip, announce it and give a lease up (as `publish` and `release`).
   */
  setCapped(key: string, value: string | Buffer, ttlMs: number, indexKey: string, max: number, then?: AfterCappedWrite): Promise<void>;
  /** Set unless the key already lives longer: a pause that may be raised, never shortened. */
  setAtLeast(key: string, value: string, ttlMs: number): Promise<void>;
  /** The value and the milliseconds it has left; null when absent. */
  getWithTtl(key: string): Promise<{ value: string; ttlMs: number } | null>;
  delete(key: string): Promise<void>;

  // --- dedupe and counters ---
  /** Remember `key` for ttlMs. False the first time (go ahead), true for every repeat within ttlMs. */
  seen(key: string, ttlMs: number): Promise<boolean>;
  /** Fixed-window counter: adds one; the window opens on the first hit and lasts windowMs. */
  hit(key: string, windowMs: number): Promise<WindowCount>;

  // --- leases (single-flight locks, watch ownership) ---
  /** Take `key` for `owner` if nobody holds it (SET NX PX). True when taken. */
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Extend the lease only if `owner` still holds it. */
  renew(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /**
   * For each key at once (in Redis one script, one round trip): renew it if `owner` holds it, take it if
   * nobody does. True where `owner` holds it now, in the order of `keys`.
   */
  holdAll(keys: readonly string[], owner: string, ttlMs: number): Promise<boolean[]>;
  /** Give the lease up only if `owner` still holds it (a lease that expired and was taken over is left alone). */
  release(key: string, owner: string): Promise<boolean>;
  /** Who holds the lease now; null when free. */
  holder(key: string): Promise<string | null>;

  // --- a shared lookup's first step, in one round trip ---
  /**
   * Read `read` (whole or its first bytes); when it holds nothing, take `lock`
   * for its owner; and read `peek` with its TTL. In Redis one script (atomic,
   * one round trip instead of three before BlueKing is asked).
   */
  lookOrLock(request: LookRequest): Promise<LookResult>;

  // --- records without a TTL (e.g. the set of active watches) ---
  hashSet(key: string, field: string, value: string): Promise<void>;
  /** Set the field only if it is there (one atomic step): false, and nothing written, when it is not. */
  hashReplace(key: string, field: string, value: string): Promise<boolean>;
  /** Set the field only when absent; true when this call set it. */
  hashSetIfAbsent(key: string, field: string, value: string): Promise<boolean>;
  hashGet(key: string, field: string): Promise<string | null>;
  /** True when the field was there. */
  hashDelete(key: string, field: string): Promise<boolean>;
  hashGetAll(key: string): Promise<Map<string, string>>;
  hashLength(key: string): Promise<number>;

  // --- notification (wake waiters instead of polling) ---
  /** Best effort: listeners on other replicas may miss it while disconnected, so waiters must also poll. */
  publish(channel: string, message: string): Promise<void>;
  /** Call `listener` for each message on `channel` until the returned function is called. */
  subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>>;

  /** Release connections and timers. */
  close(): Promise<void>;
}

export type StoreKind = 'memory' | 'redis';

export interface LookRequest {
  /** The value to look for, whole or only its first `prefixBytes`; null looks for none (the lock is then always tried). */
  read: { key: string; prefixBytes: number | null } | null;
  /** Taken for `owner` (as `acquire`) when no value was found. */
  lock: { key: string; owner: string; ttlMs: number };
  /** Read with its TTL (as `getWithTtl`) whatever else happens. */
  peek: string;
}

export interface LookResult {
  /** The value (or its first bytes); null when absent or not read. */
  value: Buffer | null;
  /** This call took the lock. */
  locked: boolean;
  /** Who holds the lock after the call; null when free. */
  holder: string | null;
  peeked: { value: string; ttlMs: number } | null;
}

/** lookOrLock as separate steps, for a store where each step costs no round trip (process memory). */
export async function lookOrLockInSteps(store: Store, { read, lock, peek }: LookRequest): Promise<LookResult> {
  const value = read === null ? null : read.prefixBytes === null ? await store.getBytes(read.key) : await store.getBytesPrefix(read.key, read.prefixBytes);
  const locked = value === null && (await store.acquire(lock.key, lock.owner, lock.ttlMs));
  return { value, locked, holder: await store.holder(lock.key), peeked: await store.getWithTtl(peek) };
}

/** What setCapped does right after its write: a shared answer wakes its waiters and lets its lock go. */
export interface AfterCappedWrite {
  publish: { channel: string; message: string };
  release: { key: string; owner: string };
}

export interface WindowCount {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window closes. */
  resetInMs: number;
}

/** The store could not answer (connection down, timeout, refused command). */
export class StoreError extends Error {
  constructor(
    readonly operation: string,
    readonly reason: string,
  ) {
    super(`store ${operation} failed: ${reason}`);
    this.name = 'StoreError';
  }
}

/** A TTL as the whole, positive milliseconds Redis accepts. */
export function wholeMs(ttlMs: number): number {
  return Math.max(1, Math.ceil(ttlMs));
}
