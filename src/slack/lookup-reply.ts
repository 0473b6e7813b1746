import { summarize } from '../eventlog/summarize';
import type { LookupOutcome, LookupRequest } from '../eventlog/service';
import type { LogFields } from '../log';
import type { SlackContext } from './context';
import { renderLookupError } from './render/error-message';
import { renderEventLog } from './render/event-log-message';
import { renderRefusal } from './render/status-message';
import type { RenderOptions, SlackMessage } from './render/types';

/** How the answer should look: which variant and page, and who shared it. */
export interface ReplyView {
  variant: RenderOptions['variant'];
  page: number;
  sharedBy: string | null;
}

export interface LookupReply {
  message: SlackMessage;
  ok: boolean;
}

/**
 * The one path every entry point takes: look the event up, render whatever
 * came back (log, upstream error, refusal), and write one structured log line.
 */
export async function buildLookupReply(ctx: SlackContext, request: LookupRequest, view: ReplyView): Promise<LookupReply> {
  const started = ctx.now();
  const outcome = await ctx.service.lookup(request);
  const message = renderOutcome(ctx, request.id, outcome, view);
  const fields: LogFields = {
    event_id: request.id,
    user: request.userId,
    channel: request.channelId,
    team: request.teamId,
    outcome: outcomeLabel(outcome),
    latency_ms: ctx.now() - started,
  };
  if (outcome.kind === 'ok') {
    ctx.log.info('lookup', { ...fields, records: outcome.log.entries.length, from_cache: outcome.fromCache, request_id: outcome.log.requestId });
  } else if (outcome.kind === 'failed') {
    const e = outcome.error;
    ctx.log.warn('lookup', { ...fields, code: e.code, request_id: e.requestId, http_status: e.httpStatus });
  } else {
    ctx.log.warn('lookup', fields);
  }
  ctx.metrics.lookup(outcomeLabel(outcome));
  return { message, ok: outcome.kind === 'ok' };
}

function renderOutcome(ctx: SlackContext, id: string, outcome: LookupOutcome, view: ReplyView): SlackMessage {
  const { config } = ctx;
  if (outcome.kind === 'failed') return renderLookupError(id, outcome.error, { lang: config.lang });
  if (outcome.kind === 'refused') return renderRefusal(outcome.refusal, config.lang);
  const nowMs = ctx.now();
  return renderEventLog(summarize(outcome.log, nowMs), {
    lang: config.lang,
    timezone: config.timezone,
    monitorUrl: config.monitorUrl,
    variant: view.variant,
    page: view.page,
    withActions: true,
    sharedBy: view.sharedBy,
    nowMs,
  });
}

/** A short label per outcome, for the log line and the lookups metric. */
export function outcomeLabel(outcome: LookupOutcome): string {
  if (outcome.kind === 'ok') return 'ok';
  if (outcome.kind === 'failed') return outcome.error.kind;
  return outcome.refusal.kind === 'access' ? `refused_${outcome.refusal.denied}` : `refused_${outcome.refusal.kind}`;
}
