import Redis from 'ioredis';
import { benchEsbBody } from '../../bench/bench-log';
import { OFFLOAD_MIN_BYTES } from '../../src/offload/log-workers';
import { startHarness, type Harness } from '../helpers/app-harness';
import { until } from '../helpers/bot-process';
import { watchMainThreadJson, type MainThreadJson } from '../helpers/main-thread-json';
import { logLines, messageText } from '../helpers/message-text';
import { expectOlderPageFromCache } from '../helpers/older-page';
import { describeWithRedis, startRedisServer, type RedisServer } from '../helpers/redis-server';

/**
 * Two replicas (two real apps on real ports) sharing one real redis-server
 * (with REDIS_URL every big log once was parsed, stringified and
 * rendered on the main thread). Replica A fetches a big log; replica B, whose
 * BlueKing is down, serves it from Redis: kept there as its body, it comes
 * back as a raw log and is rendered on B's worker threads. Neither main
 * thread ever parses or stringifies its records.
 */

const RECORDS = 3_000;
const BODY = benchEsbBody(RECORDS);
const PREFIX = 'big-replicas-test:';

describeWithRedis('a big log shared by two replicas through Redis', () => {
  let redis: RedisServer;
  let a: Harness;
  let b: Harness;
  let json: MainThreadJson;

  beforeAll(async () => {
    redis = await startRedisServer();
    const env = { REDIS_URL: redis.url, REDIS_PREFIX: PREFIX, BK_CACHE_TTL_MS: '60000', USER_RATE_LIMIT_PER_MIN: '0' };
    a = await startHarness(env, { offload: true });
    b = await startHarness(env, { offload: true });
    a.esb.setFallback({ status: 200, body: BODY });
    b.esb.setFallback({ status: 503, headers: { 'Content-Type': 'text/plain' }, body: 'B must not call BlueKing' });
    json = watchMainThreadJson();
  }, 60_000);
  afterAll(async () => {
    json?.restore();
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });

  it('is big enough to go to a worker', () => {
    expect(Buffer.byteLength(BODY)).toBeGreaterThan(OFFLOAD_MIN_BYTES * 4);
  });

  it('is fetched by A, served by B from Redis and rendered off the main thread, pages included', async () => {
    await a.postCommand('1001');
    const [fromA] = await a.responses.waitForRequests(1, 120_000);
    expect(messageText(JSON.parse(fromA.body) as Record<string, unknown>)).toContain('1001');
    expect(logLines(a.logs, 'lookup')[0]).toMatchObject({ outcome: 'ok', records: RECORDS, from_cache: false });
    await untilStored();

    await b.postCommand('1001');
    const [fromB] = await b.responses.waitForRequests(1, 120_000);
    const page0 = JSON.parse(fromB.body) as Record<string, unknown>;
    expect(page0).toMatchObject({ replace_original: true });
    expect(messageText(page0)).toContain('1001');
    expect(logLines(b.logs, 'lookup')[0]).toMatchObject({ outcome: 'ok', records: RECORDS, from_cache: true });

    await expectOlderPageFromCache(b, page0, '1700000300.000700', RECORDS);

    expect(b.esb.requests).toHaveLength(0);
    expect(json.longestParsed()).toBeLessThan(OFFLOAD_MIN_BYTES);
    expect(json.longestStringified()).toBeLessThan(OFFLOAD_MIN_BYTES);
  }, 240_000);

  /** A's answer is written to Redis after A replied (off its reply's path): wait until it is there. */
  async function untilStored(): Promise<void> {
    const probe = new Redis(redis.url);
    try {
      await until(async () => (await probe.keys(`${PREFIX}answer:*`)).length > 0, "A's answer in Redis", 60_000);
    } finally {
      probe.disconnect();
    }
  }
});
