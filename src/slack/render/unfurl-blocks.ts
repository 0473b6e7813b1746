import type { types } from '@slack/bolt';
import type { FetchedLog } from '../../eventlog/fetch-with-deliveries';
import { summarize } from '../../eventlog/summarize';
import type { EventSummary } from '../../eventlog/summarize-types';
import { buildUnfurlActionsBlock } from './actions-block';
import type { AnswerSettings } from './event-log-message';
import { renderEmptyLog } from './event-log-message';
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
  return renderUnfurl(summarize(log, nowMs, deliveries, alert), { lang, timezone, monitorUrl, variant: 'compact', page: 0, sharedBy: null, withActions: true });
}

function actionsOf(id: string, opts: RenderOptions): types.ActionsBlock[] {
  const actions = buildUnfurlActionsBlock(id, opts);
  return actions ? [actions] : [];
}
