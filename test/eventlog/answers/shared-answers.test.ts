import { LookupError } from '../../../src/eventlog/model/lookup-error';
import type { EventLog } from '../../../src/eventlog/model/record';
import { createSharedAnswers, type SharedAnswers } from '../../../src/eventlog/answers/shared-answers';
import type { Fetched } from '../../../src/eventlog/answers/answer';
import { MemoryStore } from '../../../src/store/memory-store';
import { manualClock, type ManualClock } from '../../helpers/manual-clock';

/**
 * Answers shared across replicas, with two "replicas" (two SharedAnswers)
 * over one store standing in for Redis (the Redis store passes the same
 * contract; test/process/replicas.test.ts runs the real thing).
 */

class SharedMemoryStore extends MemoryStore {
  override readonly shared = true;
}

const LOG: EventLog = { id: '5310', entries: [], generation: 'old', requestId: 'req-5310' };
const ok: Fetched = { kind: 'ok', log: LOG, deliveries: { kind: 'absent', absence: { kind: 'not_asked' } }, alert: { kind: 'absent', absence: { kind: 'not_asked' } } };

function replicas(count: number, clock: ManualClock, cacheTtlMs = 15_000): { store: MemoryStore; joins: number[]; replicas: SharedAnswers[] } {
  const store = new SharedMemoryStore(clock.now);
  const joins = Array.from({ length: count }, () => 0);
  const list = joins.map((_, i) =>
    createSharedAnswers({ store, cacheTtlMs, cacheMaxEntries: 100, callLimitMs: 60_000, now: clock.now, onJoin: () => joins[i]++ }),
  );
  return { store, joins, replicas: list };
}

/** A call the test finishes by hand. */
function pendingCall(): { call: jest.Mock<Promise<Fetched>, []>; finish(fetched: Fetched): void } {
  let finish: (fetched: Fetched) => void = () => undefined;
  const call = jest.fn(() => new Promise<Fetched>((resolve) => (finish = resolve)));
  return { call, finish: (fetched) => finish(fetched) };
}

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('createSharedAnswers', () => {
  it('lets one replica call while the other waits for its answer and never calls', async () => {
    const clock = manualClock(1_700_000_000_000);
    const { replicas: [a, b], joins } = replicas(2, clock);
    const first = pendingCall();
    const second = pendingCall();
    const answerA = a.fetchOnce('oncall/5310', first.call);
    await until(() => first.call.mock.calls.length === 1);
    const answerB = b.fetchOnce('oncall/5310', second.call);
    first.finish(ok);
    expect(await answerA).toEqual(ok);
    expect(await answerB).toEqual(ok);
    expect(second.call).not.toHaveBeenCalled();
    expect(joins).toEqual([0, 1]);
    await a.written();
    // And the answer is now the shared cache, until its TTL passes.
    expect(await b.cached('oncall/5310')).toEqual(ok);
    clock.advance(15_001);
    expect(await b.cached('oncall/5310')).toBeNull();
  });

  it('answers its own caller before the answer is stored for the others, and lets the lock go only once it is', async () => {
    const clock = manualClock(1_700_000_000_000);
    const { store, replicas: [a] } = replicas(1, clock);
    expect(await a.fetchOnce('oncall/5310', async () => ok)).toEqual(ok);
    await a.written();
    expect(await store.holder('lock:oncall/5310')).toBeNull();
    expect(await a.cached('oncall/5310')).toEqual(ok);
  });

  it('takes over when the lock holder died: its lock expires and a waiter calls', async () => {
    const clock = manualClock(1_700_000_000_000);
    const { store, replicas: [a] } = replicas(1, clock);
    // A replica that took the lock and then died: nobody renews it.
    expect(await store.acquire('lock:oncall/5310', 'dead-replica', 3_000)).toBe(true);
    const call = jest.fn(async () => ok);
    const answer = a.fetchOnce('oncall/5310', call);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(call).not.toHaveBeenCalled();
    clock.advance(3_001);
    expect(await answer).toEqual(ok);
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('shares a "not found" briefly with those who ask next, but not a rate limit (the cooldown says how long)', async () => {
    const clock = manualClock(1_700_000_000_000);
    const { replicas: [a, b] } = replicas(2, clock);
    const notFound: Fetched = { kind: 'failed', error: new LookupError({ kind: 'not_found', code: '3324002', requestId: 'req-nf' }) };
    await a.fetchOnce('oncall/404', async () => notFound);
    await a.written();
    expect(await b.cached('oncall/404')).toMatchObject({ kind: 'failed', error: { kind: 'not_found', code: '3324002', requestId: 'req-nf' } });
    clock.advance(5_001);
    expect(await b.cached('oncall/404')).toBeNull();

    await a.fetchOnce('oncall/429', async () => ({ kind: 'failed', error: new LookupError({ kind: 'rate_limited', retryAfterSec: 30 }) }));
    await a.written();
    expect(await b.cached('oncall/429')).toBeNull();
  });

  describe('answers already decoded here', () => {
    /** Counts how often the whole answer is read from the store, and how often only its token. */
    function counting(store: MemoryStore): { whole: jest.SpyInstance; token: jest.SpyInstance } {
      return { whole: jest.spyOn(store, 'getBytes'), token: jest.spyOn(store, 'getBytesPrefix') };
    }

    it('are served again while the store holds the same answer: only its token is read, not the answer', async () => {
      const clock = manualClock(1_700_000_000_000);
      const { store, replicas: [a, b] } = replicas(2, clock);
      await a.fetchOnce('oncall/5310', async () => ok);
      await a.written();
      const reads = counting(store);
      // The replica that wrote it has it already; another decodes it once.
      for (let page = 0; page < 3; page++) expect(await a.cached('oncall/5310')).toEqual(ok);
      for (let page = 0; page < 3; page++) expect(await b.cached('oncall/5310')).toEqual(ok);
      expect(reads.whole).toHaveBeenCalledTimes(1);
      expect(reads.token).toHaveBeenCalledTimes(5);
    });

    it('give way to a newer answer another replica stored (a Refresh there), and to none once it is gone', async () => {
      const clock = manualClock(1_700_000_000_000);
      const { store, replicas: [a, b] } = replicas(2, clock);
      await a.fetchOnce('oncall/5310', async () => ok);
      await a.written();
      expect(await b.cached('oncall/5310')).toEqual(ok);

      const newer: Fetched = { ...ok, log: { ...LOG, requestId: 'req-5310-refreshed' } } as Fetched;
      await a.fetchOnce('oncall/5310', async () => newer);
      await a.written();
      expect(await b.cached('oncall/5310')).toEqual(newer);

      // Still fresh by the clock, but no longer in the store (evicted): not served from memory.
      await store.delete('answer:oncall/5310');
      expect(await a.cached('oncall/5310')).toBeNull();
      expect(await b.cached('oncall/5310')).toBeNull();
    });
  });

  it('keeps an answer for waiters even with the cache off, without serving it as cached', async () => {
    const clock = manualClock(1_700_000_000_000);
    const { replicas: [a, b] } = replicas(2, clock, 0);
    await a.fetchOnce('oncall/5310', async () => ok);
    await a.written();
    expect(await b.cached('oncall/5310')).toBeNull();
  });
});
