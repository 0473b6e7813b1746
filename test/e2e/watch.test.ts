import { createServerClock } from '../../src/console/demo/server-clock';
import { EVOLVING_INCIDENT_ID, evolvingIncidentResponse, type EvolvingStage } from '../../src/console/demo/evolving-incident';
import type { Harness } from '../helpers/app-harness';
import { answerByEventId, requestedIds } from '../helpers/esb-answers';
import { parseSlackArgs } from '../helpers/fake-slack-api';
import { harnessPerTest } from '../helpers/harness-per-test';
import { promSample } from '../helpers/prometheus-text';
import { requireButton } from '../helpers/sent-messages';
import { ALICE, appMention, blockActions, BOT_USER_ID, CHANNEL } from '../helpers/slack-payloads';
import { waitFor } from '../helpers/wait-for';

/**
 * Watching over real HTTP: the real app (WATCH_INTERVAL_MS=1000) polls a fake
 * ESB whose answer for event 8001 the test moves on, and talks to a fake
 * Slack Web API that records every call.
 */

const ID = EVOLVING_INCIDENT_ID;
const clock = createServerClock('Asia/Shanghai');

/** The ESB answers 8001 at the stage the test sets; other IDs with their fixtures. */
function evolvingEsb(h: Harness): { stage(stage: EvolvingStage): void } {
  let current: EvolvingStage = 'created';
  const others = answerByEventId();
  h.esb.setFallback((request) => {
    if (request.query.get('id') !== ID) return others(request);
    return { status: 200, body: evolvingIncidentResponse(current, clock).body };
  });
  // Every chat.postMessage gets a ts of its own, as in Slack.
  h.slack.reply('chat.postMessage', (args, i) => ({ body: { ok: true, channel: args.channel, ts: `1717400000.${String(i + 1).padStart(6, '0')}` } }));
  return {
    stage: (stage) => {
      current = stage;
    },
  };
}

type Call = Record<string, unknown>;

/** Every chat.postMessage and chat.update, in the order the bot made them: method, where, and the push text. */
function callSequence(h: Harness): string[] {
  return h.slack.server.requests
    .filter((r) => r.path === '/api/chat.postMessage' || r.path === '/api/chat.update')
    .map((r) => {
      const args = parseSlackArgs(r);
      const where = r.path === '/api/chat.update' ? `ts=${String(args.ts)}` : args.thread_ts ? `thread_ts=${String(args.thread_ts)}` : 'top of channel';
      return `${r.path.replace('/api/', '')} ${String(args.channel)} ${where} | ${String(args.text)}`;
    });
}

const replies = (h: Harness): Call[] => h.slack.calls('chat.postMessage').filter((c) => typeof c.thread_ts === 'string' && !String(c.text).startsWith('Event 8001 '));
const updates = (h: Harness): Call[] => h.slack.calls('chat.update');
const blocksOf = (call: Call | undefined): string => JSON.stringify(call?.blocks);

describe('watching an event, over real HTTP', () => {
  let h: Harness;
  harnessPerTest((started) => (h = started), { WATCH_INTERVAL_MS: '1000', WATCH_MAX: '2' });

  it('/eventlog <id> watch: posts the log to the channel, updates it on each change with one thread line each, stops polling once closed', async () => {
    const esb = evolvingEsb(h);
    const res = await h.postCommand(`${ID} watch`);
    expect(await res.json()).toMatchObject({ response_type: 'ephemeral', text: `⏳ Starting to watch event ${ID}…` });

    const [posted] = await h.slack.waitForCall('chat.postMessage');
    expect(posted).toMatchObject({ channel: CHANNEL.id });
    expect(posted?.thread_ts).toBeUndefined();
    expect(blocksOf(posted)).toContain(`started by <@${ALICE.id}>`);
    const ts = '1717400000.000001';
    await h.responses.waitForRequests(1);
    expect(h.responseBodies()[0]).toMatchObject({ replace_original: true, text: expect.stringContaining(`Watching event ${ID}`) });

    esb.stage('notice_failed');
    await waitFor(() => replies(h), 1, 8000);
    esb.stage('acknowledged');
    await waitFor(() => replies(h), 2, 8000);
    esb.stage('recovered');
    await waitFor(() => replies(h), 3, 8000);
    esb.stage('closed');
    await waitFor(() => replies(h), 4, 8000);

    expect(replies(h).map((r) => [r.thread_ts, r.text])).toEqual([
      [ts, 'Event 8001: 🚨 a notification failed: 通知人为空 (no receivers)'],
      [ts, 'Event 8001: 🟠 acknowledged by lisi: “正在清理 /data 日志”'],
      [ts, 'Event 8001: 🟢 recovered'],
      [ts, 'Event 8001: ⚪ closed · 👁 watch ended: the event was closed'],
    ]);
    const sequence = callSequence(h);
    if (process.env.WATCH_PRINT_SEQUENCE) process.stdout.write(`${sequence.join('\n')}\n`);
    expect(sequence.map((line) => line.split(' | ')[0])).toEqual([
      `chat.postMessage ${CHANNEL.id} top of channel`,
      ...Array.from({ length: 4 }, () => [`chat.update ${CHANNEL.id} ts=${ts}`, `chat.postMessage ${CHANNEL.id} thread_ts=${ts}`]).flat(),
    ]);
    expect(updates(h)).toHaveLength(4);
    for (const update of updates(h)) expect(update).toMatchObject({ channel: CHANNEL.id, ts });
    expect(blocksOf(updates(h)[3])).toContain('Stopped watching: the event was closed');
    expect(String(updates(h)[3]?.text)).toMatch(/^⚪ Event 8001 · 主机 10\.0\.4\.17 · Closed/);

    // Closed: the watch is gone, and no tick polls BlueKing for it again.
    const calls = h.esb.requests.length;
    await h.running.watcher.tick();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(h.esb.requests.length).toBe(calls);
    expect(updates(h)).toHaveLength(4);
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(promSample(metrics, 'eventlog_watch_stops_total', { reason: 'closed' })).toBe(1);
    expect(promSample(metrics, 'eventlog_watch_replies_total')).toBe(4);
    expect(promSample(metrics, 'eventlog_watch_updates_total')).toBe(4);
    expect(promSample(metrics, 'eventlog_watch_polls_total', { outcome: 'ok' })).toBeGreaterThanOrEqual(4);
    expect(promSample(metrics, 'eventlog_watches_active')).toBe(0);
    expect(h.logs.filter((l) => String(l.msg).startsWith('watch.st'))).toEqual([
      expect.objectContaining({ msg: 'watch.start', event_id: ID, channel: CHANNEL.id, started_by: ALICE.id }),
      expect.objectContaining({ msg: 'watch.stop', event_id: ID, reason: 'closed' }),
    ]);
  }, 60_000);

  it('Watch on a thread answer watches in that thread; Stop watching ends it and says who', async () => {
    evolvingEsb(h);
    const threadTs = '1717399000.000100';
    await h.postEvent(appMention({ text: `<@${BOT_USER_ID}> ${ID}`, ts: '1717399100.000200', thread_ts: threadTs }));
    const [answer] = await h.slack.waitForCall('chat.postMessage');
    const watch = requireButton(answer ?? {}, 'eventlog_watch');

    await h.postInteraction(
      blockActions(
        { action_id: watch.action_id, value: watch.value, text: watch.text.text },
        { ephemeral: false, message: { ts: '1717400000.000001', thread_ts: threadTs, text: String(answer?.text), blocks: answer?.blocks as unknown[] } },
        `${h.responses.url}/watch-click`,
      ),
    );
    const [, watching] = await h.slack.waitForCall('chat.postMessage', 2);
    expect(watching).toMatchObject({ channel: CHANNEL.id, thread_ts: threadTs });
    expect(blocksOf(watching)).toContain('👁 *Watching*');

    const stop = requireButton(watching ?? {}, 'eventlog_watch_stop');
    await h.postInteraction(
      blockActions(
        { action_id: stop.action_id, value: stop.value, text: stop.text.text },
        { ephemeral: false, message: { ts: '1717400000.000002', thread_ts: threadTs, text: String(watching?.text), blocks: watching?.blocks as unknown[] } },
        `${h.responses.url}/stop-click`,
      ),
    );
    const [final] = await h.slack.waitForCall('chat.update');
    expect(final).toMatchObject({ channel: CHANNEL.id, ts: '1717400000.000002' });
    expect(blocksOf(final)).toContain(`Stopped watching: stopped by <@${ALICE.id}>`);
    const [, , line] = await h.slack.waitForCall('chat.postMessage', 3);
    expect(line).toMatchObject({ thread_ts: threadTs, text: 'Event 8001: 👁 watch ended: stopped' });
    expect(blocksOf(line)).toContain(`stopped by <@${ALICE.id}>`);

    // A second click on the ended watch: told privately, nothing else happens.
    await h.postInteraction(
      blockActions({ action_id: stop.action_id, value: stop.value, text: stop.text.text }, { ephemeral: false, message: { ts: '1717400000.000002', text: 'x', blocks: [] } }, `${h.responses.url}/again`),
    );
    await h.responses.waitForRequests(1);
    expect(h.responseBodies()[0]).toMatchObject({ response_type: 'ephemeral', text: '👁 That watch has already ended' });
  }, 30_000);

  it('a bare "@eventlog watch" in an alert thread watches the event its parent post names, in that thread', async () => {
    evolvingEsb(h);
    const parentTs = '1717399000.000100';
    h.slack.reply('conversations.replies', {
      body: { ok: true, messages: [{ type: 'message', bot_id: 'B0ALERTS', text: `【蓝鲸监控】磁盘告警\n告警ID: ${ID}`, ts: parentTs, thread_ts: parentTs }] },
    });
    await h.postEvent(appMention({ text: `<@${BOT_USER_ID}> watch`, ts: '1717399100.000200', thread_ts: parentTs }));
    const [watching] = await h.slack.waitForCall('chat.postMessage');
    expect(watching).toMatchObject({ channel: CHANNEL.id, thread_ts: parentTs });
    expect(blocksOf(watching)).toContain('👁 *Watching*');
    expect(requestedIds(h.esb.requests)).toContain(ID);
  });

  it('refuses politely: the same event again points to the existing watch; past WATCH_MAX says so; an unknown or closed event is not watched', async () => {
    evolvingEsb(h);
    h.slack.reply('chat.getPermalink', { body: { ok: true, channel: CHANNEL.id, permalink: 'https://example.slack.com/archives/C0INCIDENT/p1717400000000001' } });
    await h.postCommand(`${ID} watch`);
    await h.slack.waitForCall('chat.postMessage');
    await h.responses.waitForRequests(1);

    await h.postCommand(`watch ${ID}`);
    await h.responses.waitForRequests(2);
    const again = h.responseBodies()[1];
    expect(again).toMatchObject({ response_type: 'ephemeral', text: `👁 Event ${ID} is already watched in this channel` });
    expect(JSON.stringify(again?.blocks)).toContain('<https://example.slack.com/archives/C0INCIDENT/p1717400000000001|the watching message>');
    expect(JSON.stringify(again?.blocks)).toContain(`Started by <@${ALICE.id}>`);

    await h.postCommand('1 watch');
    await h.slack.waitForCall('chat.postMessage', 2);
    await h.responses.waitForRequests(3);
    await h.postCommand('1 watch', { channel_id: 'C0OTHER' });
    await h.responses.waitForRequests(4);
    expect(h.responseBodies()[3]).toMatchObject({ text: '⚠️ The bot is watching as many events as it may' });
    expect(JSON.stringify(h.responseBodies()[3]?.blocks)).toContain('At most 2 events are watched at once (WATCH_MAX)');

    await h.postCommand('999999 watch', { channel_id: 'C0OTHER' });
    await h.responses.waitForRequests(5);
    expect(String(h.responseBodies()[4]?.text)).toContain('999999');
    await h.postCommand('5310 watch', { channel_id: 'C0OTHER' });
    await h.responses.waitForRequests(6);
    expect(h.responseBodies()[5]).toMatchObject({ text: '⚪ Event 5310 is already closed' });
    expect(h.slack.calls('chat.postMessage')).toHaveLength(2);
  });

  it('stops and logs why when Slack says the watching message is gone', async () => {
    const esb = evolvingEsb(h);
    h.slack.reply('chat.update', { body: { ok: false, error: 'message_not_found' } });
    await h.postCommand(`${ID} watch`);
    await h.slack.waitForCall('chat.postMessage');
    esb.stage('notice_failed');
    await h.slack.waitForCall('chat.update', 1, 8000);
    await waitFor(() => h.logs.filter((l) => l.msg === 'watch.stop'), 1, 8000);
    expect(h.logs.find((l) => l.msg === 'watch.stop')).toMatchObject({ event_id: ID, reason: 'message_gone' });
    // Nothing more is sent to a message that is gone: no thread line, no second update.
    await h.running.watcher.tick();
    expect(h.slack.calls('chat.update')).toHaveLength(1);
    expect(replies(h)).toEqual([]);
  }, 30_000);

  it("honours Slack's Retry-After on chat.update, then tells the change once", async () => {
    const esb = evolvingEsb(h);
    h.slack.reply('chat.update', (_args, i) =>
      i === 0 ? { status: 429, headers: { 'Retry-After': '2' }, body: { ok: false, error: 'ratelimited' } } : { body: { ok: true } },
    );
    await h.postCommand(`${ID} watch`);
    await h.slack.waitForCall('chat.postMessage');
    esb.stage('notice_failed');
    await waitFor(() => replies(h), 1, 15_000);
    expect(h.logs.find((l) => l.msg === 'watch.update_failed')).toMatchObject({ slack_error: 'ratelimited', retry_after_ms: 2000 });
    expect(h.slack.calls('chat.update')).toHaveLength(2);
    expect(replies(h).map((r) => r.text)).toEqual(['Event 8001: 🚨 a notification failed: 通知人为空 (no receivers)']);
  }, 30_000);
});

describe('watching turned off (WATCH_MAX=0), over real HTTP', () => {
  let h: Harness;
  harnessPerTest((started) => (h = started), { WATCH_MAX: '0' });

  it('says so, and posts nothing', async () => {
    evolvingEsb(h);
    await h.postCommand(`${ID} watch`);
    await h.responses.waitForRequests(1);
    expect(h.responseBodies()[0]).toMatchObject({ replace_original: true, text: '⚠️ Watching is turned off on this bot' });
    expect(h.slack.calls('chat.postMessage')).toEqual([]);
  });
});
