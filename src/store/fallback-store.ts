import type { Logger } from '../log';
import type { Metrics, StoreErrorKind } from '../metrics';
import type { MemoryStore } from './memory-store';
import type { AfterCappedWrite, LookRequest, LookResult, Store, StoreKind, WindowCount } from './store';

/** The shared store as the bot uses it: never throws; while it fails, process memory stands in. */
export interface FallbackStoreOptions {
  /** The shared store (Redis). */
  primary: Store & { waitUntilReady?(timeoutMs: number): Promise<boolean>; readonly problem?: string | null };
  /** What answers while the shared store cannot: this replica's memory, with the same caps. */
  fallback: MemoryStore;
  log: Logger;
  metrics: Metrics;
  now?: () => number;
  /** After a failure, how long to go straight to the fallback before trying the shared store again. */
  retryAfterMs?: number;
  /** At most one `store.unavailable` warning per this period. */
  warnEveryMs?: number;
}

/**
 * Wraps the shared store so a Redis outage never stops an answer: each failed
 * operation is done on process memory instead (so lookups go to BlueKing
 * under this replica's own caps), counted in the metrics, and reported by one
 * `store.unavailable` warning a minute. After a failure the shared store is
 * skipped for a second, then tried again by one operation at a time, so a
 * hung Redis holds up at most one operation a second (for its command
 * timeout); once one succeeds, sharing resumes by itself.
 */
export class FallbackStore implements Store {
  readonly kind: StoreKind;
  readonly shared = true;
  private skipUntil = 0;
  private lastWarning = Number.NEGATIVE_INFINITY;
  private lastRefusal = Number.NEGATIVE_INFINITY;
  /** A store.unavailable was logged and its store.recovered not yet: the two come in pairs, at most one a minute. */
  private unrecovered = false;
  private failing = false;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: FallbackStoreOptions) {
    this.kind = options.primary.kind;
    this.now = options.now ?? Date.now;
  }

  get(key: string): Promise<string | null> {
    return this.use('get', (s) => s.get(key));
  }
  getMany(keys: readonly string[]): Promise<Array<string | null>> {
    return this.use('get', (s) => s.getMany(keys));
  }

  getBytes(key: string): Promise<Buffer | null> {
    return this.use('get', (s) => s.getBytes(key));
  }
  getBytesPrefix(key: string, length: number): Promise<Buffer | null> {
    return this.use('get', (s) => s.getBytesPrefix(key, length));
  }
  set(key: string, value: string | Buffer, ttlMs: number): Promise<void> {
    return this.use('set', (s) => s.set(key, value, ttlMs));
  }
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return this.use('set', (s) => s.setIfAbsent(key, value, ttlMs));
  }
  setCapped(key: string, value: string | Buffer, ttlMs: number, indexKey: string, max: number, then?: AfterCappedWrite): Promise<void> {
    return this.use('set', (s) => s.setCapped(key, value, ttlMs, indexKey, max, then));
  }
  setAtLeast(key: string, value: string, ttlMs: number): Promise<void> {
    return this.use('set', (s) => s.setAtLeast(key, value, ttlMs));
  }
  getWithTtl(key: string): Promise<{ value: string; ttlMs: number } | null> {
    return this.use('get', (s) => s.getWithTtl(key));
  }
  delete(key: string): Promise<void> {
    return this.use('delete', (s) => s.delete(key));
  }
  seen(key: string, ttlMs: number): Promise<boolean> {
    return this.use('seen', (s) => s.seen(key, ttlMs));
  }
  hit(key: string, windowMs: number): Promise<WindowCount> {
    return this.use('hit', (s) => s.hit(key, windowMs));
  }
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.use('lease', (s) => s.acquire(key, owner, ttlMs));
  }
  renew(key: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.use('lease', (s) => s.renew(key, owner, ttlMs));
  }
  holdAll(keys: readonly string[], owner: string, ttlMs: number): Promise<boolean[]> {
    return this.use('lease', (s) => s.holdAll(keys, owner, ttlMs));
  }
  release(key: string, owner: string): Promise<boolean> {
    return this.use('lease', (s) => s.release(key, owner));
  }
  holder(key: string): Promise<string | null> {
    return this.use('lease', (s) => s.holder(key));
  }
  lookOrLock(request: LookRequest): Promise<LookResult> {
    return this.use('look', (s) => s.lookOrLock(request));
  }

  hashSet(key: string, field: string, value: string): Promise<void> {
    return this.use('hash', (s) => s.hashSet(key, field, value));
  }
  hashReplace(key: string, field: string, value: string): Promise<boolean> {
    return this.use('hash', (s) => s.hashReplace(key, field, value));
  }
  hashSetIfAbsent(key: string, field: string, value: string): Promise<boolean> {
    return this.use('hash', (s) => s.hashSetIfAbsent(key, field, value));
  }
  hashGet(key: string, field: string): Promise<string | null> {
    return this.use('hash', (s) => s.hashGet(key, field));
  }
  hashDelete(key: string, field: string): Promise<boolean> {
    return this.use('hash', (s) => s.hashDelete(key, field));
  }
  hashGetAll(key: string): Promise<Map<string, string>> {
    return this.use('hash', (s) => s.hashGetAll(key));
  }
  hashLength(key: string): Promise<number> {
    return this.use('hash', (s) => s.hashLength(key));
  }
  publish(channel: string, message: string): Promise<void> {
    return this.use('publish', (s) => s.publish(channel, message));
  }
  subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>> {
    return this.use('subscribe', (s) => s.subscribe(channel, listener));
  }

  async close(): Promise<void> {
    await Promise.all([this.options.primary.close(), this.options.fallback.close()]);
  }

  /** Resolves true once the shared store is connected, false if `timeoutMs` passes first. */
  waitForPrimary(timeoutMs: number): Promise<boolean> {
    return this.options.primary.waitUntilReady?.(timeoutMs) ?? Promise.resolve(true);
  }

  /** Why the shared store cannot connect now (e.g. its password refused), or null. */
  get primaryProblem(): string | null {
    return this.options.primary.problem ?? null;
  }

  /** True while operations go to process memory instead of the shared store. */
  get degraded(): boolean {
    return this.failing;
  }

  private async use<T>(operation: string, run: (store: Store) => Promise<T>): Promise<T> {
    const { primary, fallback, metrics } = this.options;
    // While failing, one operation at a time (once a second) tries the shared store again; the rest
    // go straight to memory, so a hung Redis holds up one operation a second, not every one.
    if (this.failing && (this.probing || this.now() < this.skipUntil)) return run(fallback);
    const probe = this.failing;
    if (probe) this.probing = true;
    try {
      const result = await run(primary);
      metrics.storeOperation(operation, 'ok');
      if (this.failing) {
        this.failing = false;
        if (this.unrecovered) this.options.log.info('store.recovered', { store: this.kind });
        this.unrecovered = false;
      }
      return result;
    } catch (err) {
      this.noteFailure(operation, err);
      return run(fallback);
    } finally {
      if (probe) this.probing = false;
    }
  }

  private noteFailure(operation: string, err: unknown): void {
    const now = this.now();
    const reason = err instanceof Error ? err.message : String(err);
    const kind = errorKind(reason);
    this.options.metrics.storeOperation(operation, 'error');
    this.options.metrics.storeError(kind);
    const every = this.options.warnEveryMs ?? 60_000;
    if (kind === 'refused') {
      // Redis is up and refused this command (a key of the wrong type): only the operation goes to memory,
      // the store is not marked down (no "recovered" a second later), and the fault is logged once a minute.
      if (now - this.lastRefusal < every) return;
      this.lastRefusal = now;
      this.options.log.warn('store.command_refused', { store: this.kind, operation, kind, error: reason, fallback: 'process memory' });
      return;
    }
    this.failing = true;
    this.skipUntil = now + (this.options.retryAfterMs ?? 1_000);
    if (now - this.lastWarning < every) return;
    this.lastWarning = now;
    this.unrecovered = true;
    this.options.log.warn('store.unavailable', { store: this.kind, operation, kind, error: reason, fallback: 'process memory' });
  }
}

function errorKind(reason: string): StoreErrorKind {
  if (/authentication failed/i.test(reason)) return 'auth';
  if (/timed? ?out/i.test(reason)) return 'timeout';
  if (/writeable|ECONNREFUSED|ECONNRESET|closed|connect|EPIPE|ENOTFOUND|EHOSTUNREACH/i.test(reason)) return 'disconnected';
  // Redis's own error reply to a command it took: the store is up.
  if (/\b(WRONGTYPE|ERR|EXECABORT)\b/.test(reason)) return 'refused';
  return 'other';
}
