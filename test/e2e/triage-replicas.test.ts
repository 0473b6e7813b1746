import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALERT_ID } from '../fixtures/bk/search-alert';
import { startHarness, type Harness } from '../helpers/app-harness';
import { messageText } from '../helpers/message-text';
import { describeWithRedis, startRedisServer, type RedisServer } from '../helpers/redis-server';
import { componentOf, startTriageEsb, type TriageEsb } from '../helpers/triage-esb';
import { noteInput, openedModal, press, submitModal, waitForAnswers } from '../helpers/triage-clicks';

/**
 * Two replicas of the bot (two apps, each with its own Redis connection) on
 * one real redis-server and one BlueKing: two people pressing Acknowledge at
 * the same moment, one on each replica, produce one ack_event.
 */

const VALUE = `${ALERT_ID}:0:full`;

describeWithRedis('acting on one alert from two replicas sharing Redis', () => {
  let redis: RedisServer;
  let replicas: Harness[] = [];
  let bk: TriageEsb;

  beforeAll(async () => {
    redis = await startRedisServer();
  }, 30_000);

  afterAll(async () => {
    await redis?.stop();
  });

  afterEach(async () => {
    await Promise.all(replicas.map((h) => h.close()));
    replicas = [];
  });

  it('writes once; the person on the other replica is told who acked', async () => {
    const mapFile = join(mkdtempSync(join(tmpdir(), 'eventlog-triage-replicas-')), 'users.json');
    writeFileSync(mapFile, JSON.stringify({ U0ALICE: 'lisi', U0BOB: 'bob' }));
    const env = { BK_IDENTITY: 'map', BK_USER_MAP_FILE: mapFile, REDIS_URL: redis.url, REDIS_PREFIX: `triage-replicas-${Date.now()}:`, LOG_LEVEL: 'info' };
    const first = await startHarness(env);
    replicas.push(first);
    // The second replica calls the same BlueKing as the first.
    replicas.push(await startHarness({ ...env, BK_API_BASE_URL: first.esb.url }));
    bk = startTriageEsb();
    bk.businesses.set('bob', [2]);
    // A slow ack_event, so the second act arrives while the first is still writing.
    first.esb.setFallback((request) => ({ ...bk.handler(request), delayMs: componentOf(request) === 'ack_event' ? 300 : 0 }));

    const [a, b] = replicas as [Harness, Harness];
    const lisiClick = await press(a, 'eventlog_triage_ack', VALUE, { id: 'U0ALICE', name: 'alice' });
    const bobClick = await press(b, 'eventlog_triage_ack', VALUE, { id: 'U0BOB', name: 'bob' });
    const [lisiModal, bobModal] = [await openedModal(a, 1), await openedModal(b, 1)];
    await Promise.all([submitModal(a, lisiModal, { id: 'U0ALICE', name: 'alice' }, noteInput('a')), submitModal(b, bobModal, { id: 'U0BOB', name: 'bob' }, noteInput('b'))]);
    const [lisiTold] = await waitForAnswers(a, lisiClick, 2);
    const [bobTold] = await waitForAnswers(b, bobClick, 2);

    expect(bk.writes()).toHaveLength(1);
    const winner = bk.writes()[0]!.username;
    expect(messageText(winner === 'lisi' ? bobTold : lisiTold)).toContain(`already acknowledged by ${winner}`);
    expect(messageText(winner === 'lisi' ? lisiTold : bobTold)).toContain(`acknowledged by you (${winner})`);
  });
});
