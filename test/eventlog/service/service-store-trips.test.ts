import { loadConfig } from '../../../src/config';
import type { EventLog } from '../../../src/eventlog/model/record';
import { createEventLogService, type LookupRequest } from '../../../src/eventlog/service/service';
import type { EventLogSource } from '../../../src/eventlog/model/source';
import { MemoryStore } from '../../../src/store/memory-store';
import { noopMetrics, silentLogger } from '../../helpers/silent';

/**
 * With a shared store (Redis) every store operation is a round trip: a
 * lookup of an ID nobody has asked for makes one before BlueKing is asked
 * (the cached answer, the call's lock and BlueKing's pause, read and taken
 * together), where it made three (GET, SET NX, the pause).
 */

class SharedCountingStore extends MemoryStore {
  override readonly shared = true;
  readonly trips: string[] = [];
  constructor() {
    super(Date.now);
    for (const name of ['get', 'getBytes', 'getBytesPrefix', 'acquire', 'holder', 'getWithTtl', 'lookOrLock', 'hit', 'setCapped', 'publish', 'release'] as const) {
      const own = this[name].bind(this) as (...args: unknown[]) => Promise<unknown>;
      // lookOrLock's steps run on this memory store itself: they are one trip, not four.
      Object.assign(this, { [name]: (...args: unknown[]) => (this.inLook ? own(...args) : this.counted(name, () => own(...args))) });
    }
  }
  private inLook = false;
  private async counted(name: string, run: () => Promise<unknown>): Promise<unknown> {
    this.trips.push(name);
    if (name !== 'lookOrLock') return run();
    this.inLook = true;
    try {
      return await run();
    } finally {
      this.inLook = false;
    }
  }
}

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
};

const LOG: EventLog = { id: '5310', entries: [], generation: 'old', requestId: 'req-5310' };
const ask: LookupRequest = { id: '5310', userId: 'U0ALICE', channelId: 'C0INCIDENT', teamId: 'T0001', bypassCache: false };

function setUp(env: Record<string, string> = {}) {
  const store = new SharedCountingStore();
  const tripsBeforeCall: string[][] = [];
  const source: EventLogSource = {
    fetchEventLog: async () => {
      tripsBeforeCall.push([...store.trips]);
      return LOG;
    },
  };
  const config = loadConfig({ BK_API_BASE_URL: 'https://paas.example.com', BK_APP_CODE: 'eventlog-bot', BK_APP_SECRET: 'app-secret-123456', BK_USERNAME: 'oncall-bot', USER_RATE_LIMIT_PER_MIN: '0', ...env });
  const service = createEventLogService(config, { source, now: Date.now, log: silentLogger, metrics: noopMetrics, lookupEmail: async () => null, store });
  return { store, service, tripsBeforeCall };
}

describe('a lookup on a shared store', () => {
  it('makes one store round trip before BlueKing is asked', async () => {
    const { service, tripsBeforeCall } = setUp();
    expect(await service.lookup(ask)).toMatchObject({ kind: 'ok', fromCache: false });
    expect(tripsBeforeCall).toEqual([['lookOrLock']]);
  });

  it('answers from the shared cache in that same round trip', async () => {
    const { service, store } = setUp();
    await service.lookup(ask);
    // What this replica wrote for the others has landed (the lock is let go last); the next lookup reads it back.
    await until(() => store.trips.includes('release'));
    store.trips.length = 0;
    expect(await service.lookup(ask)).toMatchObject({ kind: 'ok', fromCache: true });
    expect(store.trips).toEqual(['lookOrLock']);
  });

  it('lets go of the lock it took when the user is over the per-minute limit', async () => {
    const { service, store, tripsBeforeCall } = setUp({ USER_RATE_LIMIT_PER_MIN: '1' });
    await service.lookup(ask);
    expect(await service.lookup({ ...ask, id: '5311' })).toMatchObject({ kind: 'refused', refusal: { kind: 'user_rate_limited' } });
    expect(tripsBeforeCall).toHaveLength(1);
    await until(() => store.trips.filter((trip) => trip === 'release').length === 2);
    expect(await store.holder('lock:oncall-bot/5311')).toBeNull();
  });
});
