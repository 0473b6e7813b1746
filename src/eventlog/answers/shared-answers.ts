import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/store';
import { answerWeight, CACHE_MAX_RECORDS } from './answer-weight';
import { decodeSharedAnswer, encodeSharedAnswer, type RawLogBuilder, type SharedAnswer } from './shared-answer-codec';
import { splitToken, TOKEN_PREFIX_BYTES } from './stored-token';
import { TtlCache } from './ttl-cache';
import { yieldToEventLoop } from '../../yield-to-event-loop';
import { COOLDOWN_KEY, heldBackBy, type KnownPause } from './upstream-pause';
import type { Fetched } from './answer';

export interface SharedAnswersOptions {
  store: Store;
  /** How long an ok answer is served as cached (BK_CACHE_TTL_MS; 0 = never). */
  cacheTtlMs: number;
  /** Most answers kept in the shared cache (BK_CACHE_MAX_ENTRIES). */
  cacheMaxEntries: number;
  /** Longest one BlueKing call may take, queueing included: how long a waiter waits before it gives up. */
  callLimitMs: number;
  /** Told each time a lookup is answered by a call another replica made. */
  onJoin: () => void;
  /** Builds a big log kept raw again from the bytes another replica stored (the source's `rawLog`). */
  rawLog?: RawLogBuilder;
  now?: () => number;
}

export interface SharedAnswers {
  /** A cached ok answer still fresh, or a failure from the last few seconds; null otherwise. */
  cached(key: string): Promise<Fetched | null>;
  /**
   * Exactly one replica calls BlueKing for `key` at a time: the one that takes
   * the lock calls, the others wait for its answer (woken by pub/sub, polling
   * as a backstop) and never call themselves. If the holder dies, its lock
   * expires and a waiter takes over.
   */
  fetchOnce(key: string, call: () => Promise<Fetched>): Promise<Fetched>;
  /**
   * A lookup's first step, one store round trip: a cached answer still good
   * (as `cached`); or else, when nobody holds the lock, the lock taken for
   * this lookup's call; and BlueKing's pause. `readAnswer` false (Refresh, a
   * watch's poll) skips the cache and always tries the lock.
   */
  look(key: string, readAnswer: boolean): Promise<SharedLook>;
  /** As `fetchOnce`, with the lock `look` took for this call (its token), so no second round trip takes it. */
  fetchHolding(key: string, token: string, call: () => Promise<Fetched>): Promise<Fetched>;
  /** Let go of a lock `look` took that no call will use (the lookup was refused or joined another). */
  letGo(key: string, token: string): void;
  /** Resolves once the answers still being written for others are in the store (tests, shutdown). */
  written(): Promise<void>;
}

export interface SharedLook {
  /** A cached answer or shared failure to give at once, as `cached` gives it. */
  cached: Fetched | null;
  /** The token of the lock taken for this lookup's call; null when another holds it or an answer was found. */
  lock: string | null;
  /** BlueKing's pause, read in the same round trip (for the gate). */
  pause: KnownPause;
}

/** A lock lives this long unless its holder renews it (every third of it) while calling. */
const LOCK_TTL_MS = 3_000;
/** Waiters look again this often when no message came (a missed publish, a holder that died). */
const POLL_MS = 150;
/** A failure is shared for this long, so 200 people asking for a missing ID cost one call, not 200. */
const FAILURE_SHARE_MS = 5_000;
/** Any answer is kept at least this long, so waiters can read it even with the cache off. */
const ANSWER_KEEP_MS = 5_000;
/** Failures a late asker is told without a call; a rate limit is left to the shared cooldown, which knows the time left. */
const SHARED_FAILURES: ReadonlySet<string> = new Set(['not_found', 'bad_parameter', 'user_permission', 'timeout', 'upstream_failure', 'connection_refused', 'unknown_host']);

/** Answers, locks and wake-ups across replicas, through the shared store (Redis). */
export function createSharedAnswers(options: SharedAnswersOptions): SharedAnswers {
  const { store } = options;
  // Wall-clock time: freshness and deadlines are compared across processes.
  const now = options.now ?? Date.now;
  const answerKey = (key: string): string => `answer:${key}`;
  const lockKey = (key: string): string => `lock:${key}`;
  const doneChannel = (key: string): string => `done:${key}`;

  // Answers this replica wrote or decoded, served again while the store still holds the same one (same
  // token): paging through a cached 5 MB log then costs a GETRANGE of a few bytes, not a GET of the
  // whole answer and its gunzip. Bounded like the single-replica cache (by count and by records).
  const decoded = new TtlCache<SharedAnswer>(Math.max(options.cacheTtlMs, ANSWER_KEEP_MS), options.cacheMaxEntries, now, weightOf, CACHE_MAX_RECORDS);

  /** The token of the answer stored under `key`, read without moving the answer. */
  const storedToken = async (key: string): Promise<string | null> => {
    const prefix = await store.getBytesPrefix(answerKey(key), TOKEN_PREFIX_BYTES);
    return prefix ? (splitToken(prefix)?.token ?? null) : null;
  };

  const read = async (key: string): Promise<SharedAnswer | null> => {
    const known = decoded.get(key);
    if (known && (await storedToken(key)) === known.token) return known;
    return decodeStored(key, await store.getBytes(answerKey(key)));
  };

  /** The answer in `bytes` as read from the store (null: none there), remembered decoded. */
  const decodeStored = async (key: string, bytes: Buffer | null): Promise<SharedAnswer | null> => {
    const answer = bytes ? await decodeSharedAnswer(bytes, options.rawLog) : null;
    if (answer) decoded.set(key, answer);
    else decoded.delete(key);
    return answer;
  };

  /** What look() read of the stored answer: the head of it when this replica knows one decoded, else the whole. */
  const answerFromLook = async (key: string, known: SharedAnswer | undefined, value: Buffer | null): Promise<SharedAnswer | null> => {
    if (!known) return decodeStored(key, value);
    if (value === null) return decodeStored(key, null);
    // Another answer replaced the one known here: read it whole (a second round trip, only then).
    return splitToken(value)?.token === known.token ? known : read(key);
  };

  /** The answer a lookup may be given without a call: a fresh ok one, or a failure shared for a few seconds. */
  const usable = (answer: SharedAnswer | null): Fetched | null => {
    if (!answer) return null;
    const { fetched } = answer;
    if (fetched.kind === 'ok') return answer.freshUntil > now() ? fetched : null;
    if (fetched.kind === 'failed' && SHARED_FAILURES.has(fetched.error.kind)) return fetched;
    return null;
  };

  /** Store the answer the holder of `token` fetched, wake those waiting for it and let the lock go: one round trip. */
  const share = async (key: string, token: string, fetched: Fetched): Promise<void> => {
    const cacheable = fetched.kind === 'ok' && options.cacheTtlMs > 0;
    const ttlMs = fetched.kind === 'ok' ? Math.max(options.cacheTtlMs, ANSWER_KEEP_MS) : FAILURE_SHARE_MS;
    const answer: SharedAnswer = { token, freshUntil: cacheable ? now() + options.cacheTtlMs : 0, fetched };
    const encoded = await encodeSharedAnswer(answer);
    decoded.set(key, answer);
    await store.setCapped(answerKey(key), encoded, ttlMs, 'answers', options.cacheMaxEntries, {
      publish: { channel: doneChannel(key), message: token },
      release: { key: lockKey(key), owner: token },
    });
  };

  const writing = new Set<Promise<void>>();

  /**
   * Call with the lock held, renewing it. The caller gets BlueKing's answer at
   * once; storing it for everyone (gzip, then write, wake-up and letting the lock
   * go in one round trip) happens after, still under the lock, so waiters find it
   * either way and the Redis path adds no store round trip after BlueKing answers.
   */
  const callHolding = async (key: string, token: string, call: () => Promise<Fetched>): Promise<Fetched> => {
    const renewal = setInterval(() => void store.renew(lockKey(key), token, LOCK_TTL_MS), LOCK_TTL_MS / 3);
    const letGo = (): void => {
      clearInterval(renewal);
      inBackground(store.release(lockKey(key), token));
    };
    let fetched: Fetched;
    try {
      fetched = await call();
    } catch (err) {
      letGo();
      throw err;
    }
    // Encoded in a later turn, behind the steps already waiting (the caller's render and reply come first).
    const write = yieldToEventLoop()
      .then(() => share(key, token, fetched))
      // The write let the lock go (a renewal after it finds the lock gone and does nothing). A failed write
      // only costs the sharing: the lock is let go here, and waiters see it go and call themselves.
      .then(() => clearInterval(renewal), letGo)
      .finally(() => writing.delete(write));
    writing.add(write);
    return fetched;
  };

  /** The answer of the call `holder` is making; null when it let go (or died) without leaving one. */
  const waitFor = async (key: string, holder: string, deadline: number): Promise<Fetched | null> => {
    let woken = false;
    let wake: () => void = () => undefined;
    const unsubscribe = await store
      .subscribe(doneChannel(key), (message) => {
        if (message !== holder) return;
        woken = true;
        wake();
      })
      .catch(() => null); // without a subscription, polling alone still finds the answer
    try {
      while (now() < deadline) {
        const answer = await read(key);
        if (answer?.token === holder) return answer.fetched;
        if ((await store.holder(lockKey(key))) !== holder) {
          // Finished or died: it writes its answer before letting go, so one more look settles which.
          const last = await read(key);
          return last?.token === holder ? last.fetched : null;
        }
        if (!woken) await sleepUntilWoken(POLL_MS, (resolve) => (wake = resolve));
        woken = false;
      }
      return null;
    } finally {
      await unsubscribe?.().catch(() => undefined);
    }
  };

  return {
    written: async () => {
      await Promise.all([...writing]);
    },
    cached: async (key) => usable(await read(key)),
    look: async (key, readAnswer) => {
      const token = randomUUID();
      const known = readAnswer ? decoded.get(key) : undefined;
      const found = await store.lookOrLock({
        read: readAnswer ? { key: answerKey(key), prefixBytes: known ? TOKEN_PREFIX_BYTES : null } : null,
        lock: { key: lockKey(key), owner: token, ttlMs: LOCK_TTL_MS },
        peek: COOLDOWN_KEY,
      });
      const cached = readAnswer ? usable(await answerFromLook(key, known, found.value)) : null;
      return { cached, lock: found.locked ? token : null, pause: { error: heldBackBy(found.peeked) } };
    },
    fetchHolding: (key, token, call) => callHolding(key, token, call),
    letGo: (key, token) => inBackground(store.release(lockKey(key), token)),
    fetchOnce: async (key, call) => {
      const token = randomUUID();
      const deadline = now() + options.callLimitMs + LOCK_TTL_MS;
      while (now() < deadline) {
        if (await store.acquire(lockKey(key), token, LOCK_TTL_MS)) return callHolding(key, token, call);
        const holder = await store.holder(lockKey(key));
        // The lock was let go between the two looks: its holder's answer is as fresh as a call of ours would be.
        const joined = holder ? await waitFor(key, holder, deadline) : ((await read(key))?.fetched ?? null);
        if (joined) {
          options.onJoin();
          return joined;
        }
      }
      return { kind: 'busy' };
    },
  };
}

function weightOf(answer: SharedAnswer): number {
  return answer.fetched.kind === 'ok' ? answerWeight(answer.fetched) : 1;
}

/** Let a store write finish on its own; a failure only costs the wake-up or the lock's early release (it expires). */
function inBackground(write: Promise<unknown>): void {
  write.catch(() => undefined);
}

/** Resolve after `ms`, or sooner when the registered waker is called. */
function sleepUntilWoken(ms: number, register: (resolve: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    register(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
