import Redis from 'ioredis';
import { EVOLVING_INCIDENT_ID, evolvingIncidentResponse } from '../../src/console/demo/evolving-incident';
import { createServerClock } from '../../src/console/demo/server-clock';
import { startHarness, type Harness } from '../helpers/app-harness';
import { answerByEventId, requestedIds } from '../helpers/esb-answers';
import { describeWithRedis, startRedisServer, type RedisServer } from '../helpers/redis-server';
import { CHANNEL } from '../helpers/slack-payloads';
import { waitFor } from '../helpers/wait-for';

/**
 * A real Redis that loses its watches, flushed and then restarted empty: the
 * replica holding a watch writes it back, and it is polled on, its live message
 * still true. (Before, nothing was polled any more while the message said "Watching".)
 */

const PREFIX = 'store-lost:';
const ID = EVOLVING_INCIDENT_ID;
const WATCH_KEY = `${CHANNEL.id}/${ID}`;

describeWithRedis('watches when Redis loses them', () => {
  let redis: RedisServer;
  let raw: Redis;
  let h: Harness;

  beforeAll(async () => {
    redis = await startRedisServer();
    raw = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    raw.on('error', () => undefined);
    h = await startHarness({ REDIS_URL: redis.url, REDIS_PREFIX: PREFIX, WATCH_INTERVAL_MS: '1000' });
    const others = answerByEventId();
    const clock = createServerClock('Asia/Shanghai');
    h.esb.setFallback((request) => (request.query.get('id') === ID ? { status: 200, body: evolvingIncidentResponse('created', clock).body } : others(request)));
    h.slack.reply('chat.postMessage', { body: { ok: true, channel: CHANNEL.id, ts: '1717400000.000001' } });
  });

  afterAll(async () => {
    await h.close();
    raw.disconnect();
    await redis.stop();
  });

  const polls = (): string[] => requestedIds(h.esb.requests).filter((id) => id === ID);
  const watchKeys = (): Promise<string[]> => raw.hkeys(`${PREFIX}watch:all`);
  const backInRedis = async (): Promise<void> => {
    const deadline = Date.now() + 20_000;
    while (!(await watchKeys().catch((): string[] => [])).includes(WATCH_KEY)) {
      if (Date.now() > deadline) throw new Error('the watch never came back to Redis');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('writes the watch back after a flush and after a restart that comes back empty, and goes on polling it', async () => {
    await h.postCommand(`${ID} watch`);
    await h.responses.waitForRequests(1, 10_000);
    await waitFor(polls, 2, 10_000);
    expect(await watchKeys()).toEqual([WATCH_KEY]);

    await raw.flushall();
    await waitFor(() => h.logs.filter((l) => l.msg === 'watch.restored'), 1, 10_000);
    expect(await watchKeys()).toEqual([WATCH_KEY]);
    const afterFlush = polls().length;
    await waitFor(polls, afterFlush + 1, 10_000);

    await redis.kill();
    await redis.restart();
    await backInRedis();
    const afterRestart = polls().length;
    await waitFor(polls, afterRestart + 1, 10_000);
    // Still one live message, never ended, never posted twice.
    expect(h.slack.calls('chat.postMessage')).toHaveLength(1);
    expect(h.logs.filter((l) => l.msg === 'watch.stop')).toEqual([]);
  }, 60_000);
});
