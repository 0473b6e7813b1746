import { createServerClock } from '../../src/console/demo/server-clock';
import { EVOLVING_INCIDENT_ID, evolvingIncidentResponse, type EvolvingStage } from '../../src/console/demo/evolving-incident';
import { SIGNING_SECRET, testBotEnv } from '../helpers/app-harness';
import { buildBot, startBot, until, type BotProcess } from '../helpers/bot-process';
import { answerByEventId } from '../helpers/esb-answers';
import { startFakeEsb, type FakeEsb } from '../helpers/fake-esb';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/fake-slack-api';
import { describeWithRedis, startRedisServer, type RedisServer } from '../helpers/redis-server';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server';
import { slashCommand } from '../helpers/slack-payloads';
import { slackSignatureHeaders } from '../helpers/slack-signature';

/**
 * Two bot processes on one real redis-server watch one evolving incident:
 * exactly one polls it; killed (SIGKILL), the other takes the watch over
 * within two lease periods; no thread line is posted twice.
 */

const ID = EVOLVING_INCIDENT_ID;
const LEASE_MS = 1_500;
const clock = createServerClock('Asia/Shanghai');

describeWithRedis('a watch shared by two replicas through Redis', () => {
  let redis: RedisServer;
  let esb: FakeEsb;
  let slack: FakeSlackApi;
  let responses: RecordingServer;
  let bots: BotProcess[] = [];
  let stage: EvolvingStage = 'created';

  beforeAll(async () => {
    const mainJs = buildBot('watch-replicas');
    redis = await startRedisServer();
    const others = answerByEventId();
    esb = await startFakeEsb((request) =>
      request.query.get('id') === ID ? { status: 200, body: evolvingIncidentResponse(stage, clock).body } : others(request),
    );
    slack = await startFakeSlackApi();
    slack.reply('chat.postMessage', (args, i) => ({ body: { ok: true, channel: args.channel, ts: `1717400000.${String(i + 1).padStart(6, '0')}` } }));
    responses = await startRecordingServer();
    const env = {
      ...testBotEnv(slack.apiUrl, esb.url),
      REDIS_URL: redis.url,
      REDIS_PREFIX: 'watch-replicas:',
      WATCH_INTERVAL_MS: '1000',
      WATCH_LEASE_MS: String(LEASE_MS),
      LOG_LEVEL: 'debug',
    };
    bots = await Promise.all([0, 1].map(() => startBot(mainJs, env)));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(bots.map((bot) => bot.stop()));
    await Promise.all([esb?.close(), slack?.close(), responses?.close(), redis?.stop()]);
  });

  const replies = (): string[] =>
    slack
      .calls('chat.postMessage')
      .filter((c) => typeof c.thread_ts === 'string')
      .map((c) => String(c.text));
  const polls = (bot: BotProcess): number => bot.output().split('\n').filter((line) => line.includes('"msg":"watch.poll"')).length;

  it('one replica polls; SIGKILLed, the other takes over; every change is told exactly once', async () => {
    const body = new URLSearchParams(slashCommand(`${ID} watch`, `${responses.url}/watch`)).toString();
    const res = await fetch(`${bots[0]?.url}/slack/events`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(SIGNING_SECRET, body) },
    });
    expect(res.status).toBe(200);
    await slack.waitForCall('chat.postMessage', 1, 10_000);

    stage = 'notice_failed';
    await until(() => replies().length >= 1, 'the first thread line', 20_000);
    await until(() => bots.some((bot) => polls(bot) >= 3), 'a few more polls', 20_000);
    const [a, b] = bots;
    if (!a || !b) throw new Error('two bots');
    // Exactly one of the two polls the watch.
    expect(Math.min(polls(a), polls(b))).toBe(0);
    const [poller, other] = polls(a) > 0 ? [a, b] : [b, a];

    poller.child.kill('SIGKILL');
    await poller.exited;
    stage = 'acknowledged';
    await until(() => replies().length >= 2, 'the takeover and the second thread line', 20_000);
    // (How soon is pinned in test/watch/watch-redis.test.ts without a wall clock; here only that it happens.)
    expect(polls(other)).toBeGreaterThan(0);

    stage = 'closed';
    await until(() => replies().length >= 3, 'the last thread line', 20_000);
    expect(replies()).toEqual([
      'Event 8001: 🚨 a notification failed: 通知人为空 (no receivers)',
      'Event 8001: 🟠 acknowledged by lisi: “正在清理 /data 日志”',
      'Event 8001: 🟢 recovered · ⚪ closed · 👁 watch ended: the event was closed',
    ]);
    expect(slack.calls('chat.update')).toHaveLength(3);
  }, 90_000);
});
