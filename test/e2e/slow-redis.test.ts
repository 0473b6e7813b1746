import { startHarness, type Harness } from '../helpers/app-harness';
import { answerByEventId } from '../helpers/esb-answers';
import { describeWithRedis, startRedisServer, type RedisServer } from '../helpers/redis-server';
import { appMention, BOT_USER_ID } from '../helpers/slack-payloads';
import { waitFor } from '../helpers/wait-for';

/**
 * A Redis that hangs (SIGSTOP: connections open, no answers) must never hold
 * Slack's ack up, and every request must still be answered once the store's
 * command timeout sends the bot to its process memory. Ordering, not timing,
 * proves the ack did not wait: it arrives before the bot has even noticed
 * that Redis is not answering.
 */
describeWithRedis('a hung Redis', () => {
  let redis: RedisServer;
  let h: Harness;

  beforeAll(async () => {
    redis = await startRedisServer();
    h = await startHarness({ REDIS_URL: redis.url, REDIS_PREFIX: 'slow-redis-test:' });
    h.esb.setFallback(answerByEventId());
  });

  afterAll(async () => {
    redis.resume();
    await h.close();
    await redis.stop();
  });

  const unavailable = (): unknown[] => h.logs.filter((line) => line.msg === 'store.unavailable');

  it('acks a command and a mention before the store has answered, then answers both from process memory', async () => {
    expect(h.logs.some((line) => line.msg === 'store.connected')).toBe(true);
    redis.pause();

    const command = await h.postCommand('5310');
    expect(command.status).toBe(200);
    expect(JSON.stringify(await command.json())).toContain('Looking up event 5310');
    const mention = await h.postEvent(appMention({ text: `<@${BOT_USER_ID}> 5310`, ts: '1700000400.000100' }));
    expect(mention.status).toBe(200);
    // Both acks are in, and the bot has not yet given up on Redis: they did not wait for it.
    expect(unavailable()).toHaveLength(0);

    const [answer] = await waitFor(() => h.responseBodies(), 1, 15_000);
    expect(answer).toMatchObject({ replace_original: true });
    expect(JSON.stringify(answer)).toContain('5310');
    await h.slack.waitForCall('chat.postMessage', 1, 15_000);
    expect(unavailable()).toHaveLength(1);
    expect(unavailable()[0]).toMatchObject({ level: 'warn', kind: 'timeout', fallback: 'process memory' });
  }, 30_000);
});
