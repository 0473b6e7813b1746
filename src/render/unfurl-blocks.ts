import type { types } from '@slack/bolt';
import type { FetchedLog } from '../eventlog/answers/answer';
import { summarize } from '../eventlog/summary/summarize';
import type { EventSummary } from '../eventlog/summary/summarize-types';
import { buildUnfurlActionsBlock } from './actions-block';
import { renderEmptyLog, triageOption, type AnswerSettings } from './event-log-message';
import { triageBlocks } from './triage-block';
import { summaryHeadBlocks } from './summary-head';
import type { RenderOptions } from './types';

/** An unfurl as chat.unfurl takes it. */
export type UnfurlView = { blocks: types.KnownBlock[] };

/**
 * A pasted BlueKing link, unfurled: the compact answer's head (header, verdict,
 * failed-notices callout; no timeline) and a Full log button. Everyone in the
 * channel sees it, so it stays short.
 */
export function renderUnfurl(summary: EventSummary, opts: RenderOptions): UnfurlView {
  if (summary.recordCount === 0) return { blocks: renderEmptyLog(summary, { ...opts, withActions: false }).blocks.concat(actionsOf(summary.id, opts)) };
  return { blocks: [...summaryHeadBlocks(summary, opts, { convergence: false }), ...actionsOf(summary.id, opts)] };
}

/** A fetched log as an unfurl, with the bot's settings. */
export function renderFetchedLogUnfurl({ log, deliveries, alert }: FetchedLog, settings: AnswerSettings, nowMs: number): UnfurlView {
  const { lang, timezone, monitorUrl } = settings;
  const summary = summarize(log, nowMs, deliveries, alert);
  const unfurl = renderUnfurl(summary, { lang, timezone, monitorUrl, variant: 'compact', page: 0, sharedBy: null, withActions: true });
  const { triage } = triageOption(settings, alert);
  if (!triage || summary.recordCount === 0) return unfurl;
  return { blocks: [...unfurl.blocks, ...triageBlocks(triage, { id: summary.id, page: 0, variant: 'compact' }, summary.lifecycle.ack, settings, summary.nowMs)] };
}

function actionsOf(id: string, opts: RenderOptions): types.ActionsBlock[] {
  const actions = buildUnfurlActionsBlock(id, opts);
  return actions ? [actions] : [];
}
