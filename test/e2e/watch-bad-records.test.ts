import { EVOLVING_INCIDENT_ID } from '../../src/console/demo/evolving-incident';
import { requestedIds } from '../helpers/esb-answers';
import { describeWithRedis } from '../helpers/redis-server';
import { startRedisWatchBot, type RedisWatchBot } from '../helpers/redis-watch-bot';
import { CHANNEL } from '../helpers/slack-payloads';
import { waitFor } from '../helpers/wait-for';

/**
 * Watch records in a real Redis that this bot cannot read: one not JSON, one
 * JSON of another shape (as a rolling deploy that changes the record would
 * leave). Each is skipped, logged once and removed; new watches still start
 * and are polled.
 */

const ID = EVOLVING_INCIDENT_ID;

describeWithRedis('unreadable watch records in Redis', () => {
  let bot: RedisWatchBot;
  beforeAll(async () => {
    bot = await startRedisWatchBot('bad-records:', async (raw) => {
      await raw.hset('bad-records:watch:all', 'C0INCIDENT/1001', '{"key":"C0INCIDENT/1001", "eventId":');
      await raw.hset('bad-records:watch:all', 'C0INCIDENT/1002', JSON.stringify({ key: 'C0INCIDENT/1002', eventId: 1002, channel: null, version: 2 }));
    });
  });
  afterAll(() => bot.close());

  it('skips, logs once and removes each bad record; a new watch starts and is polled', async () => {
    const { h } = bot;
    await h.postCommand(`${ID} watch`);
    const [confirmed] = await h.responses.waitForRequests(1, 10_000);
    expect(confirmed.body).toContain(`Watching event ${ID}`);
    // Polled after its start: the watch loop is alive.
    await waitFor(() => requestedIds(h.esb.requests).filter((id) => id === ID), 2, 10_000);

    const bad = h.logs.filter((l) => l.msg === 'watch.bad_record');
    expect(bad.map((l) => l.key).sort()).toEqual(['C0INCIDENT/1001', 'C0INCIDENT/1002']);
    expect(bad.find((l) => l.key === 'C0INCIDENT/1001')).toMatchObject({ level: 'warn', why: 'not JSON' });
    expect(await bot.watchKeys()).toEqual([`${CHANNEL.id}/${ID}`]);
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
  }, 30_000);
});
