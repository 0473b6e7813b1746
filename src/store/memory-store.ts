import { EventEmitter } from 'node:events';
import { wholeMs, type AfterCappedWrite, type Store, type WindowCount, lookOrLockInSteps, type LookRequest, type LookResult } from './store';

/** How often, at most, a full store looks for expired values to drop before it drops the oldest. */
const SWEEP_EVERY_MS = 1_000;

interface Entry {
  value: string | Buffer;
  expiresAt: number;
}

/**
 * The Store in this process's memory: the default, for one replica, the
 * console and tests. Same behaviour as Redis, checked by the contract suite.
 * Bounded: past `maxKeys` values the expired go first (looked for at most once a second), then the oldest.
 */
export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  readonly shared: boolean = false;
  private readonly values = new Map<string, Entry>();
  private readonly hashes = new Map<string, Map<string, string>>();
  /** indexKey → keys written through setCapped, oldest first. */
  private readonly indexes = new Map<string, Set<string>>();
  private readonly channels = new EventEmitter();
  /** When makeRoom may next sweep out the expired values. */
  private nextSweepAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {
    // Waiters subscribe per lookup; hundreds at once are expected, not a leak.
    this.channels.setMaxListeners(0);
  }

  async get(key: string): Promise<string | null> {
    const value = this.live(key)?.value;
    return value === undefined ? null : value.toString();
  }

  async getMany(keys: readonly string[]): Promise<Array<string | null>> {
    return Promise.all(keys.map((key) => this.get(key)));
  }

  async getBytes(key: string): Promise<Buffer | null> {
    return this.bytesOf(key);
  }

  async getBytesPrefix(key: string, length: number): Promise<Buffer | null> {
    return this.bytesOf(key)?.subarray(0, length) ?? null;
  }

  async set(key: string, value: string | Buffer, ttlMs: number): Promise<void> {
    this.put(key, value, ttlMs);
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.put(key, value, ttlMs);
    return true;
  }

  async setCapped(key: string, value: string | Buffer, ttlMs: number, indexKey: string, max: number, then?: AfterCappedWrite): Promise<void> {
    this.capped(key, value, ttlMs, indexKey, max);
    if (!then) return;
    await this.publish(then.publish.channel, then.publish.message);
    await this.release(then.release.key, then.release.owner);
  }

  private capped(key: string, value: string | Buffer, ttlMs: number, indexKey: string, max: number): void {
    this.put(key, value, ttlMs);
    const index = this.indexes.get(indexKey) ?? new Set<string>();
    this.indexes.set(indexKey, index);
    index.delete(key); // re-added at the end: newest
    index.add(key);
    for (const member of index) {
      if (index.size <= max) break;
      index.delete(member);
      this.values.delete(member);
    }
  }

  async setAtLeast(key: string, value: string, ttlMs: number): Promise<void> {
    const current = this.live(key);
    if (current && current.expiresAt - this.now() >= ttlMs) return;
    this.put(key, value, ttlMs);
  }

  async getWithTtl(key: string): Promise<{ value: string; ttlMs: number } | null> {
    const entry = this.live(key);
    return entry ? { value: entry.value.toString(), ttlMs: entry.expiresAt - this.now() } : null;
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }

  async seen(key: string, ttlMs: number): Promise<boolean> {
    return !(await this.setIfAbsent(key, '1', ttlMs));
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const entry = this.live(key);
    const count = entry ? Number(entry.value) + 1 : 1;
    if (entry) entry.value = String(count);
    else this.put(key, '1', windowMs);
    const expiresAt = this.values.get(key)?.expiresAt ?? this.now();
    return { count, resetInMs: expiresAt - this.now() };
  }

  async acquire(key: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.setIfAbsent(key, owner, ttlMs);
  }

  async renew(key: string, owner: string, ttlMs: number): Promise<boolean> {
    if ((await this.holder(key)) !== owner) return false;
    this.put(key, owner, ttlMs);
    return true;
  }

  async holdAll(keys: readonly string[], owner: string, ttlMs: number): Promise<boolean[]> {
    const held: boolean[] = [];
    for (const key of keys) held.push((await this.renew(key, owner, ttlMs)) || (await this.acquire(key, owner, ttlMs)));
    return held;
  }

  async release(key: string, owner: string): Promise<boolean> {
    if ((await this.holder(key)) !== owner) return false;
    this.values.delete(key);
    return true;
  }

  lookOrLock(request: LookRequest): Promise<LookResult> {
    return lookOrLockInSteps(this, request);
  }

  holder(key: string): Promise<string | null> {
    return this.get(key);
  }

  async hashSet(key: string, field: string, value: string): Promise<void> {
    this.hash(key, true).set(field, value);
  }

  async hashReplace(key: string, field: string, value: string): Promise<boolean> {
    const hash = this.hash(key, false);
    if (!hash.has(field)) return false;
    hash.set(field, value);
    return true;
  }

  async hashSetIfAbsent(key: string, field: string, value: string): Promise<boolean> {
    const hash = this.hash(key, true);
    if (hash.has(field)) return false;
    hash.set(field, value);
    return true;
  }

  async hashGet(key: string, field: string): Promise<string | null> {
    return this.hash(key, false).get(field) ?? null;
  }

  async hashDelete(key: string, field: string): Promise<boolean> {
    const hash = this.hash(key, false);
    const had = hash.delete(field);
    if (hash.size === 0) this.hashes.delete(key);
    return had;
  }

  async hashGetAll(key: string): Promise<Map<string, string>> {
    return new Map(this.hash(key, false));
  }

  async hashLength(key: string): Promise<number> {
    return this.hash(key, false).size;
  }

  async publish(channel: string, message: string): Promise<void> {
    this.channels.emit(channel, message);
  }

  async subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>> {
    this.channels.on(channel, listener);
    return async () => {
      this.channels.off(channel, listener);
    };
  }

  async close(): Promise<void> {
    this.channels.removeAllListeners();
  }

  /** Keys held now, expired ones not yet dropped included (for tests of the bound). */
  get size(): number {
    return this.values.size;
  }

  private live(key: string): Entry | undefined {
    const entry = this.values.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now()) return entry;
    this.values.delete(key);
    return undefined;
  }

  private put(key: string, value: string | Buffer, ttlMs: number): void {
    this.values.delete(key); // re-inserted at the end, so Map order stays roughly write order
    if (this.values.size >= this.maxKeys) this.makeRoom();
    this.values.set(key, { value, expiresAt: this.now() + wholeMs(ttlMs) });
  }

  /** A live value as bytes; null when absent or expired. */
  private bytesOf(key: string): Buffer | null {
    const value = this.live(key)?.value;
    if (value === undefined) return null;
    return Buffer.isBuffer(value) ? value : Buffer.from(value);
  }

  private makeRoom(): void {
    const now = this.now();
    // Sweeping reads every key: at most once a second, or a store full of live values (replay and
    // delivery keys at a steady 200 commands/s reach the bound in minutes) would pay it on every write.
    if (now >= this.nextSweepAt) {
      for (const [key, entry] of this.values) if (entry.expiresAt <= now) this.values.delete(key);
      this.nextSweepAt = now + SWEEP_EVERY_MS;
    }
    while (this.values.size >= this.maxKeys) {
      const oldest = this.values.keys().next();
      if (oldest.done) return;
      this.values.delete(oldest.value);
    }
  }

  private hash(key: string, create: boolean): Map<string, string> {
    const found = this.hashes.get(key);
    if (found || !create) return found ?? new Map();
    const made = new Map<string, string>();
    this.hashes.set(key, made);
    return made;
  }
}
