import Redis from 'ioredis';
import { startHarness, type Harness } from '../helpers/app-harness';
import { promSample } from '../helpers/prometheus-text';
import { describeWithRedis, startRedisServer, type RedisServer } from '../helpers/redis-server';

/**
 * Redis faults, with a real redis-server, say what they are: a wrong password
 * is named as an authentication failure (the password itself never logged),
 * and a persistent fault (the watch set's key holding a string) is logged once
 * a minute, not once a second with a "recovered" between.
 */

const PASSWORD = 'right-redis-password-5731';
const WRONG = 'wrong-redis-password-9204';

describeWithRedis('Redis errors in the log', () => {
  let redis: RedisServer;
  let h: Harness;
  afterEach(async () => {
    await h.close();
    await redis.stop();
  });

  it('names a wrong password as an authentication failure, without the password', async () => {
    redis = await startRedisServer({ password: PASSWORD });
    h = await startHarness({ REDIS_URL: `redis://:${WRONG}@127.0.0.1:${redis.port}`, REDIS_PREFIX: 'auth:' }, { redactLogs: false });
    await h.postCommand('5310');
    await h.responses.waitForRequests(1);
    // At start, and on the first command after it.
    expect(h.logs.find((l) => l.msg === 'store.unavailable' && l.operation === 'connect')?.error).toContain('authentication failed');
    const unavailable = h.logs.filter((l) => l.msg === 'store.unavailable' && l.operation !== 'connect');
    expect(unavailable).toHaveLength(1);
    expect(unavailable[0]).toMatchObject({ kind: 'auth' });
    expect(String(unavailable[0]?.error)).toContain('authentication failed');
    expect(String(unavailable[0]?.error)).toContain('WRONGPASS');
    const all = h.logLines.join('');
    expect(all).not.toContain(WRONG);
    expect(all).not.toContain(PASSWORD);
  }, 20_000);

  it('logs a key of the wrong type once, not "recovered" every second', async () => {
    redis = await startRedisServer();
    const raw = new Redis(redis.url);
    await raw.set('wrongtype:watch:all', 'a string where a hash belongs');
    raw.disconnect();
    h = await startHarness({ REDIS_URL: redis.url, REDIS_PREFIX: 'wrongtype:', WATCH_INTERVAL_MS: '1000', USER_RATE_LIMIT_PER_MIN: '0' });
    // Lookups meanwhile use the store with success, while the watch loop meets the fault five times.
    const errors = async (): Promise<number> => {
      const text = await (await fetch(`${h.url}/metrics`)).text();
      return ['refused', 'other'].reduce((sum, kind) => sum + promSample(text, 'eventlog_store_errors_total', { kind }), 0);
    };
    const deadline = Date.now() + 15_000;
    while ((await errors()) < 5) {
      if (Date.now() > deadline) throw new Error('the watch loop never met the fault');
      await Promise.all(['5310', '5311', '1', '2'].map((id) => h.postCommand(id)));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const faults = h.logs.filter((l) => l.msg === 'store.command_refused' || l.msg === 'store.unavailable');
    expect(faults).toHaveLength(1);
    expect(String(faults[0]?.error)).toContain('WRONGTYPE');
    expect(h.logs.filter((l) => l.msg === 'store.recovered')).toEqual([]);
  }, 30_000);
});
