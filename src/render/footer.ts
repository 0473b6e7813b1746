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
/** An old-generation event_id is cut in the middle to this, so the footer stays a short line. */
const FOOTER_ID = 24;

/**
 * One short line: "event `8c1f0e5a…1574439660.12.7.1` · request `4b1e2a90…` · records 1, 489–512 of 512",
 * and "Open in BlueKing" as a link when BK_MONITOR_URL is set and no button below offers it.
 */
export function footerBlock(summary: EventSummary, page: TimelinePage, opts: RenderOptions): types.ContextBlock {
  const words = messagesFor(opts.lang).render;
  const parts: string[] = [];
  // The alert's own ID is in the header's link and buttons; an old-generation event_id is worth its short form.
  if (summary.eventId && summary.eventId !== summary.id) parts.push(words.footerEvent(`\`${clipMiddle(summary.eventId, FOOTER_ID)}\``));
  // The request ID whole: it is what BlueKing's support looks an answer up by.
  if (summary.requestId) parts.push(requestIdText(summary.requestId, opts.lang));
  parts.push(
    page.pageCount === 1
      ? words.records(summary.recordCount)
      : words.footerRange(rangesText(page, words.listSeparator), summary.recordCount),
  );
  const link = opts.monitorUrl && !opts.withActions ? mrkdwnLink(monitorEventUrl(opts.monitorUrl, summary.id), words.buttons.open) : null;
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
