import { createHash } from 'node:crypto';
import Redis, { type RedisOptions } from 'ioredis';
import { REDIS_SCRIPTS, type ScriptName } from './redis-scripts';
import { StoreError, wholeMs, type AfterCappedWrite, type LookRequest, type LookResult, type Store, type WindowCount } from './store';

export interface RedisStoreOptions {
  /** redis:// or rediss:// (TLS), with password and db in the URL. */
  url: string;
  /** Put before every key and channel, so several bots can share one Redis. */
  prefix: string;
  /** Most a command may take before it fails (a slow Redis must not hold lookups up). */
  commandTimeoutMs?: number;
}

type RedisReply = string | Buffer | number | null | RedisReply[];

/**
 * The Store in Redis, for N replicas (ioredis). Commands fail at once while
 * disconnected (no offline queue: the caller falls back rather than wait),
 * each command has a timeout, the client reconnects forever with a capped
 * backoff, and the subscriber connection resubscribes after a reconnect.
 */
export class RedisStore implements Store {
  readonly kind = 'redis' as const;
  readonly shared = true;
  private readonly client: Redis;
  /** Subscriptions need a connection of their own. */
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, Set<(message: string) => void>>();
  private readonly shas = new Map<ScriptName, string>();
  /** Why the connection last failed (e.g. WRONGPASS), until it is ready again: what "not connected" is down to. */
  private connectionProblem: string | null = null;

  constructor(private readonly options: RedisStoreOptions) {
    this.client = connect(options, (problem) => {
      this.connectionProblem = problem;
    });
    this.subscriber = connect(options, () => undefined);
    this.subscriber.on('message', (channel: string, message: string) => {
      for (const listener of this.listeners.get(channel) ?? []) listener(message);
    });
    for (const [name, script] of Object.entries(REDIS_SCRIPTS)) {
      this.shas.set(name as ScriptName, createHash('sha1').update(script.lua).digest('hex'));
    }
  }

  /** Why the store cannot connect now (an authentication failure named as such), or null. */
  get problem(): string | null {
    return this.client.status !== 'ready' && this.connectionProblem !== null ? describeConnectionProblem(this.connectionProblem) : null;
  }

  /** True while both connections are up and able to take commands. */
  get ready(): boolean {
    return this.client.status === 'ready' && this.subscriber.status === 'ready';
  }

  /** Resolves true once connected, false if `timeoutMs` passes first (the client keeps trying). */
  async waitUntilReady(timeoutMs: number): Promise<boolean> {
    const [a, b] = await Promise.all([readyWithin(this.client, timeoutMs), readyWithin(this.subscriber, timeoutMs)]);
    return a && b;
  }

  get(key: string): Promise<string | null> {
    return this.run('get', () => this.client.get(this.k(key)));
  }

  async getMany(keys: readonly string[]): Promise<Array<string | null>> {
    if (keys.length === 0) return [];
    return this.run('get', () => this.client.mget(keys.map((key) => this.k(key))));
  }

  getBytes(key: string): Promise<Buffer | null> {
    return this.run('get', () => this.client.getBuffer(this.k(key)));
  }

  async getBytesPrefix(key: string, length: number): Promise<Buffer | null> {
    // GETRANGE answers "" for a missing key; a stored value is never empty.
    const bytes = await this.run('get', () => this.client.getrangeBuffer(this.k(key), 0, length - 1));
    return bytes.length > 0 ? bytes : null;
  }

  async set(key: string, value: string | Buffer, ttlMs: number): Promise<void> {
    await this.run('set', () => this.client.set(this.k(key), value, 'PX', wholeMs(ttlMs)));
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.run('set', () => this.client.set(this.k(key), value, 'PX', wholeMs(ttlMs), 'NX'))) === 'OK';
  }

  async setCapped(key: string, value: string | Buffer, ttlMs: number, indexKey: string, max: number, then?: AfterCappedWrite): Promise<void> {
    const keys = [this.k(key), this.k(indexKey), ...(then ? [this.k(then.release.key)] : [])];
    const after = then ? [this.k(then.publish.channel), then.publish.message, then.release.owner] : [];
    await this.script('setCapped', keys, [value, wholeMs(ttlMs), Math.max(1, max), ...after]);
  }

  async setAtLeast(key: string, value: string, ttlMs: number): Promise<void> {
    await this.script('setAtLeast', [this.k(key)], [value, wholeMs(ttlMs)]);
  }

  async getWithTtl(key: string): Promise<{ value: string; ttlMs: number } | null> {
    const reply = await this.script('getWithTtl', [this.k(key)], []);
    if (!Array.isArray(reply)) return null;
    return { value: String(reply[0]), ttlMs: Number(reply[1]) };
  }

  async delete(key: string): Promise<void> {
    await this.run('delete', () => this.client.del(this.k(key)));
  }

  async seen(key: string, ttlMs: number): Promise<boolean> {
    return !(await this.setIfAbsent(key, '1', ttlMs));
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const reply = await this.script('hit', [this.k(key)], [wholeMs(windowMs)]);
    const [count, left] = Array.isArray(reply) ? reply : [];
    return { count: Number(count), resetInMs: Number(left) };
  }

  acquire(key: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.setIfAbsent(key, owner, ttlMs);
  }

  async renew(key: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.script('renew', [this.k(key)], [owner, wholeMs(ttlMs)])) === 1;
  }

  async holdAll(keys: readonly string[], owner: string, ttlMs: number): Promise<boolean[]> {
    if (keys.length === 0) return [];
    const reply = await this.script('holdAll', keys.map((key) => this.k(key)), [owner, wholeMs(ttlMs)]);
    const held = Array.isArray(reply) ? reply : [];
    return keys.map((_, i) => held[i] === 1);
  }

  async release(key: string, owner: string): Promise<boolean> {
    return (await this.script('release', [this.k(key)], [owner])) === 1;
  }

  holder(key: string): Promise<string | null> {
    return this.get(key);
  }

  async lookOrLock({ read, lock, peek }: LookRequest): Promise<LookResult> {
    const mode = read === null ? 'none' : read.prefixBytes === null ? 'whole' : 'prefix';
    const keys = [this.k(read?.key ?? lock.key), this.k(lock.key), this.k(peek)];
    const reply = await this.script('lookOrLock', keys, [mode, read?.prefixBytes ?? 0, lock.owner, wholeMs(lock.ttlMs)], true);
    const [value, locked, holder, peeked, left] = Array.isArray(reply) ? reply : [];
    return {
      value: Buffer.isBuffer(value) ? value : null,
      locked: locked === 1,
      holder: Buffer.isBuffer(holder) ? holder.toString('utf8') : null,
      peeked: Buffer.isBuffer(peeked) ? { value: peeked.toString('utf8'), ttlMs: Number(left) } : null,
    };
  }

  async hashSet(key: string, field: string, value: string): Promise<void> {
    await this.run('hash', () => this.client.hset(this.k(key), field, value));
  }

  async hashReplace(key: string, field: string, value: string): Promise<boolean> {
    return (await this.script('hashReplace', [this.k(key)], [field, value])) === 1;
  }

  async hashSetIfAbsent(key: string, field: string, value: string): Promise<boolean> {
    return (await this.run('hash', () => this.client.hsetnx(this.k(key), field, value))) === 1;
  }

  hashGet(key: string, field: string): Promise<string | null> {
    return this.run('hash', () => this.client.hget(this.k(key), field));
  }

  async hashDelete(key: string, field: string): Promise<boolean> {
    return (await this.run('hash', () => this.client.hdel(this.k(key), field))) > 0;
  }

  async hashGetAll(key: string): Promise<Map<string, string>> {
    return new Map(Object.entries(await this.run('hash', () => this.client.hgetall(this.k(key)))));
  }

  hashLength(key: string): Promise<number> {
    return this.run('hash', () => this.client.hlen(this.k(key)));
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.run('publish', () => this.client.publish(this.k(channel), message));
  }

  async subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>> {
    const subscriber = this.subscriber;
    const name = this.k(channel);
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
      try {
        await this.run('subscribe', () => subscriber.subscribe(name));
      } catch (err) {
        this.listeners.delete(name);
        throw err;
      }
    }
    set.add(listener);
    return async () => {
      const current = this.listeners.get(name);
      if (!current?.delete(listener) || current.size > 0) return;
      this.listeners.delete(name);
      // Best effort: a failed UNSUBSCRIBE only leaves a channel nobody listens to.
      await subscriber.unsubscribe(name).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.subscriber.disconnect();
    this.client.disconnect();
  }

  private k(key: string): string {
    return `${this.options.prefix}${key}`;
  }

  /** EVALSHA, and EVAL when Redis does not know the script (first use, or after a restart flushed it). */
  /** `binary`: bulk replies come back as Buffers (a stored answer is gzip, not text). */
  private script(name: ScriptName, keys: string[], args: Array<string | number | Buffer>, binary = false): Promise<RedisReply> {
    const { lua, numberOfKeys: declared } = REDIS_SCRIPTS[name];
    // 'each': a script over any number of keys (leases), all of them passed as KEYS.
    const numberOfKeys = declared === 'each' ? keys.length : declared;
    const sha = this.shas.get(name) ?? '';
    return this.run(name, async () => {
      try {
        const reply = binary ? this.client.callBuffer('EVALSHA', sha, numberOfKeys, ...keys, ...args) : this.client.evalsha(sha, numberOfKeys, ...keys, ...args);
        return (await reply) as RedisReply;
      } catch (err) {
        if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
        const reply = binary ? this.client.callBuffer('EVAL', lua, numberOfKeys, ...keys, ...args) : this.client.eval(lua, numberOfKeys, ...keys, ...args);
        return (await reply) as RedisReply;
      }
    });
  }

  private async run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      // ioredis says only "Stream isn't writeable" while it cannot connect: add why it cannot.
      const problem = this.problem;
      throw new StoreError(operation, problem ? `${reason} (${problem})` : reason);
    }
  }
}

/** A connection error as the log tells it: an authentication failure by name (Redis's words never carry the password). */
export function describeConnectionProblem(message: string): string {
  if (/^(WRONGPASS|NOAUTH)\b|invalid password|invalid username-password/i.test(message)) {
    return `authentication failed: Redis refused the user name or password in REDIS_URL (${message.slice(0, 120)})`;
  }
  return `cannot connect: ${message.slice(0, 200)}`;
}

function connect(options: RedisStoreOptions, onProblem: (message: string) => void): Redis {
  const client = new Redis(options.url, clientOptions(options));
  // Connection errors surface as failed commands (StoreError), counted and logged by the caller, with the
  // last one as their reason; without a listener ioredis would print each reconnect attempt to the console.
  client.on('error', (err: Error) => onProblem(err.message));
  return client;
}

function readyWithin(client: Redis, timeoutMs: number): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(ok);
    };
    const onReady = (): void => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    client.on('ready', onReady);
  });
}

function clientOptions(options: RedisStoreOptions): RedisOptions {
  return {
    // Subscriptions are restored after a reconnect.
    autoResubscribe: true,
    enableOfflineQueue: false,
    // A command sent when the connection drops fails instead of being re-sent after a reconnect.
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 2_000,
    connectTimeout: 2_000,
    // Reconnect forever: 100 ms, 200 ms, … at most 2 s apart.
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 2_000),
    // Shown by CLIENT LIST, so an operator can tell the bot's connections apart.
    connectionName: 'eventlog-bot',
  };
}
