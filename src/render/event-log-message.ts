import type { types } from '@slack/bolt';
import type { FetchedLog } from '../eventlog/answers/answer';
import { summarize } from '../eventlog/summary/summarize';
import type { EventSummary } from '../eventlog/summary/summarize-types';
import { messagesFor } from '../i18n/catalog';
import { buildActionsBlock } from './actions-block';
import { contextBlock, dividerBlock, headerBlock, packLines, sectionBlock } from './blocks';
import { footerBlock, requestIdText, sharedByBlock, WATCH_BLOCK_ID } from './footer';
import { RENDER_BUDGET } from './limits';
import { clipInline } from './mrkdwn';
import { pageSizeFor, timelinePage, type TimelinePage } from './paging';
import { noticeResults, timelineLines } from './timeline';
import { compressTimeline, type CompressedTimeline } from './timeline-runs';
import type { RenderOptions, SlackMessage } from './types';
import { summaryHeadBlocks } from './summary-head';
import { pushText } from './verdict';
import { triageBlocks } from './triage-block';
import type { AlertLookup } from '../eventlog/model/alert-context';

/**
 * The event log as Block Kit, verdict first:
 *   header · verdict · failed-notices callout · convergence · divider ·
 *   one page of the timeline · footer · shared-by · buttons.
 * A long log keeps the top part whole and shows one page of the timeline;
 * `opts.page` picks it (see paging.ts). Pure, and within every Slack limit
 * for any input (test/render checks this with hostile logs).
 */
export function renderEventLog(summary: EventSummary, opts: RenderOptions): SlackMessage {
  if (summary.recordCount === 0) return renderEmptyLog(summary, opts);
  const page = timelinePage(summary.timeline.length, pageSizeFor(opts.variant), opts.page);
  const blocks = summaryHeadBlocks(summary, opts, { convergence: true });
  // The first page folds storms (computed once: the footer's paging depends on it too).
  const folded = page.index === 0 ? foldedOf(summary, opts) : null;
  blocks.push(dividerBlock(), ...packLines(firstOrOlderPage(summary, page, opts, folded)));
  if (opts.variant === 'full') blocks.push(footerBlock(summary, folded !== null && folded.runs.size > 0 ? { ...page, pageCount: 1 } : page, opts));
  pushTail(blocks, summary, opts, { page: page.index, pageCount: page.pageCount, closed: summary.lifecycle.state === 'closed' });
  if (opts.triage && opts.withActions) blocks.push(...triageBlocks(opts.triage, { id: summary.id, page: page.index, variant: opts.variant }, summary.lifecycle.ack, opts, summary.nowMs));
  return { text: pushText(summary, opts.lang), blocks };
}

/**
 * The first page folds a storm into one row with its count and span (like notices, convergence
 * rounds), keeping the key moments as rows of their own; Older and Newer then walk every record
 * as it came, as does the Full log.
 */
function firstOrOlderPage(summary: EventSummary, page: TimelinePage, opts: RenderOptions, folded: CompressedTimeline | null): string[] {
  if (folded === null || folded.runs.size === 0) return timelineLines(summary, page, opts);
  const { timeline, runs } = folded;
  const rows: EventSummary = { ...summary, timeline };
  const lines = timelineLines(rows, timelinePage(timeline.length, pageSizeFor(opts.variant), 0), opts, runs);
  // Older is there for the records as they came; "N earlier records hidden" would count rows, not records.
  return lines.filter((line) => !line.startsWith('_'));
}

function foldedOf(summary: EventSummary, opts: RenderOptions): CompressedTimeline {
  const results = noticeResults(summary, opts.lang);
  return compressTimeline(summary.timeline, (a, b) => results(a)?.text === results(b)?.text);
}

/** Where an answer is read (the bot's settings) and which view of it (from the entry point or a button). */
export type AnswerSettings = Pick<RenderOptions, 'lang' | 'timezone' | 'monitorUrl'> & {
  /** Acting on alerts from Slack is on (a per-user identity): open alerts get Acknowledge / Shield. */
  actions?: boolean;
};
export type AnswerView = Pick<RenderOptions, 'variant' | 'page' | 'sharedBy' | 'watch'>;

/**
 * A fetched log (with its per-receiver results, or why there are none) as the
 * answer every entry point sends (Slack and the console alike): summarized, then rendered with buttons.
 */
export function renderFetchedLog({ log, deliveries, alert }: FetchedLog, settings: AnswerSettings, view: AnswerView, nowMs: number): SlackMessage {
  return renderAnswer(summarize(log, nowMs, deliveries, alert), settings, view);
}

/** A summarized log as that answer (for a caller that needs the summary too: a watch's poll). */
export function renderAnswer(summary: EventSummary, settings: AnswerSettings, view: AnswerView): SlackMessage {
  // Picked field by field: callers pass their whole config, which must not ride along into rendering.
  const { lang, timezone, monitorUrl } = settings;
  const { variant, page, sharedBy, watch } = view;
  const options: RenderOptions = { lang, timezone, monitorUrl, variant, page, sharedBy, withActions: true, ...triageOption(settings, summary.alert) };
  return renderEventLog(summary, watch === undefined ? options : { ...options, watch });
}

/** The alert to offer acting on, when acting is on and BlueKing said what the alert is. */
export function triageOption(settings: AnswerSettings, alert: AlertLookup | undefined): Pick<RenderOptions, 'triage'> {
  return settings.actions === true && alert?.kind === 'present' ? { triage: alert.alert } : {};
}

/** The answer for an event whose log has no records: a clear sentence, not an empty list. */
export function renderEmptyLog(summary: Pick<EventSummary, 'id' | 'requestId'>, opts: RenderOptions): SlackMessage {
  const words = messagesFor(opts.lang).render;
  const sentence = words.emptyLog(clipInline(summary.id, RENDER_BUDGET.name));
  const blocks: types.KnownBlock[] = [headerBlock(`⚪ ${words.event(summary.id)} · ${words.noRecordsState}`), sectionBlock(sentence)];
  if (summary.requestId) blocks.push(contextBlock([requestIdText(summary.requestId, opts.lang)]));
  pushTail(blocks, summary, opts, { page: 0, pageCount: 1, closed: false });
  return { text: sentence, blocks };
}

/** Shared-by line, watch banner and buttons, common to both answers. */
function pushTail(
  blocks: types.KnownBlock[],
  summary: Pick<EventSummary, 'id'>,
  opts: RenderOptions,
  paging: { page: number; pageCount: number; closed: boolean },
): void {
  const sharedBy = sharedByBlock(opts);
  if (sharedBy) blocks.push(sharedBy);
  const watch = opts.watch;
  if (watch !== undefined && watch.kind !== 'offer') blocks.push(contextBlock([watch.banner], WATCH_BLOCK_ID));
  const actions = opts.withActions ? buildActionsBlock({ id: summary.id, ...paging }, opts) : null;
  if (actions) blocks.push(actions);
}
