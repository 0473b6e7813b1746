import { createLogger } from '../../src/log';
import { RedisStore } from '../../src/store/redis-store';
import { createStoreWatchStore } from '../../src/watch/store-watch-store';
import { createWatcher, type Watcher } from '../../src/watch/watcher';
import { manualClock } from '../helpers/manual-clock';
import { describeWithRedis, startRedisServer, type RedisServer } from '../helpers/redis-server';
import { noopMetrics } from '../helpers/silent';
import { incidentAt, recordingSlack, scriptedLookup } from './watch-fixtures';

/**
 * Watches in a real Redis, polled by replicas that each have their own
 * connection: exactly one polls a watch; when it dies (stops renewing its
 * lease), another takes over within two lease periods; no thread line is
 * told twice; a restart keeps the watches.
 */

const MIN = 60_000;
const LEASE_MS = 400;

describeWithRedis('watches shared through Redis', () => {
  let server: RedisServer;
  let run = 0;
  const stores: RedisStore[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await server.stop();
  });

  const clock = manualClock(Date.UTC(2024, 5, 3, 6, 30));
  const slack = recordingSlack();
  const bk = scriptedLookup();
  let prefix = '';
  beforeEach(() => {
    prefix = `watch${++run}:`;
    slack.calls.length = 0;
    bk.requests.length = 0;
    bk.stage('created');
  });

  /** One replica: its own Redis connections, the shared Slack and BlueKing stand-ins. */
  async function replica(name: string): Promise<Watcher> {
    const store = new RedisStore({ url: server.url, prefix });
    stores.push(store);
    await store.waitUntilReady(5_000);
    return createWatcher({
      store: createStoreWatchStore(store),
      lookup: bk.lookup,
      slack,
      log: createLogger({ level: 'error', secrets: [], write: () => undefined }),
      metrics: noopMetrics,
      now: clock.now,
      random: () => 0.5,
      replicaId: name,
      settings: { intervalMs: MIN, maxHours: 24, max: 10, leaseMs: LEASE_MS },
      render: { lang: 'en', timezone: 'Asia/Shanghai', monitorUrl: null },
    });
  }

  const replies = (): string[] => slack.calls.filter((c) => c.method === 'reply').map((c) => c.message.text);
  const realPause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('one replica polls; when it dies the other takes over within two lease periods; no line is told twice', async () => {
    const a = await replica('a');
    const b = await replica('b');
    expect((await a.start({ log: incidentAt('created'), channel: 'C0INCIDENT', threadTs: null, userId: 'U0ALICE', teamId: 'T0001' })).kind).toBe('started');
    await a.tick(); // a takes the lease

    bk.stage('notice_failed');
    clock.advance(MIN);
    await Promise.all([a.tick(), b.tick(), b.tick()]);
    expect(bk.requests).toHaveLength(1);
    expect(replies()).toEqual(['Event 8001: 🚨 a notification failed: 通知人为空 (no receivers)']);

    // a dies: it never ticks again, so its lease is not renewed. While the lease lasts, b leaves the watch alone.
    bk.stage('acknowledged');
    clock.advance(MIN);
    await b.tick();
    expect(bk.requests).toHaveLength(1);
    await realPause(2 * LEASE_MS);
    await b.tick();
    expect(bk.requests).toHaveLength(2);
    expect(replies()).toEqual(['Event 8001: 🚨 a notification failed: 通知人为空 (no receivers)', 'Event 8001: 🟠 acknowledged by lisi: “正在清理 /data 日志”']);

    bk.stage('closed');
    clock.advance(MIN);
    await b.tick();
    // a comes back to life: the watch is over, nothing is told again.
    await a.tick();
    expect(replies()).toEqual([
      'Event 8001: 🚨 a notification failed: 通知人为空 (no receivers)',
      'Event 8001: 🟠 acknowledged by lisi: “正在清理 /data 日志”',
      'Event 8001: 🟢 recovered · ⚪ closed · 👁 watch ended: the event was closed',
    ]);
    expect(slack.calls.filter((c) => c.method === 'update')).toHaveLength(3);
  });

  it('a restart keeps the watches: the replica hands its leases back on shutdown and the next one goes on at once', async () => {
    const a = await replica('a');
    await a.start({ log: incidentAt('created'), channel: 'C0INCIDENT', threadTs: null, userId: 'U0ALICE', teamId: 'T0001' });
    await a.tick();
    await a.close(1_000);
    expect(slack.calls.map((c) => c.method)).toEqual(['post']); // no "the bot restarted" with a shared store

    const next = await replica('a-after-deploy');
    expect(await next.existing('C0INCIDENT', '8001')).toMatchObject({ startedBy: 'U0ALICE' });
    bk.stage('notice_failed');
    clock.advance(MIN);
    await next.tick();
    expect(replies()).toEqual(['Event 8001: 🚨 a notification failed: 通知人为空 (no receivers)']);
  });
});
