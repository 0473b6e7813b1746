import { benchEsbBody, BENCH_ZONE } from '../../bench/bench-log';
import { parseEventLogResponse } from '../../src/bk/envelope';
import type { DeliveryLookup } from '../../src/eventlog/deliveries/deliveries';
import type { FetchedLog } from '../../src/eventlog/answers/answer';
import { LookupError } from '../../src/eventlog/model/lookup-error';
import { summarize } from '../../src/eventlog/summary/summarize';
import { runLogJob, runRenderJob, runWatchJob, type RawLogJob } from '../../src/offload/log-jobs';
import { plainAlert, plainDeliveries } from '../../src/eventlog/deliveries/plain-deliveries';
import type { AlertContext, AlertLookup } from '../../src/eventlog/model/alert-context';
import { parseSearchAlertResponse } from '../../src/bk/search-alert';
import { alertDocument, searchAlertAnswer } from '../fixtures/bk/search-alert';
import { renderFetchedLog } from '../../src/render/event-log-message';
import { renderFetchedLogModal } from '../../src/render/modal-view';
import { renderFetchedLogUnfurl } from '../../src/render/unfurl-blocks';
import { snapshotOf } from '../../src/watch/snapshot';

/**
 * The render and watch jobs as plain functions (no worker): from the raw body
 * they give exactly what the main thread gives from the parsed log, on every
 * surface, and the job survives the trip to a thread (structuredClone).
 */

const BODY = benchEsbBody(400);
const NOW_MS = Date.UTC(2024, 4, 7);
const SETTINGS = { lang: 'en' as const, timezone: BENCH_ZONE, monitorUrl: 'https://bkmonitor.example.com' };
const REQUEST_ID = 'req-from-a-header-0042';
const NOT_ASKED = { kind: 'absent', absence: { kind: 'not_asked' } } as const;
const SEARCH_FAILED: DeliveryLookup = { kind: 'absent', absence: { kind: 'failed', error: new LookupError({ kind: 'timeout', requestId: 'r-sa-1' }) } };

/** The log as the main thread reads it, with the request ID the client took from a header. */
function mainThreadLog(deliveries: DeliveryLookup): FetchedLog {
  const log = parseEventLogResponse({ id: '1001', httpStatus: 200, headers: { get: () => null }, body: BODY, zone: BENCH_ZONE });
  return { log: { ...log, requestId: REQUEST_ID }, deliveries, alert: NOT_ASKED };
}

/** A job's raw-log part, carried across as a worker would receive it. */
function rawJob(deliveries: DeliveryLookup): RawLogJob {
  return structuredClone({
    body: new Uint8Array(Buffer.from(BODY)),
    id: '1001',
    zone: BENCH_ZONE,
    requestId: REQUEST_ID,
    deliveries: plainDeliveries(deliveries),
    alert: NOT_ASKED,
    settings: SETTINGS,
    nowMs: NOW_MS,
  });
}

describe.each([
  ['no per-receiver results asked', NOT_ASKED],
  ['search_action failed', SEARCH_FAILED],
])('render and watch jobs (%s)', (_, deliveries) => {
  const expected = mainThreadLog(deliveries);

  it('draws a message page as the main thread does', () => {
    for (const page of [0, 2]) {
      const view = { variant: 'full' as const, page, sharedBy: null };
      expect(runRenderJob({ kind: 'render', ...rawJob(deliveries), surface: { kind: 'message', view } })).toEqual(renderFetchedLog(expected, SETTINGS, view, NOW_MS));
    }
  });

  it('draws the Full log modal on its page and filter as the main thread does', () => {
    const state = { id: '1001', page: 1, filter: 'failures' as const, channelId: 'C0CHANNEL' };
    const drawn = runRenderJob({ kind: 'render', ...rawJob(deliveries), surface: { kind: 'modal', state } });
    expect(drawn).toEqual(renderFetchedLogModal(expected, SETTINGS, state, NOW_MS));
    expect(drawn.type).toBe('modal');
  });

  it('draws an unfurl as the main thread does', () => {
    expect(runRenderJob({ kind: 'render', ...rawJob(deliveries), surface: { kind: 'unfurl' } })).toEqual(renderFetchedLogUnfurl(expected, SETTINGS, NOW_MS));
  });

  it('gives a watch its snapshot alone when no view is asked for', () => {
    const look = runWatchJob({ kind: 'watch', ...rawJob(deliveries), ask: { view: null, since: null } });
    expect(look).toEqual({ snapshot: snapshotOf(summarize(expected.log, NOW_MS, deliveries)), message: null });
    expect(look.snapshot).toMatchObject({ records: 400, acked: true, closed: true });
  });

  it('gives a watch its snapshot and the watching message from one reading', () => {
    const view = { variant: 'compact' as const, page: 0, sharedBy: null, watch: { kind: 'live' as const, banner: '👁 Watching · started by <@U0ALICE>', key: 'C0CHANNEL:1001' } };
    expect(runWatchJob({ kind: 'watch', ...rawJob(deliveries), ask: { view, since: null } })).toEqual({
      snapshot: snapshotOf(summarize(expected.log, NOW_MS, deliveries)),
      message: renderFetchedLog(expected, SETTINGS, view, NOW_MS),
    });
  });
});

describe('runLogJob', () => {
  it('runs each kind of job it is sent', () => {
    const job = rawJob(NOT_ASKED);
    expect(runLogJob({ kind: 'render', ...job, surface: { kind: 'unfurl' } })).toHaveProperty('blocks');
    expect(runLogJob({ kind: 'watch', ...job, ask: { view: null, since: null } })).toHaveProperty('snapshot.records', 400);
    const check = { kind: 'check' as const, chunks: [job.body], id: '1001', zone: BENCH_ZONE, httpStatus: 200, headers: {}, secrets: [] };
    expect(runLogJob(check)).toMatchObject({ ok: true, records: 400 });
  });
});

describe('a render job with the alert itself (search_alert)', () => {
  const ALERT: AlertLookup = {
    kind: 'present',
    alert: parseSearchAlertResponse({ httpStatus: 200, headers: { get: () => null }, body: searchAlertAnswer([alertDocument({ id: '1001', is_ack: true, ack_operator: 'zhangsan' })]) }, '1001') as AlertContext,
  };
  const FAILED: AlertLookup = { kind: 'absent', absence: { kind: 'failed', error: new LookupError({ kind: 'app_permission', code: '1306403' }) } };

  it.each([
    ['present', ALERT],
    ['failed', FAILED],
  ])('draws the header and verdict from it (%s) as the main thread does', (_name, alert) => {
    const job: RawLogJob = structuredClone({ ...rawJob(NOT_ASKED), alert: plainAlert(alert) });
    const view = { variant: 'full' as const, page: 0, sharedBy: null };
    const expected: FetchedLog = { ...mainThreadLog(NOT_ASKED), alert };
    const drawn = runRenderJob({ kind: 'render', ...job, surface: { kind: 'message', view } });
    expect(drawn).toEqual(renderFetchedLog(expected, SETTINGS, view, NOW_MS));
    expect(JSON.stringify(drawn.blocks[0])).toContain(alert.kind === 'present' ? 'Fatal · CPU使用率告警 · 10.0.3.8' : 'Event 1001');
  });
});
