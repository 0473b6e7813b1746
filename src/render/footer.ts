import type { types } from '@slack/bolt';
import type { Lang } from '../config';
import type { EventSummary } from '../eventlog/summary/summarize-types';
import { messagesFor } from '../i18n/catalog';
import { monitorEventUrl } from './actions';
import { contextBlock } from './blocks';
import { RENDER_BUDGET } from './limits';
import { clipInline, clipMiddle } from './mrkdwn';
import type { TimelinePage } from './paging';
import type { RenderOptions } from './types';

/** block_id of the "Shared by <@U…>" context: the one place our messages mention a user (checkMessageLimits knows it). */
export const SHARED_BY_BLOCK_ID = 'eventlog_shared_by';

/** block_id of a watch's banner ("👁 Watching · … · started by <@U…>") and thread lines, which name users too. */
export const WATCH_BLOCK_ID = 'eventlog_watch';

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,30}$/;

/**
 * "event `8c1f0e5a77b2…1574439660.12.7.1` · request `4b1e…` · records 1, 489–512 of 512 · Open in BlueKing",
 * the last a link when BK_MONITOR_URL is set (also in messages without buttons, e.g. compact thread replies).
 */
export function footerBlock(summary: EventSummary, page: TimelinePage, opts: RenderOptions): types.ContextBlock {
  const words = messagesFor(opts.lang).render;
  const parts: string[] = [];
  if (summary.eventId) parts.push(words.footerEvent(`\`${clipMiddle(summary.eventId, RENDER_BUDGET.eventId)}\``));
  if (summary.requestId) parts.push(requestIdText(summary.requestId, opts.lang));
  parts.push(
    page.pageCount === 1
      ? words.records(summary.recordCount)
      : words.footerRange(rangesText(page, words.listSeparator), summary.recordCount),
  );
  const link = opts.monitorUrl ? mrkdwnLink(monitorEventUrl(opts.monitorUrl, summary.id), words.buttons.open) : null;
  if (link) parts.push(link);
  return contextBlock([parts.join(' · ')]);
}

/** "request `4b1e…`": the ESB's request_id, escaped and cut, for whoever digs further. */
export function requestIdText(requestId: string, lang: Lang): string {
  return messagesFor(lang).render.footerRequest(`\`${clipInline(requestId, RENDER_BUDGET.requestId)}\``);
}

/** "Shared by <@U123>", or null when there is no well-formed Slack user ID to show. */
export function sharedByBlock(opts: RenderOptions): types.ContextBlock | null {
  if (opts.sharedBy === null || !SLACK_USER_ID.test(opts.sharedBy)) return null;
  return contextBlock([messagesFor(opts.lang).render.sharedBy(`<@${opts.sharedBy}>`)], SHARED_BY_BLOCK_ID);
}

/** `<url|label>`; the URL comes from our own settings, but one that could break out of the link is left out. */
function mrkdwnLink(url: string, label: string): string | null {
  if (/[<>|\s]/.test(url)) return null;
  return `<${url.replace(/&/g, '&amp;')}|${label}>`;
}

/** 1-based record ranges of a page: "1, 489–512". */
function rangesText(page: TimelinePage, separator: string): string {
  return page.segments
    .map(({ start, end }) => (end - start === 1 ? `${start + 1}` : `${start + 1}–${end}`))
    .join(separator);
}
