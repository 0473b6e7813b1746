import type { Metrics } from '../../src/metrics';
import { FallbackStore } from '../../src/store/fallback-store';
import { MemoryStore } from '../../src/store/memory-store';
import { StoreError, type Store } from '../../src/store/store';
import { noopMetrics } from '../helpers/silent';
import { createLogger } from '../../src/log';
import { manualClock } from '../helpers/manual-clock';

/** A shared store that can be switched off: while down, every operation rejects as the Redis store does. */
function switchableStore(clock: () => number): { store: Store; down: boolean } {
  const inner = new MemoryStore(clock);
  const state = { down: false, store: inner as Store };
  state.store = new Proxy(inner, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (state.down) return Promise.reject(new StoreError(String(name), "Stream isn't writeable and enableOfflineQueue options is false"));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return state;
}

function setUp() {
  const clock = manualClock(1_700_000_000_000);
  const shared = switchableStore(clock.now);
  const lines: Array<Record<string, unknown>> = [];
  const errors: string[] = [];
  const metrics: Metrics = { ...noopMetrics, storeError: (kind) => errors.push(kind) };
  const store = new FallbackStore({
    primary: shared.store,
    fallback: new MemoryStore(clock.now),
    log: createLogger({ level: 'debug', secrets: [], write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) }),
    metrics,
    now: clock.now,
  });
  return { clock, shared, store, lines, errors, warnings: () => lines.filter((l) => l.msg === 'store.unavailable') };
}

describe('FallbackStore', () => {
  it('uses the shared store while it works', async () => {
    const { store, shared } = setUp();
    await store.set('k', 'v', 60_000);
    expect(await shared.store.get('k')).toBe('v');
    expect(store.shared).toBe(true);
  });

  it('never throws while the shared store is down: process memory answers, one warning a minute, every failure counted', async () => {
    const { store, shared, clock, warnings, errors } = setUp();
    shared.down = true;
    expect(await store.seen('delivery:x', 60_000)).toBe(false);
    expect(await store.seen('delivery:x', 60_000)).toBe(true); // the fallback remembers
    clock.advance(1_500);
    expect((await store.hit('rate:U1', 60_000)).count).toBe(1);
    clock.advance(30_000);
    expect(await store.acquire('lock:k', 'me', 3_000)).toBe(true);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatchObject({ level: 'warn', operation: 'seen', kind: 'disconnected', fallback: 'process memory' });
    expect(errors).toEqual(['disconnected', 'disconnected', 'disconnected']);
    clock.advance(60_000);
    await store.get('k');
    expect(warnings()).toHaveLength(2);
    expect(store.degraded).toBe(true);
  });

  it('goes straight to memory for a second after a failure, then tries the shared store again and says it recovered', async () => {
    const { store, shared, clock, lines } = setUp();
    shared.down = true;
    await store.get('k');
    shared.down = false;
    await store.set('k', 'in memory', 60_000); // within the second: not tried on the shared store
    expect(await shared.store.get('k')).toBeNull();
    clock.advance(1_001);
    await store.set('k', 'shared', 60_000);
    expect(await shared.store.get('k')).toBe('shared');
    expect(lines.some((l) => l.msg === 'store.recovered')).toBe(true);
    expect(store.degraded).toBe(false);
  });

  it('lets one operation at a time try a hung shared store again; the others go straight to memory', async () => {
    const clock = manualClock(1_700_000_000_000);
    let release: () => void = () => undefined;
    let hung = 0;
    const primary = new MemoryStore(clock.now);
    const hanging: Store = Object.assign(Object.create(primary) as MemoryStore, {
      get: () => {
        hung++;
        return new Promise<string | null>((_, reject) => (release = () => reject(new StoreError('get', 'Command timed out'))));
      },
    });
    const store = new FallbackStore({ primary: hanging, fallback: new MemoryStore(clock.now), log: createLogger({ level: 'error', secrets: [], write: () => undefined }), metrics: noopMetrics, now: clock.now });
    const first = store.get('k');
    release(); // the first times out: the store is now failing
    await first;
    clock.advance(1_001);
    const probe = store.get('k'); // tries the shared store again, and hangs
    const others = await Promise.all([store.get('a'), store.get('b'), store.get('c')]);
    expect(others).toEqual([null, null, null]);
    expect(hung).toBe(2);
    release();
    await probe;
  });
});
