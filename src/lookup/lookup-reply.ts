import type { AlertLookup } from '../eventlog/model/alert-context';
import type { DeliveryLookup } from '../eventlog/deliveries/deliveries';
import { recordCountOf, withEntries } from '../eventlog/model/record';
import type { RawFetchedLog } from '../render/raw-log-renderer';
import type { LookupErrorKind } from '../eventlog/model/lookup-error';
import type { FetchedLog } from '../eventlog/answers/answer';
import { outcomeLabel, type LookupOutcome, type LookupRequest } from '../eventlog/service/service';
import { messagesFor } from '../i18n/catalog';
import type { Logger, LogFields } from '../log';
import { yieldToEventLoop } from '../yield-to-event-loop';
import { renderLookupError } from '../render/error-message';
import type { AnswerView } from '../render/event-log-message';
import { renderLogOn, type LogSurface, type SurfaceOutput } from '../render/log-surface';
import { renderPlainMessage } from '../render/plain-message';
import { renderRefusal, renderRestarting } from '../render/status-message';
import type { SlackMessage } from '../render/types';
import type { LookupContext } from './lookup-context';

export interface LookupReply<T = SlackMessage> {
  message: T;
  ok: boolean;
  /** The fetched log (with its per-receiver results) when the lookup succeeded (a watch starts from it). */
  fetched: FetchedLog | null;
}

/**
 * Where an answer is shown (a message, the Full log modal, an unfurl): how a
 * fetched log is drawn there, and how any other answer (BlueKing's error, a
 * refusal, a render failure, already worded as a message) is shown there.
 */
export interface Surface<T> {
  log(fetched: FetchedLog, nowMs: number): T;
  other(message: SlackMessage): T;
  /** A big log kept raw, drawn off the main thread; without it a raw log is read here and drawn by `log`. */
  rawLog?(fetched: RawFetchedLog, nowMs: number): Promise<T>;
}

/**
 * How a log is drawn on `surface`: here for an ordinary log, and, when the
 * app has a RawLogRenderer, on a worker thread for a big log kept raw.
 */
export function logDrawing<S extends LogSurface>(ctx: LookupContext, surface: S): Pick<Surface<SurfaceOutput<S>>, 'log' | 'rawLog'> {
  const { logWorkers } = ctx;
  const { lang, timezone, monitorUrl } = ctx.config;
  const settings = { lang, timezone, monitorUrl, actions: ctx.actions ?? false };
  return {
    log: (fetched, nowMs) => renderLogOn(fetched, settings, surface, nowMs),
    ...(logWorkers ? { rawLog: (fetched: RawFetchedLog, nowMs: number) => logWorkers.render(fetched, settings, surface, nowMs) } : {}),
  };
}

/** A message surface: the log as the answer every entry point sends. */
export function messageSurface(ctx: LookupContext, view: AnswerView): Surface<SlackMessage> {
  return { ...logDrawing(ctx, { kind: 'message', view }), other: (message) => message };
}

/** The one path every message entry point takes (see lookUpAndRender). */
export function buildLookupReply(ctx: LookupContext, request: LookupRequest, view: AnswerView): Promise<LookupReply> {
  return lookUpAndRender(ctx, request, messageSurface(ctx, view));
}

/**
 * The one path every entry point takes: look the event up, render whatever
 * came back (log, upstream error, refusal) for its surface, and write one structured log line.
 */
export async function lookUpAndRender<T>(ctx: LookupContext, request: LookupRequest, surface: Surface<T>): Promise<LookupReply<T>> {
  const started = ctx.now();
  const outcome = await ctx.service.lookup(request);
  await yieldToEventLoop(); // parsing was one turn; rendering is the next
  // Cut by our own shutdown (the user was told the bot is restarting): that answer stands; BlueKing is not blamed for our close.
  const reply =
    ctx.cutByShutdown?.() && outcome.kind !== 'ok'
      ? { message: surface.other(renderRestarting(ctx.config.lang)), ok: false }
      : await renderOrExplain(ctx, request, outcome, surface);
  logLookup(ctx.log, request, outcome, ctx.now() - started);
  ctx.metrics.lookup(outcomeLabel(outcome));
  return { ...reply, fetched: reply.ok && outcome.kind === 'ok' ? { log: outcome.log, deliveries: outcome.deliveries, alert: outcome.alert } : null };
}

/**
 * Render the outcome. Should the renderer ever throw on some record it did
 * not foresee, the user still gets an answer instead of a "Looking up…"
 * placeholder that never changes, and the failure is logged for a fix.
 */
async function renderOrExplain<T>(ctx: LookupContext, request: LookupRequest, outcome: LookupOutcome, surface: Surface<T>): Promise<Omit<LookupReply<T>, 'fetched'>> {
  try {
    return { message: await renderOutcome(ctx, request.id, outcome, surface), ok: outcome.kind === 'ok' };
  } catch (err) {
    ctx.log.error('render.failed', {
      event_id: request.id,
      user: request.userId,
      channel: request.channelId,
      error: err instanceof Error ? err.message : String(err),
    });
    const words = messagesFor(ctx.config.lang).replies.renderFailed;
    return { message: surface.other(renderPlainMessage({ emoji: '⚠️', title: words.title(request.id), lines: [words.line] })), ok: false };
  }
}

/** The one structured line per lookup: who asked where, for what, how it ended, and upstream's code and request ID. */
function logLookup(log: Logger, request: LookupRequest, outcome: LookupOutcome, latencyMs: number): void {
  const fields: LogFields = {
    event_id: request.id,
    user: request.userId,
    channel: request.channelId,
    team: request.teamId,
    outcome: outcomeLabel(outcome),
    latency_ms: latencyMs,
  };
  if (outcome.kind === 'ok') {
    Object.assign(fields, {
      records: recordCountOf(outcome.log),
      from_cache: outcome.fromCache,
      request_id: outcome.log.requestId,
      ...deliveryLogFields(outcome.deliveries),
      ...alertLogFields(outcome.alert),
    });
  } else if (outcome.kind === 'failed') {
    const e = outcome.error;
    Object.assign(fields, { code: e.code, request_id: e.requestId, http_status: e.httpStatus, retry_after_s: e.retryAfterSec });
  }
  log[lookupLogLevel(outcome)]('lookup', fields);
}

/**
 * How loud a lookup's log line is: faults only an operator can fix (credentials,
 * configuration, a broken upstream contract) are errors; passing trouble and
 * refusals are warnings; answers, and IDs that do not exist, are info.
 */
function lookupLogLevel(outcome: LookupOutcome): 'info' | 'warn' | 'error' {
  if (outcome.kind === 'ok') return 'info';
  if (outcome.kind === 'refused') return 'warn';
  return FAILURE_LEVEL[outcome.error.kind];
}

const FAILURE_LEVEL: Readonly<Record<LookupErrorKind, 'info' | 'warn' | 'error'>> = {
  app_credentials: 'error',
  user_identity: 'error',
  user_permission: 'warn',
  app_permission: 'error',
  component_not_found: 'error',
  not_found: 'info',
  bad_parameter: 'info',
  rate_limited: 'warn',
  upstream_failure: 'warn',
  gateway: 'error',
  api_error: 'warn',
  http_error: 'warn',
  html_page: 'error',
  not_json: 'error',
  bad_shape: 'error',
  body_too_large: 'warn',
  timeout: 'warn',
  connection_refused: 'error',
  unknown_host: 'error',
  connection_reset: 'warn',
  network: 'error',
  cancelled: 'info',
  internal: 'error',
};

/** What the log line says about the alert itself: its state, or why it is missing (with search_alert's code and request ID). */
function alertLogFields(alert: AlertLookup): LogFields {
  if (alert.kind === 'present') return { alert: alert.alert.status || 'present' };
  const { absence } = alert;
  if (absence.kind !== 'failed') return { alert: absence.kind };
  const e = absence.error;
  return { alert: `failed_${e.kind}`, alert_code: e.code, alert_request_id: e.requestId };
}

/** What the log line says about per-receiver results: how many failed, or why there are none (with search_action's code and request ID). */
function deliveryLogFields(deliveries: DeliveryLookup): LogFields {
  if (deliveries.kind === 'present') {
    const { counts } = deliveries.report;
    return { deliveries: counts.attempted, deliveries_failed: counts.failed, actions_failed: deliveries.report.failedActions.length };
  }
  const { absence } = deliveries;
  if (absence.kind !== 'failed') return { deliveries: absence.kind };
  const e = absence.error;
  return { deliveries: `failed_${e.kind}`, deliveries_code: e.code, deliveries_request_id: e.requestId };
}

function renderOutcome<T>(ctx: LookupContext, id: string, outcome: LookupOutcome, surface: Surface<T>): T | Promise<T> {
  const { config } = ctx;
  if (outcome.kind === 'failed') return surface.other(renderLookupError(id, outcome.error, { lang: config.lang }));
  if (outcome.kind === 'refused') return surface.other(renderRefusal(outcome.refusal, config.lang));
  const { log, deliveries, alert } = outcome;
  if (!log.raw) return surface.log({ log, deliveries, alert }, ctx.now());
  return surface.rawLog ? surface.rawLog({ log: { ...log, raw: log.raw }, deliveries, alert }, ctx.now()) : surface.log({ log: withEntries(log), deliveries, alert }, ctx.now());
}
