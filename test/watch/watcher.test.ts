import type { Delivery, DeliveryLookup, DeliveryReport } from '../../src/eventlog/deliveries/deliveries';
import { LookupError } from '../../src/eventlog/model/lookup-error';
import { MemoryStore } from '../../src/store/memory-store';
import { createLogger } from '../../src/log';
import { createStoreWatchStore } from '../../src/watch/store-watch-store';
import type { WatchConfig } from '../../src/config';
import { createWatcher, type Watcher } from '../../src/watch/watcher';
import type { WatchStore } from '../../src/watch/watch-store';
import { manualClock, type ManualClock } from '../helpers/manual-clock';
import { noopMetrics } from '../helpers/silent';
import { checkMessageLimits } from '../helpers/check-limits';
import { incidentAt, NOT_ASKED, rateLimited, recordingSlack, scriptedLookup, slackFailure, type RecordingSlack, type ScriptedLookup } from './watch-fixtures';

const MIN = 60_000;
const SETTINGS: WatchConfig = { intervalMs: MIN, maxHours: 24, max: 3, leaseMs: 30_000 };
const CHANNEL = 'C0INCIDENT';

interface Setup {
  watcher: Watcher;
  store: WatchStore;
  slack: RecordingSlack;
  bk: ScriptedLookup;
  clock: ManualClock;
  logs: Array<Record<string, unknown>>;
}

function setUp(settings: Partial<WatchConfig> = {}, shared?: { store: WatchStore; clock: ManualClock; bk: ScriptedLookup; slack: RecordingSlack }): Setup {
  const clock = shared?.clock ?? manualClock(Date.UTC(2024, 5, 3, 6, 30));
  const store = shared?.store ?? createStoreWatchStore(new MemoryStore(clock.now));
  const slack = shared?.slack ?? recordingSlack();
  const bk = shared?.bk ?? scriptedLookup();
  const logs: Array<Record<string, unknown>> = [];
  const watcher = createWatcher({
    store,
    lookup: bk.lookup,
    slack,
    log: createLogger({ level: 'debug', secrets: [], write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) }),
    metrics: noopMetrics,
    now: clock.now,
    random: () => 0.5, // no jitter: the next poll is exactly one interval away
    replicaId: `replica-${Math.random()}`,
    settings: { ...SETTINGS, ...settings },
    render: { lang: 'en', timezone: 'Asia/Shanghai', monitorUrl: null },
  });
  return { watcher, store, slack, bk, clock, logs };
}

const startWatching = (s: Setup, threadTs: string | null = null) =>
  s.watcher.start({ log: incidentAt('created'), deliveries: NOT_ASKED, channel: CHANNEL, threadTs, userId: 'U0ALICE', teamId: 'T0001' });

/** One poll interval later, one tick. */
async function nextPoll(s: Setup, ms = MIN): Promise<void> {
  s.clock.advance(ms);
  await s.watcher.tick();
}

const texts = (s: Setup, method: 'post' | 'update' | 'reply'): string[] => s.slack.calls.filter((c) => c.method === method).map((c) => c.message.text);
const blockText = (s: Setup, index: number): string => JSON.stringify(s.slack.calls[index]?.message.blocks);

/** Per-receiver results (search_action) for the incident: one voice call per entry, succeeded or failed. */
function deliveriesOf(outcomes: Array<'succeeded' | 'failed'>): DeliveryLookup {
  const deliveries: Delivery[] = outcomes.map((outcome, i) => ({
    outcome,
    way: 'voice',
    wayLabel: '语音',
    receivers: [i === 0 ? 'zhangsan' : 'lisi'],
    reason: outcome === 'failed' ? '用户[lisi]的手机号码格式不正确' : '',
    fullReason: '',
    blocked: false,
    atMs: Date.UTC(2024, 5, 3, 6, 25 + i),
  }));
  const failed = deliveries.filter((d) => d.outcome === 'failed');
  const report: DeliveryReport = {
    notices: [{ signal: '告警触发时', actionName: '告警通知', atMs: Date.UTC(2024, 5, 3, 6, 24), deliveries }],
    failed,
    failedActions: [],
    counts: { attempted: deliveries.length, succeeded: deliveries.length - failed.length, failed: failed.length, running: 0, unknown: 0, skipped: 0, shielded: 0 },
    actionCount: deliveries.length + 1,
    unreadable: 0,
    incomplete: false,
    cutShort: false,
  };
  return { kind: 'present', report };
}

describe('the watcher', () => {

  it('tells a delivery that failed between polls (known only from search_action), once, even across a poll whose search_action failed', async () => {
    const s = setUp();
    await s.watcher.start({ log: incidentAt('created'), deliveries: deliveriesOf(['succeeded']), channel: CHANNEL, threadTs: null, userId: 'U0ALICE', teamId: 'T0001' });
    const answer = (deliveries: DeliveryLookup) => s.bk.answer({ kind: 'ok', log: incidentAt('created'), deliveries, alert: NOT_ASKED, fromCache: false });

    // The log is the same ("triggered"); only the per-receiver results say lisi's call failed.
    answer(deliveriesOf(['succeeded', 'failed']));
    await nextPoll(s);
    expect(s.slack.calls.map((c) => c.method)).toEqual(['post', 'update', 'reply']);
    expect(texts(s, 'reply')).toEqual(['Event 8001: 🚨 a notification failed: voice → lisi: 用户[lisi]的手机号码格式不正确 (phone number format is wrong)']);
    expect(blockText(s, 1)).toContain('Paging failed:* 1 of 2 pages');

    // search_action fails for a poll, then works again with the same results: nothing is told twice, nothing updated back and forth.
    answer({ kind: 'absent', absence: { kind: 'failed', error: new LookupError({ kind: 'timeout' }) } });
    await nextPoll(s);
    answer(deliveriesOf(['succeeded', 'failed']));
    await nextPoll(s);
    expect(s.slack.calls.map((c) => c.method)).toEqual(['post', 'update', 'reply']);
    for (const call of s.slack.calls) expect(checkMessageLimits(call.message)).toEqual([]);
  });
  it('polls a watch at the next pass when asked to (someone acted on the alert from its message), not a whole interval later', async () => {
    const s = setUp();
    await startWatching(s);
    s.bk.stage('acknowledged');
    const before = s.bk.requests.length;
    // Two seconds on, a pass polls nothing: the watch is due a minute after it started.
    s.clock.advance(2_000);
    await s.watcher.tick();
    expect(s.bk.requests.length).toBe(before);

    expect(await s.watcher.pollSoon(CHANNEL, '8001')).toBe(true);
    s.clock.advance(2_000);
    await s.watcher.tick();
    expect(s.bk.requests.length).toBe(before + 1);
    expect(s.slack.calls.map((c) => c.method)).toEqual(['post', 'update', 'reply']);
    expect(await s.watcher.pollSoon(CHANNEL, '9999')).toBe(false);
  });

  it('follows an incident: updates the message on each change, one thread line per change, ends on close', async () => {
    const s = setUp();
    const started = await startWatching(s);
    expect(started.kind).toBe('started');
    expect(s.slack.calls.map((c) => c.method)).toEqual(['post']);
    expect(s.slack.calls[0]).toMatchObject({ channel: CHANNEL, ts: null });
    expect(blockText(s, 0)).toContain('👁 *Watching* · updated <!date^');
    expect(blockText(s, 0)).toContain('started by <@U0ALICE>');
    expect(blockText(s, 0)).toContain('"action_id":"eventlog_watch_stop"');
    expect(blockText(s, 0)).toContain(`"value":"${CHANNEL}/8001"`);

    await nextPoll(s); // nothing new
    expect(s.slack.calls).toHaveLength(1);

    s.bk.stage('notice_failed');
    await nextPoll(s);
    s.bk.stage('acknowledged');
    await nextPoll(s);
    await nextPoll(s); // the same again: no call
    s.bk.stage('recovered');
    await nextPoll(s);
    s.bk.stage('closed');
    await nextPoll(s);

    expect(s.slack.calls.map((c) => c.method)).toEqual(['post', 'update', 'reply', 'update', 'reply', 'update', 'reply', 'update', 'reply']);
    const messageTs = '1717400000.000001';
    for (const call of s.slack.calls.slice(1)) expect(call.ts).toBe(messageTs); // updates of the message, replies in its thread
    expect(texts(s, 'reply')).toEqual([
      'Event 8001: 🚨 a notification failed: 通知人为空 (no receivers)',
      'Event 8001: 🟠 acknowledged by lisi: “正在清理 /data 日志”',
      'Event 8001: 🟢 recovered',
      'Event 8001: ⚪ closed · 👁 watch ended: the event was closed',
    ]);
    const final = s.slack.calls[7];
    expect(JSON.stringify(final?.message.blocks)).toContain('👁 Stopped watching: the event was closed · started by <@U0ALICE>');
    expect(JSON.stringify(final?.message.blocks)).not.toContain('eventlog_watch_stop');
    expect(JSON.stringify(final?.message.blocks)).not.toContain('"action_id":"eventlog_watch"'); // closed: nothing left to watch
    for (const call of s.slack.calls) expect(checkMessageLimits(call.message)).toEqual([]);

    // Closed: no more polls.
    const polls = s.bk.requests.length;
    await nextPoll(s);
    await nextPoll(s);
    expect(s.bk.requests.length).toBe(polls);
    expect(await s.store.list()).toEqual([]);
    expect(s.logs.filter((l) => l.msg === 'watch.stop')).toEqual([expect.objectContaining({ reason: 'closed', event_id: '8001' })]);
  });

  it('polls as the person who started it, re-checked every time, outside their per-user limit', async () => {
    const s = setUp();
    await startWatching(s);
    await nextPoll(s);
    expect(s.bk.requests).toEqual([
      { id: '8001', userId: 'U0ALICE', channelId: CHANNEL, teamId: 'T0001', bypassCache: true, origin: 'watch' },
    ]);
  });

  it('tells several changes of one poll in one line', async () => {
    const s = setUp();
    await startWatching(s);
    s.bk.stage('recovered');
    await nextPoll(s);
    expect(texts(s, 'reply')).toEqual(['Event 8001: 🚨 a notification failed: 通知人为空 (no receivers) · 🟠 acknowledged by lisi: “正在清理 /data 日志” · 🟢 recovered']);
  });

  it('backs off ×2 per failed poll up to 10 minutes, and returns to the interval once BlueKing answers', async () => {
    const s = setUp();
    await startWatching(s);
    s.bk.answer(rateLimited());
    const pollTimes: number[] = [];
    const start = s.clock.now();
    for (let i = 0; i < 60; i++) {
      const before = s.bk.requests.length;
      await nextPoll(s, MIN / 2);
      if (s.bk.requests.length > before) pollTimes.push((s.clock.now() - start) / MIN);
    }
    // Polls at 1, then 2, 4, 8 and 10 (the cap) minutes apart.
    expect(pollTimes.slice(0, 5)).toEqual([1, 3, 7, 15, 25]);
    s.bk.stage('created');
    await nextPoll(s, 10 * MIN);
    const at = s.bk.requests.length;
    await nextPoll(s, MIN);
    expect(s.bk.requests.length).toBe(at + 1);
    expect(s.slack.calls.map((c) => c.method)).toEqual(['post']); // failures change nothing in Slack
  });

  it('Stop watching: final message says who stopped it, and polling ends', async () => {
    const s = setUp();
    const started = await startWatching(s);
    if (started.kind !== 'started') throw new Error(started.kind);
    expect(await s.watcher.requestStop(started.watch.key, 'U0BOB')).toBe(true);
    await s.watcher.tick();
    expect(s.slack.calls.map((c) => c.method)).toEqual(['post', 'update', 'reply']);
    expect(blockText(s, 1)).toContain('👁 Stopped watching: stopped by <@U0BOB> · started by <@U0ALICE>');
    expect(blockText(s, 2)).toContain('Event 8001: 👁 watch ended: stopped by <@U0BOB>');
    expect(texts(s, 'reply')).toEqual(['Event 8001: 👁 watch ended: stopped']);
    expect(await s.watcher.requestStop(started.watch.key, 'U0BOB')).toBe(false);
    const polls = s.bk.requests.length;
    await nextPoll(s);
    expect(s.bk.requests.length).toBe(polls);
  });

  it('ends after WATCH_MAX_HOURS', async () => {
    const s = setUp({ maxHours: 1 });
    await startWatching(s);
    for (let i = 0; i < 60; i++) await nextPoll(s);
    expect(await s.store.list()).toEqual([]);
    expect(texts(s, 'reply')).toEqual(['Event 8001: 👁 watch ended: watched for 1 h, the longest a watch runs (WATCH_MAX_HOURS)']);
  });

  it('ends 30 minutes after a recovery when nothing else happens', async () => {
    const s = setUp();
    await startWatching(s);
    s.bk.stage('recovered');
    await nextPoll(s);
    for (let i = 0; i < 29; i++) await nextPoll(s);
    expect(await s.store.list()).toHaveLength(1);
    await nextPoll(s);
    expect(await s.store.list()).toEqual([]);
    expect(texts(s, 'reply').at(-1)).toBe('Event 8001: 👁 watch ended: recovered, then quiet for 30 min');
  });

  it.each([
    ['message_not_found', 'message_gone'],
    ['not_in_channel', 'not_in_channel'],
    ['is_archived', 'channel_archived'],
    ['account_inactive', 'bot_removed'],
  ] as const)('stops quietly when Slack answers %s (%s)', async (code, reason) => {
    const s = setUp();
    await startWatching(s);
    s.bk.stage('notice_failed');
    s.slack.failNext('update', slackFailure(code, reason));
    await nextPoll(s);
    await nextPoll(s);
    expect(s.slack.calls.map((c) => c.method)).toEqual(['post', 'update']);
    expect(await s.store.list()).toEqual([]);
    expect(s.logs.find((l) => l.msg === 'watch.stop')).toMatchObject({ reason });
  });

  it('honours Retry-After: no update or line before it, then the changes are told once', async () => {
    const s = setUp();
    await startWatching(s);
    s.bk.stage('notice_failed');
    s.slack.failNext('update', slackFailure('ratelimited', null, 3 * MIN));
    await nextPoll(s);
    await nextPoll(s);
    await nextPoll(s);
    expect(s.slack.calls.map((c) => c.method)).toEqual(['post', 'update']);
    await nextPoll(s, MIN + 1);
    expect(s.slack.calls.map((c) => c.method)).toEqual(['post', 'update', 'update', 'reply']);
    expect(texts(s, 'reply')).toEqual(['Event 8001: 🚨 a notification failed: 通知人为空 (no receivers)']);
  });

  it('stops when the person who started it may no longer look (allowlists changed)', async () => {
    const s = setUp();
    await startWatching(s);
    s.bk.answer({ kind: 'refused', refusal: { kind: 'access', denied: 'user' } });
    await nextPoll(s);
    expect(await s.store.list()).toEqual([]);
    expect(texts(s, 'reply')).toEqual(['Event 8001: 👁 watch ended: the person who started it may no longer look events up here']);
  });

  it('refuses a watch past WATCH_MAX and points to the existing watch of the same event', async () => {
    const s = setUp({ max: 1 });
    expect((await startWatching(s)).kind).toBe('started');
    const again = await startWatching(s, '1717399999.000100');
    expect(again).toMatchObject({ kind: 'exists', watch: { startedBy: 'U0ALICE', messageTs: '1717400000.000001' } });
    const other = await s.watcher.start({ log: incidentAt('created'), deliveries: NOT_ASKED, channel: 'C0OTHER', threadTs: null, userId: 'U0BOB', teamId: 'T0001' });
    expect(other).toEqual({ kind: 'full', max: 1 });
    expect(s.slack.calls).toHaveLength(1);
  });

  it('forgets a watch whose message could not be posted', async () => {
    const s = setUp();
    s.slack.failNext('post', slackFailure('not_in_channel', 'not_in_channel'));
    expect(await startWatching(s)).toMatchObject({ kind: 'post_failed', result: { failure: { code: 'not_in_channel' } } });
    expect(await s.store.list()).toEqual([]);
  });

  it('posts into the thread it was asked from, and tells changes there', async () => {
    const s = setUp();
    await startWatching(s, '1717399999.000100');
    s.bk.stage('notice_failed');
    await nextPoll(s);
    expect(s.slack.calls.map((c) => [c.method, c.ts])).toEqual([
      ['post', '1717399999.000100'],
      ['update', '1717400000.000001'],
      ['reply', '1717399999.000100'],
    ]);
  });

  it('on shutdown without a shared store, ends each watch saying the bot restarted', async () => {
    const s = setUp();
    await startWatching(s);
    await s.watcher.close(1000);
    expect(texts(s, 'reply')).toEqual([
      'Event 8001: 👁 watch ended: the bot restarted (without Redis, watches end on a restart); watch again to go on',
    ]);
    expect(await s.store.list()).toEqual([]);
  });

  it('with two replicas on one store, one polls; when it stops renewing, the other takes over within two lease periods', async () => {
    const a = setUp();
    const b = setUp({}, a);
    await startWatching(a);
    await a.watcher.tick();
    await b.watcher.tick();
    a.bk.stage('notice_failed');
    await nextPoll(a);
    await b.watcher.tick();
    expect(texts(a, 'reply')).toEqual(['Event 8001: 🚨 a notification failed: 通知人为空 (no receivers)']);
    // Replica a dies (no more ticks). Within one lease period b may not take over; within two it has.
    a.bk.stage('acknowledged');
    a.clock.advance(SETTINGS.leaseMs / 2);
    await b.watcher.tick();
    expect(texts(a, 'reply')).toHaveLength(1);
    a.clock.advance(SETTINGS.leaseMs + MIN);
    await b.watcher.tick();
    expect(texts(a, 'reply')).toEqual(['Event 8001: 🚨 a notification failed: 通知人为空 (no receivers)', 'Event 8001: 🟠 acknowledged by lisi: “正在清理 /data 日志”']);
  });
});
