import { benchRecords, BENCH_REQUEST_ID } from '../../bench/bench-log';
import { successResponse } from '../../src/console/demo/envelope';
import type { FetchedLog } from '../../src/eventlog/answers/answer';
import type { EventLog } from '../../src/eventlog/model/record';
import type { EventLogSource } from '../../src/eventlog/model/source';
import { OFFLOAD_MIN_BYTES, type LogWorkers } from '../../src/offload/log-workers';
import { renderFetchedLog, type AnswerSettings, type AnswerView } from '../../src/render/event-log-message';
import { renderFetchedLogModal } from '../../src/render/modal-view';
import { renderFetchedLogUnfurl } from '../../src/render/unfurl-blocks';
import { watchKey } from '../../src/watch/watch-record';
import { endedWatchView, liveWatchView, type WatchTextSettings } from '../../src/watch/watch-render';
import { startHarness, type Harness } from '../helpers/app-harness';
import { manualClock } from '../helpers/manual-clock';
import { logLines } from '../helpers/message-text';
import { ALICE, CHANNEL, linkShared } from '../helpers/slack-payloads';
import { waitFor } from '../helpers/wait-for';

/**
 * A big log (kept raw: bytes and a record count) shown in the Full log
 * modal, in an unfurl and by a watch (first message, every poll, a changed
 * message, the final one) is read and drawn on worker threads only (once,
 * reading one such log held the event loop for 300 ms). The body's main-thread
 * reader counts its calls and must never be called; what Slack receives must
 * equal what the main thread draws from the same log.
 */

const ID = '1001';
const MONITOR = 'https://paas.example.com/o/bk_monitorv3';
const LINK = `${MONITOR}/?bizId=2#/event-center/detail/${ID}`;
const WATCH_INTERVAL_MS = 1_000;

/** A big log that is still open (no RECOVER, RECOVERY_NOTICE, CLOSE), so it can be watched. */
const openBody = (records: number): string => successResponse(benchRecords(records + 3).slice(0, -3), { code: 0, requestId: BENCH_REQUEST_ID }).body;
const OPEN = openBody(3_000);
const GROWN = openBody(3_200);
const CLOSED = successResponse(benchRecords(3_200), { code: 0, requestId: BENCH_REQUEST_ID }).body;

type Json = Record<string, unknown>;

/** As Slack receives it: JSON, so no undefined fields. */
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('a big log in the modal, an unfurl and a watch, over real HTTP', () => {
  let h: Harness;
  const clock = manualClock(Date.UTC(2024, 4, 7, 3));
  /** Calls of a raw log's main-thread reader (EventLog.raw.read) made by the app. */
  let mainThreadReads = 0;
  /** Worker jobs that draw a log: a surface's render (by surface), or a watch's look. */
  const drawJobs: string[] = [];
  const countDrawJobs = (workers: LogWorkers): LogWorkers => ({
    ...workers,
    render: (fetched, settings, surface, nowMs) => {
      drawJobs.push(`render ${surface.kind}`);
      return workers.render(fetched, settings, surface, nowMs);
    },
    watchLook: (fetched, settings, ask, nowMs) => {
      drawJobs.push('watch look');
      return workers.watchLook(fetched, settings, ask, nowMs);
    },
  });
  /** The real reader of the last big log fetched, for the test to draw the expected answer with. */
  let lastRead: (() => EventLog) | null = null;

  const countReads = (client: EventLogSource): EventLogSource => ({
    fetchEventLog: async (id, identity, signal) => {
      const log = await client.fetchEventLog(id, identity, signal);
      if (!log.raw) return log;
      const { read } = log.raw;
      lastRead = read;
      return {
        ...log,
        raw: {
          ...log.raw,
          read: () => {
            mainThreadReads++;
            return read();
          },
        },
      };
    },
  });

  /** The last fetched log as the main thread would read it (old generation: per-receiver results not asked). */
  const lastLog = (): FetchedLog => {
    if (!lastRead) throw new Error('no big log was fetched');
    return { log: lastRead(), deliveries: { kind: 'absent', absence: { kind: 'not_asked' } }, alert: { kind: 'absent', absence: { kind: 'not_asked' } } };
  };
  /**
   * Move the clock to the watch's next poll and hold it there until that poll has finished (the watch's next
   * poll time moved on, or the watch ended), so the poll draws at a known time. Resolves with that time.
   */
  const pollOnce = async (): Promise<number> => {
    const before = await h.running.watcher.existing(CHANNEL.id, ID);
    if (!before) throw new Error('no watch to poll');
    clock.advance(before.nextPollAtMs - clock.now());
    const polledAt = clock.now();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const now = await h.running.watcher.existing(CHANNEL.id, ID);
      if (now === null || now.nextPollAtMs !== before.nextPollAtMs) return polledAt;
      if (Date.now() > deadline) throw new Error('the watch was not polled');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const settings = (): AnswerSettings => ({ lang: h.config.lang, timezone: h.config.timezone, monitorUrl: h.config.monitorUrl });
  const watchText = (): WatchTextSettings => ({ lang: h.config.lang, timezone: h.config.timezone, maxHours: h.config.watch.maxHours });

  beforeAll(async () => {
    h = await startHarness(
      { USER_RATE_LIMIT_PER_MIN: '0', BK_MONITOR_URL: MONITOR, WATCH_INTERVAL_MS: String(WATCH_INTERVAL_MS) },
      { offload: true, now: clock.now, wrapSource: countReads, wrapRawLogs: countDrawJobs },
    );
    h.esb.setFallback({ status: 200, body: OPEN });
    // Every chat.postMessage gets a ts of its own, as in Slack.
    h.slack.reply('chat.postMessage', (args, i) => ({ body: { ok: true, channel: args.channel, ts: `1717400000.${String(i + 1).padStart(6, '0')}` } }));
  });
  afterAll(() => h.close());

  it('is big enough to be kept raw', () => {
    for (const body of [OPEN, GROWN, CLOSED]) expect(Buffer.byteLength(body)).toBeGreaterThan(OFFLOAD_MIN_BYTES * 4);
  });

  it('fills the Full log modal with the log drawn on a worker, as the main thread would draw it', async () => {
    await h.postCommand(`${ID} --all`, { trigger_id: '901.big.trigger' });
    const [update] = await h.slack.waitForCall('views.update', 1, 120_000);
    expect(logLines(h.logs, 'lookup')).toContainEqual(expect.objectContaining({ event_id: ID, outcome: 'ok', records: 3_000 }));
    const state = { id: ID, page: 0, filter: 'all' as const, channelId: CHANNEL.id };
    expect(update.view).toEqual(wire(renderFetchedLogModal(lastLog(), settings(), state, clock.now())));
    expect(mainThreadReads).toBe(0);
  }, 180_000);

  it('unfurls a pasted link with the log drawn on a worker, as the main thread would draw it', async () => {
    await h.postEvent(linkShared([LINK]));
    const [call] = await h.slack.waitForCall('chat.unfurl', 1, 120_000);
    expect((call.unfurls as Json)[LINK]).toEqual(wire(renderFetchedLogUnfurl(lastLog(), settings(), clock.now())));
    expect(mainThreadReads).toBe(0);
  }, 180_000);

  it('watches it: first message, quiet polls, a changed message and the final one all drawn on a worker', async () => {
    const startedAt = clock.now();
    const jobsBefore = drawJobs.length;
    await h.postCommand(`${ID} watch`);
    const [posted] = await h.slack.waitForCall('chat.postMessage', 1, 120_000);
    // The lookup that starts the watch draws nothing: the watching message is the one job that draws.
    expect(drawJobs.slice(jobsBefore)).toEqual(['watch look']);
    const live = (updatedAtMs: number): AnswerView => ({
      variant: 'full',
      page: 0,
      sharedBy: null,
      watch: liveWatchView({ key: watchKey(CHANNEL.id, ID), startedBy: ALICE.id, updatedAtMs }, watchText()),
    });
    const asSent = (call: Json | undefined): unknown => ({ text: call?.text, blocks: call?.blocks });
    expect(asSent(posted)).toEqual(wire(renderFetchedLog(lastLog(), settings(), live(startedAt), startedAt)));

    // Polls of the same log: looked at on a worker, nothing to update.
    await pollOnce();
    await pollOnce();
    expect(logLines(h.logs, 'watch.poll')).toHaveLength(2);
    expect(h.slack.calls('chat.update')).toEqual([]);

    // More records: the message is drawn again, on a worker.
    h.esb.setFallback({ status: 200, body: GROWN });
    const jobsBeforeChange = drawJobs.length;
    const changedAt = await pollOnce();
    const [changed] = await h.slack.waitForCall('chat.update', 1, 60_000);
    // One job both finds the change and draws it: the big body is read once per poll.
    expect(drawJobs.slice(jobsBeforeChange)).toEqual(['watch look']);
    expect(asSent(changed)).toEqual(wire(renderFetchedLog(lastLog(), settings(), live(changedAt), changedAt)));

    // Closed: the final message shows the closed log with the ended banner.
    h.esb.setFallback({ status: 200, body: CLOSED });
    const endedAt = await pollOnce();
    const updates = await h.slack.waitForCall('chat.update', 2, 60_000);
    const ended: AnswerView = { variant: 'full', page: 0, sharedBy: null, watch: endedWatchView({ startedBy: ALICE.id }, { reason: 'closed', by: null }, watchText()) };
    expect(asSent(updates[1])).toEqual(wire(renderFetchedLog(lastLog(), settings(), ended, endedAt)));
    await waitFor(() => h.logs.filter((l) => l.msg === 'watch.stop'), 1, 60_000);
    expect(mainThreadReads).toBe(0);
  }, 300_000);
});
