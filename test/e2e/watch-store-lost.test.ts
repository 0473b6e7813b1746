import { EVOLVING_INCIDENT_ID } from '../../src/console/demo/evolving-incident';
import { requestedIds } from '../helpers/esb-answers';
import { describeWithRedis } from '../helpers/redis-server';
import { startRedisWatchBot, type RedisWatchBot } from '../helpers/redis-watch-bot';
import { CHANNEL } from '../helpers/slack-payloads';
import { waitFor } from '../helpers/wait-for';

/**
 * A real Redis that loses its watches, flushed and then restarted empty: the
 * replica holding a watch writes it back, and it is polled on, its live message
 * still true. (Before, nothing was polled any more while the message said "Watching".)
 */

const ID = EVOLVING_INCIDENT_ID;
const WATCH_KEY = `${CHANNEL.id}/${ID}`;

describeWithRedis('watches when Redis loses them', () => {
  let bot: RedisWatchBot;
  beforeAll(async () => {
    bot = await startRedisWatchBot('store-lost:');
  });
  afterAll(() => bot.close());

  const polls = (): string[] => requestedIds(bot.h.esb.requests).filter((id) => id === ID);
  const backInRedis = async (): Promise<void> => {
    const deadline = Date.now() + 20_000;
    while (!(await bot.watchKeys().catch((): string[] => [])).includes(WATCH_KEY)) {
      if (Date.now() > deadline) throw new Error('the watch never came back to Redis');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('writes the watch back after a flush and after a restart that comes back empty, and goes on polling it', async () => {
    const { h, raw, redis } = bot;
    await h.postCommand(`${ID} watch`);
    await h.responses.waitForRequests(1, 10_000);
    await waitFor(polls, 2, 10_000);
    expect(await bot.watchKeys()).toEqual([WATCH_KEY]);

    await raw.flushall();
    await waitFor(() => h.logs.filter((l) => l.msg === 'watch.restored'), 1, 10_000);
    expect(await bot.watchKeys()).toEqual([WATCH_KEY]);
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
