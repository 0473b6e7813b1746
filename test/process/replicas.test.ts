import Redis from 'ioredis';
import { BK_SECRET, SIGNING_SECRET, testBotEnv } from '../helpers/app-harness';
import { buildBot, startBot, until, type BotProcess } from '../helpers/bot-process';
import { answerByEventId, requestedIds } from '../helpers/esb-answers';
import { startFakeEsb, type EsbReply, type FakeEsb } from '../helpers/fake-esb';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/fake-slack-api';
import { describeWithRedis, startRedisServer, type RedisServer } from '../helpers/redis-server';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server';
import { appMention, eventCallback, slashCommand } from '../helpers/slack-payloads';
import { slackSignatureHeaders } from '../helpers/slack-signature';

/**
 * Three bot processes (HTTP mode) behind one imaginary load balancer, one
 * fake BlueKing ESB, one real redis-server: N replicas must behave as one bot.
 */

const REDIS_PASSWORD = 'replicas-redis-pass-77f1';
const OLD_GENERATION_ID = '5310';
const RATE_LIMITED_ID = '7001';

describeWithRedis('three replicas sharing one Redis', () => {
  let redis: RedisServer;
  let esb: FakeEsb;
  let slack: FakeSlackApi;
  let responses: RecordingServer;
  let bots: BotProcess[] = [];
  let commands = 0;

  beforeAll(async () => {
    const mainJs = buildBot('replicas');
    redis = await startRedisServer({ password: REDIS_PASSWORD });
    const byId = answerByEventId();
    esb = await startFakeEsb((request): EsbReply => {
      if (request.query.get('id') === RATE_LIMITED_ID) {
        return { status: 429, headers: { 'Content-Type': 'text/plain', 'Retry-After': '30' }, body: 'Too Many Requests' };
      }
      // Slow enough that a burst arrives while the first call is still out.
      return { ...byId(request), delayMs: 300 };
    });
    slack = await startFakeSlackApi();
    responses = await startRecordingServer();
    const env = {
      ...testBotEnv(slack.apiUrl, esb.url),
      BK_TIMEOUT_MS: '5000',
      BK_CACHE_TTL_MS: '60000',
      USER_RATE_LIMIT_PER_MIN: '3',
      REDIS_URL: `redis://:${REDIS_PASSWORD}@127.0.0.1:${redis.port}/0`,
      REDIS_PREFIX: 'replicas-test:',
    };
    bots = await Promise.all([0, 1, 2].map(() => startBot(mainJs, env)));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(bots.map((bot) => bot.stop()));
    await Promise.all([esb?.close(), slack?.close(), responses?.close(), redis?.stop()]);
  });

  /** POST a signed /eventlog to `bot`; the answer goes to response_url path `/<group>/<n>`. */
  const command = async (bot: BotProcess, text: string, userId: string, group: string): Promise<number> => {
    commands++;
    const body = new URLSearchParams(
      slashCommand(text, `${responses.url}/${group}/${commands}`, { user_id: userId, trigger_id: `${commands}.trigger` }),
    ).toString();
    const res = await fetch(`${bot.url}/slack/events`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(SIGNING_SECRET, body) },
    });
    return res.status;
  };

  const answers = (group: string): string[] => responses.requests.filter((r) => r.path.startsWith(`/${group}/`)).map((r) => r.body);
  const esbCallsFor = (id: string): number => requestedIds(esb.requests).filter((asked) => asked === id).length;

  it('answers 200 simultaneous identical lookups spread over three replicas with exactly one BlueKing call', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => command(bots[i % 3], OLD_GENERATION_ID, `U0BURST${String(i).padStart(3, '0')}`, 'burst')),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    await until(() => answers('burst').length >= 200, '200 answers', 60_000);
    expect(esbCallsFor(OLD_GENERATION_ID)).toBe(1);
    const bodies = answers('burst');
    expect(bodies).toHaveLength(200);
    // Every one is the log itself, none a "busy" or an error.
    expect(bodies.every((body) => body.includes('"replace_original":true') && body.includes(OLD_GENERATION_ID) && !body.includes('busy'))).toBe(true);
    expect(bots.every((bot) => !bot.output().includes('store.unavailable'))).toBe(true);
  }, 90_000);

  it('answers an app_mention once when Slack redelivers it to another replica (X-Slack-Retry-Num: 1)', async () => {
    const body = JSON.stringify(eventCallback(appMention({ text: `<@UBOT> ${OLD_GENERATION_ID}`, ts: '1700000300.000100' }), 'Ev0REPLICAS1'));
    const post = (bot: BotProcess, headers: Record<string, string>): Promise<Response> =>
      fetch(`${bot.url}/slack/events`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...slackSignatureHeaders(SIGNING_SECRET, body), ...headers } });

    expect((await post(bots[0], {})).status).toBe(200);
    await slack.waitForCall('chat.postMessage', 1, 10_000);
    expect((await post(bots[1], { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' })).status).toBe(200);
    await until(() => bots[1].output().includes('mention.duplicate'), 'the second replica to see the duplicate');
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
    expect(JSON.parse(bots[1].output().split('\n').find((line) => line.includes('mention.duplicate')) ?? '{}')).toMatchObject({ retry_num: 1 });
  }, 30_000);

  it('holds the per-user limit across replicas: one budget for the whole bot', async () => {
    const ids = ['9101', '9102', '9103', '9104', '9105', '9106'];
    for (const [i, id] of ids.entries()) await command(bots[i % 3], id, 'U0LIMITED', 'limit');
    await until(() => answers('limit').length >= 6, '6 answers');
    // The lookups run after their acks, side by side, so which three get through varies; how many does not.
    expect(ids.map(esbCallsFor).reduce((sum, calls) => sum + calls, 0)).toBe(3);
    expect(answers('limit').filter((body) => body.includes('Slow down a little'))).toHaveLength(3);
  }, 30_000);

  it('stops every replica calling BlueKing once one of them was told "rate limited"', async () => {
    await command(bots[0], RATE_LIMITED_ID, 'U0RL0', 'ratelimit');
    await until(() => answers('ratelimit').length >= 1, 'the rate-limited answer');
    await command(bots[1], '7002', 'U0RL1', 'ratelimit');
    await command(bots[2], '7003', 'U0RL2', 'ratelimit');
    await until(() => answers('ratelimit').length >= 3, '3 answers');
    expect([RATE_LIMITED_ID, '7002', '7003'].map(esbCallsFor)).toEqual([1, 0, 0]);
    expect(answers('ratelimit').every((body) => body.includes('BlueKing is rate limiting the bot'))).toBe(true);
  }, 30_000);

  it('keeps answering every command when Redis dies, and shares again once it is back, without a restart', async () => {
    await redis.kill();
    const down = Array.from({ length: 30 }, (_, i) => `80${String(i).padStart(2, '0')}`);
    const statuses = await Promise.all(down.map((id, i) => command(bots[i % 3], id, `U0DOWN${i}`, 'down')));
    expect(statuses.every((status) => status === 200)).toBe(true);
    await until(() => answers('down').length >= 30, '30 answers while Redis is down', 30_000);
    for (const bot of bots) {
      expect(bot.child.exitCode).toBeNull();
      expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
      expect(bot.output().match(/"msg":"store\.unavailable"/g)).toHaveLength(1);
    }

    await redis.restart();
    const probe = new Redis(`redis://:${REDIS_PASSWORD}@127.0.0.1:${redis.port}`);
    try {
      // Each replica has its two connections back (commands, pub/sub)…
      await until(async () => ((await probe.client('LIST')) as string).split('\n').filter((l) => l.includes('name=eventlog-bot')).length >= 6, 'replicas to reconnect');
    } finally {
      probe.disconnect();
    }
    // …and has used one again (a lookup of its own), so none is still in its one-second fallback.
    for (const [i, bot] of bots.entries()) {
      await until(
        async () => {
          await command(bot, `85${i}${commands % 10}`, `U0PROBE${commands}`, 'probe');
          return bot.output().includes('store.recovered');
        },
        'a replica to use Redis again',
      );
    }
    const statusesAfter = await Promise.all(Array.from({ length: 30 }, (_, i) => command(bots[i % 3], '1', `U0BACK${i}`, 'back')));
    expect(statusesAfter.every((status) => status === 200)).toBe(true);
    await until(() => answers('back').length >= 30, '30 answers after Redis came back', 30_000);
    expect(esbCallsFor('1')).toBe(1);
  }, 90_000);

  it('never logs the Redis password or the BlueKing secret', () => {
    for (const bot of bots) {
      expect(bot.output()).not.toContain(REDIS_PASSWORD);
      expect(bot.output()).not.toContain(BK_SECRET);
      expect(bot.output()).toContain('redis at 127.0.0.1');
    }
  });
});
