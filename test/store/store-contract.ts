import type { Store } from '../../src/store/store';

/** How a contract run gets a fresh, empty store and lets time pass for it. */
export interface StoreFixture {
  create(): Promise<Store>;
  /** Let `ms` milliseconds pass for the store (a manual clock, or a real wait for Redis). */
  pass(ms: number): Promise<void>;
}

/**
 * The behaviour every Store must have, run against the memory store and
 * against a real redis-server (test/store/*.test.ts), so the bot behaves
 * the same with one replica or many.
 */
export function storeContract(fixture: () => StoreFixture): void {
  let store: Store;
  let pass: (ms: number) => Promise<void>;
  beforeEach(async () => {
    const f = fixture();
    store = await f.create();
    pass = f.pass;
  });
  afterEach(() => store.close());

  describe('values with a TTL', () => {
    it('returns what was set, as text or bytes, until the TTL passes', async () => {
      await store.set('a', 'text', 200);
      await store.set('b', Buffer.from([0, 255, 1]), 200);
      expect(await store.get('a')).toBe('text');
      expect(await store.getBytes('b')).toEqual(Buffer.from([0, 255, 1]));
      expect(await store.getBytesPrefix('b', 2)).toEqual(Buffer.from([0, 255]));
      expect(await store.getBytesPrefix('b', 10)).toEqual(Buffer.from([0, 255, 1]));
      expect(await store.getBytesPrefix('missing', 2)).toBeNull();
      await pass(250);
      expect(await store.get('a')).toBeNull();
      expect(await store.getBytes('b')).toBeNull();
    });

    it('getMany reads several values at once, null for each absent one', async () => {
      await store.set('m1', 'one', 10_000);
      await store.set('m3', 'three', 10_000);
      expect(await store.getMany(['m1', 'm2', 'm3'])).toEqual(['one', null, 'three']);
      expect(await store.getMany([])).toEqual([]);
    });

    it('setIfAbsent sets once; delete frees the key', async () => {
      expect(await store.setIfAbsent('k', 'first', 10_000)).toBe(true);
      expect(await store.setIfAbsent('k', 'second', 10_000)).toBe(false);
      expect(await store.get('k')).toBe('first');
      await store.delete('k');
      expect(await store.get('k')).toBeNull();
    });

    it('reports the time a value has left', async () => {
      await store.set('t', 'v', 10_000);
      const entry = await store.getWithTtl('t');
      expect(entry?.value).toBe('v');
      expect(entry?.ttlMs).toBeGreaterThan(5_000);
      expect(entry?.ttlMs).toBeLessThanOrEqual(10_000);
      expect(await store.getWithTtl('absent')).toBeNull();
    });

    it('setAtLeast raises a TTL but never shortens it', async () => {
      await store.setAtLeast('pause', 'long', 10_000);
      await store.setAtLeast('pause', 'short', 100);
      expect((await store.getWithTtl('pause'))?.value).toBe('long');
      await store.setAtLeast('pause', 'longer', 20_000);
      const raised = await store.getWithTtl('pause');
      expect(raised?.value).toBe('longer');
      expect(raised?.ttlMs).toBeGreaterThan(10_000);
    });

    it('setCapped keeps only the newest `max` keys of one index', async () => {
      for (const key of ['c1', 'c2', 'c3', 'c4']) await store.setCapped(key, `v-${key}`, 10_000, 'idx', 2);
      expect(await store.get('c1')).toBeNull();
      expect(await store.get('c2')).toBeNull();
      expect(await store.get('c3')).toBe('v-c3');
      expect(await store.get('c4')).toBe('v-c4');
      // Rewriting a key makes it the newest again.
      await store.setCapped('c3', 'v-c3b', 10_000, 'idx', 2);
      await store.setCapped('c5', 'v-c5', 10_000, 'idx', 2);
      expect(await store.get('c3')).toBe('v-c3b');
      expect(await store.get('c4')).toBeNull();
    });
  });

  describe('dedupe and counters', () => {
    it('seen is false the first time and true for repeats until the TTL passes', async () => {
      expect(await store.seen('event:Ev1', 200)).toBe(false);
      expect(await store.seen('event:Ev1', 200)).toBe(true);
      expect(await store.seen('event:Ev2', 200)).toBe(false);
      await pass(250);
      expect(await store.seen('event:Ev1', 200)).toBe(false);
    });

    it('seen answers exactly one of many simultaneous callers with false', async () => {
      const answers = await Promise.all(Array.from({ length: 50 }, () => store.seen('event:race', 10_000)));
      expect(answers.filter((repeat) => !repeat)).toHaveLength(1);
    });

    it('hit counts within a window that opens on the first hit, then starts over', async () => {
      const first = await store.hit('rate:U1', 200);
      expect(first.count).toBe(1);
      expect(first.resetInMs).toBeGreaterThan(0);
      expect(first.resetInMs).toBeLessThanOrEqual(200);
      expect((await store.hit('rate:U1', 200)).count).toBe(2);
      expect((await store.hit('rate:U2', 200)).count).toBe(1);
      await pass(250);
      expect((await store.hit('rate:U1', 200)).count).toBe(1);
    });

    it('hit is atomic under concurrent callers', async () => {
      const counts = await Promise.all(Array.from({ length: 40 }, () => store.hit('rate:burst', 10_000)));
      expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });
  });

  describe('lookOrLock', () => {
    const lock = (owner: string) => ({ key: 'lock:x', owner, ttlMs: 10_000 });

    it('with no value, takes the lock and peeks at another key', async () => {
      await store.set('pause', 'why', 10_000);
      const look = await store.lookOrLock({ read: { key: 'answer:x', prefixBytes: null }, lock: lock('me'), peek: 'pause' });
      expect(look).toEqual({ value: null, locked: true, holder: 'me', peeked: { value: 'why', ttlMs: expect.any(Number) } });
      expect(look.peeked?.ttlMs).toBeGreaterThan(5_000);
      expect(await store.holder('lock:x')).toBe('me');
    });

    it('with a value, reads it (whole or its head) and leaves the lock alone', async () => {
      await store.set('answer:x', Buffer.from([7, 0, 255, 9]), 10_000);
      expect(await store.lookOrLock({ read: { key: 'answer:x', prefixBytes: null }, lock: lock('me'), peek: 'pause' })).toEqual({
        value: Buffer.from([7, 0, 255, 9]),
        locked: false,
        holder: null,
        peeked: null,
      });
      expect((await store.lookOrLock({ read: { key: 'answer:x', prefixBytes: 2 }, lock: lock('me'), peek: 'pause' })).value).toEqual(Buffer.from([7, 0]));
      expect(await store.holder('lock:x')).toBeNull();
    });

    it('reports who holds a lock it could not take, and takes it regardless of a value when told to read none', async () => {
      expect(await store.acquire('lock:x', 'other', 10_000)).toBe(true);
      expect(await store.lookOrLock({ read: { key: 'answer:x', prefixBytes: 2 }, lock: lock('me'), peek: 'pause' })).toMatchObject({ value: null, locked: false, holder: 'other' });
      await store.release('lock:x', 'other');
      await store.set('answer:x', 'cached', 10_000);
      expect(await store.lookOrLock({ read: null, lock: lock('me'), peek: 'pause' })).toMatchObject({ value: null, locked: true, holder: 'me' });
    });
  });

  describe('leases', () => {
    it('gives a lease to one owner at a time; only the holder renews or releases it', async () => {
      expect(await store.acquire('lock:x', 'A', 10_000)).toBe(true);
      expect(await store.acquire('lock:x', 'B', 10_000)).toBe(false);
      expect(await store.holder('lock:x')).toBe('A');
      expect(await store.renew('lock:x', 'B', 10_000)).toBe(false);
      expect(await store.release('lock:x', 'B')).toBe(false);
      expect(await store.renew('lock:x', 'A', 10_000)).toBe(true);
      expect(await store.release('lock:x', 'A')).toBe(true);
      expect(await store.holder('lock:x')).toBeNull();
      expect(await store.acquire('lock:x', 'B', 10_000)).toBe(true);
    });

    it('an expired lease can be taken over, and the old holder can no longer release it', async () => {
      expect(await store.acquire('lock:y', 'A', 100)).toBe(true);
      await pass(150);
      expect(await store.renew('lock:y', 'A', 100)).toBe(false);
      expect(await store.acquire('lock:y', 'B', 10_000)).toBe(true);
      expect(await store.release('lock:y', 'A')).toBe(false);
      expect(await store.holder('lock:y')).toBe('B');
    });

    it('holds many leases in one call: renews its own, takes the free, leaves those of another owner', async () => {
      expect(await store.acquire('lease:mine', 'A', 100)).toBe(true);
      expect(await store.acquire('lease:theirs', 'B', 10_000)).toBe(true);
      expect(await store.holdAll(['lease:mine', 'lease:theirs', 'lease:free'], 'A', 10_000)).toEqual([true, false, true]);
      await pass(150);
      // Renewed past its first 100 ms, and the free one taken for A.
      expect(await store.holder('lease:mine')).toBe('A');
      expect(await store.holder('lease:free')).toBe('A');
      expect(await store.holder('lease:theirs')).toBe('B');
      expect(await store.holdAll([], 'A', 10_000)).toEqual([]);
    });

    it('an expired lease is taken by the next holdAll, and lapses when not renewed', async () => {
      expect(await store.holdAll(['lease:short'], 'A', 100)).toEqual([true]);
      await pass(150);
      expect(await store.holder('lease:short')).toBeNull();
      expect(await store.holdAll(['lease:short'], 'B', 10_000)).toEqual([true]);
      expect(await store.holdAll(['lease:short'], 'A', 10_000)).toEqual([false]);
    });

    it('exactly one of many simultaneous acquirers wins', async () => {
      const wins = await Promise.all(Array.from({ length: 30 }, (_, i) => store.acquire('lock:race', `o${i}`, 10_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    });
  });

  describe('records', () => {
    it('sets, reads, lists, counts and deletes fields', async () => {
      await store.hashSet('watches', 'w1', '{"id":"1"}');
      expect(await store.hashSetIfAbsent('watches', 'w2', '{"id":"2"}')).toBe(true);
      expect(await store.hashSetIfAbsent('watches', 'w2', '{"id":"other"}')).toBe(false);
      expect(await store.hashGet('watches', 'w2')).toBe('{"id":"2"}');
      expect(await store.hashLength('watches')).toBe(2);
      expect(await store.hashGetAll('watches')).toEqual(new Map([['w1', '{"id":"1"}'], ['w2', '{"id":"2"}']]));
      expect(await store.hashDelete('watches', 'w1')).toBe(true);
      expect(await store.hashDelete('watches', 'w1')).toBe(false);
      expect(await store.hashGet('watches', 'w1')).toBeNull();
      expect(await store.hashGetAll('nothing')).toEqual(new Map());
      expect(await store.hashLength('nothing')).toBe(0);
    });

    it('replaces a field only while it is there, never bringing back a deleted one', async () => {
      await store.hashSet('watches', 'w1', '{"v":1}');
      expect(await store.hashReplace('watches', 'w1', '{"v":2}')).toBe(true);
      expect(await store.hashGet('watches', 'w1')).toBe('{"v":2}');
      await store.hashDelete('watches', 'w1');
      expect(await store.hashReplace('watches', 'w1', '{"v":3}')).toBe(false);
      expect(await store.hashGet('watches', 'w1')).toBeNull();
      expect(await store.hashReplace('nothing', 'w1', '{"v":3}')).toBe(false);
      expect(await store.hashLength('nothing')).toBe(0);
    });
  });

  describe('notification', () => {
    it('delivers published messages to subscribers until they unsubscribe', async () => {
      const got: string[] = [];
      const unsubscribe = await store.subscribe('done:x', (m) => got.push(m));
      await store.publish('done:x', 'one');
      await store.publish('done:other', 'not mine');
      await waitUntil(() => got.length >= 1);
      await unsubscribe();
      await store.publish('done:x', 'two');
      // A marker on a channel still listened to proves the earlier publish had its chance to arrive.
      const marker: string[] = [];
      const stop = await store.subscribe('done:marker', (m) => marker.push(m));
      await store.publish('done:marker', 'm');
      await waitUntil(() => marker.length >= 1);
      await stop();
      expect(got).toEqual(['one']);
    });

    it('setCapped can announce its write and give a lease up in the same call, only the owner’s lease', async () => {
      const got: string[] = [];
      const unsubscribe = await store.subscribe('done:shared', (m) => got.push(m));
      expect(await store.acquire('lock:shared', 'holder', 10_000)).toBe(true);
      await store.setCapped('answer:shared', 'the answer', 10_000, 'answers', 10, {
        publish: { channel: 'done:shared', message: 'holder' },
        release: { key: 'lock:shared', owner: 'holder' },
      });
      await waitUntil(() => got.length >= 1);
      expect(got).toEqual(['holder']);
      expect(await store.get('answer:shared')).toBe('the answer');
      expect(await store.holder('lock:shared')).toBeNull();

      // A lock taken over by someone else stays theirs.
      expect(await store.acquire('lock:shared', 'newer', 10_000)).toBe(true);
      await store.setCapped('answer:shared', 'late answer', 10_000, 'answers', 10, {
        publish: { channel: 'done:shared', message: 'holder' },
        release: { key: 'lock:shared', owner: 'holder' },
      });
      expect(await store.holder('lock:shared')).toBe('newer');
      await unsubscribe();
    });
  });
}

async function waitUntil(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
