import Redis from 'ioredis';
import { EVOLVING_INCIDENT_ID, evolvingIncidentResponse } from '../../src/console/demo/evolving-incident';
import { createServerClock } from '../../src/console/demo/server-clock';
import { startHarness, type Harness } from '../helpers/app-harness';
import { answerByEventId, requestedIds } from '../helpers/esb-answers';
import { describeWithRedis, startRedisServer, type RedisServer } from '../helpers/redis-server';
import { CHANNEL } from '../helpers/slack-payloads';
import { waitFor } from '../helpers/wait-for';

/**
 * Watch records in a real Redis that this bot cannot read: one not JSON, one
 * JSON of another shape (as a rolling deploy that changes the record would
 * leave). Each is skipped, logged once and removed; new watches still start
 * and are polled.
 */

const PREFIX = 'bad-records:';
const ID = EVOLVING_INCIDENT_ID;

describeWithRedis('unreadable watch records in Redis', () => {
  let redis: RedisServer;
  let raw: Redis;
  let h: Harness;

  beforeAll(async () => {
    redis = await startRedisServer();
    raw = new Redis(redis.url);
    await raw.hset(`${PREFIX}watch:all`, 'C0INCIDENT/1001', '{"key":"C0INCIDENT/1001", "eventId":');
    await raw.hset(`${PREFIX}watch:all`, 'C0INCIDENT/1002', JSON.stringify({ key: 'C0INCIDENT/1002', eventId: 1002, channel: null, version: 2 }));
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

  it('skips, logs once and removes each bad record; a new watch starts and is polled', async () => {
    await h.postCommand(`${ID} watch`);
    const [confirmed] = await h.responses.waitForRequests(1, 10_000);
    expect(confirmed.body).toContain(`Watching event ${ID}`);
    // Polled after its start: the watch loop is alive.
    await waitFor(() => requestedIds(h.esb.requests).filter((id) => id === ID), 2, 10_000);

    const bad = h.logs.filter((l) => l.msg === 'watch.bad_record');
    expect(bad.map((l) => l.key).sort()).toEqual(['C0INCIDENT/1001', 'C0INCIDENT/1002']);
    expect(bad.find((l) => l.key === 'C0INCIDENT/1001')).toMatchObject({ level: 'warn', why: 'not JSON' });
    expect(await raw.hkeys(`${PREFIX}watch:all`)).toEqual([`${CHANNEL.id}/${ID}`]);
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
  }, 30_000);
});
