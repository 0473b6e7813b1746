import type { types } from '@slack/bolt';
import type { Lang } from '../config';
import type { FetchedLog } from '../eventlog/answers/answer';
import { summarize } from '../eventlog/summary/summarize';
import type { EventSummary } from '../eventlog/summary/summarize-types';
import { filterTimeline, TIMELINE_FILTERS, type TimelineFilter } from '../eventlog/summary/timeline-filter';
import { FULL_LOG_CALLBACK_ID, MODAL_ACTION_IDS } from './actions';
import { contextBlock, dividerBlock, packLines } from './blocks';
import type { AnswerSettings } from './event-log-message';
import { fullReasonTexts } from './deliveries';
import { footerBlock } from './footer';
import { MODAL_LIMITS } from './limits';
import { clipPlain } from './mrkdwn';
import { pageSizeFor, timelinePage } from './paging';
import { encodeModalState, type ModalState } from './modal-state';
import { renderLookingUp, renderStaleButton } from './status-message';
import { messagesFor } from '../i18n/catalog';
import { summaryHeadBlocks } from './summary-head';
import { timelineLines } from './timeline';
import type { RenderOptions, SlackMessage } from './types';

/** A modal view whose blocks are the known kinds (so the console can draw them too). */
export type FullLogView = types.ModalView & { blocks: types.KnownBlock[] };

/**
 * The Full log modal: the same head as the message (header, verdict, callout,
 * convergence), then a filter, one page of the filtered timeline, its footer,
 * and Older / Newer / Refresh. Pages hold as many records as a full message's,
 * so every page is within Slack's limits by the same budget (test/render checks it).
 */
export function renderFullLogModal(summary: EventSummary, opts: RenderOptions, state: ModalState): FullLogView {
  const words = messagesFor(opts.lang).render.fullLog;
  const filtered = filterTimeline(summary.timeline, state.filter);
  const shown: EventSummary = { ...summary, timeline: [...filtered], recordCount: filtered.length };
  const page = timelinePage(filtered.length, pageSizeFor('full'), state.page);
  const at: ModalState = { ...state, page: page.index };

  const blocks: types.KnownBlock[] = summaryHeadBlocks(summary, opts, { convergence: true });
  // The callout shortened BlueKing's failure texts for a phone; the full log quotes them whole.
  const fullTexts = fullReasonTexts(summary, opts.lang);
  if (fullTexts !== null) blocks.push(contextBlock(fullTexts));
  blocks.push(filterBlock(state.filter, opts.lang));
  if (state.filter !== 'all') blocks.push(contextBlock([words.filterCount(words.filters[state.filter], filtered.length, summary.recordCount)]));
  blocks.push(dividerBlock());
  if (filtered.length === 0) {
    blocks.push(...packLines([words.noneMatch(words.filters[state.filter])]));
  } else {
    blocks.push(...packLines(timelineLines(shown, page, opts)), footerBlock(shown, page, opts));
  }
  blocks.push(pagingBlock({ older: page.index + 1 < page.pageCount, newer: page.index > 0 }, opts.lang));
  return modalView(at, opts.lang, blocks);
}

/** A fetched log as the Full log modal, with the bot's settings (the console and the Slack path share it). */
export function renderFetchedLogModal({ log, deliveries, alert }: FetchedLog, settings: AnswerSettings, state: ModalState, nowMs: number): FullLogView {
  const { lang, timezone, monitorUrl } = settings;
  const opts: RenderOptions = { lang, timezone, monitorUrl, variant: 'full', page: state.page, sharedBy: null, withActions: true };
  return renderFullLogModal(summarize(log, nowMs, deliveries, alert), opts, state);
}

/** What views.open shows at once, while BlueKing is asked (the click's trigger_id expires in 3 s). */
export function renderLoadingModal(state: ModalState, lang: Lang): FullLogView {
  return modalView(state, lang, renderLookingUp(state.id, lang).blocks);
}

/**
 * Any other answer (BlueKing's error, a refusal) inside the modal, in the same
 * words as everywhere else, with Refresh to try again.
 */
export function messageAsModal(message: SlackMessage, state: ModalState, lang: Lang): FullLogView {
  return modalView(state, lang, [...message.blocks, pagingBlock({ older: false, newer: false }, lang)]);
}

/** A modal whose private_metadata we did not write (an older bot, a forged click): say so, and offer nothing to click. */
export function renderStaleModal(lang: Lang): FullLogView {
  return modalView(null, lang, renderStaleButton(lang).blocks);
}

function modalView(state: ModalState | null, lang: Lang, blocks: types.KnownBlock[]): FullLogView {
  const words = messagesFor(lang).render.fullLog;
  return {
    type: 'modal',
    callback_id: FULL_LOG_CALLBACK_ID,
    title: { type: 'plain_text', text: clipPlain(words.title, MODAL_LIMITS.title), emoji: true },
    close: { type: 'plain_text', text: clipPlain(words.close, MODAL_LIMITS.title), emoji: true },
    ...(state ? { private_metadata: encodeModalState(state) } : {}),
    blocks,
  };
}

/** The filter as a static select; the choice comes back as a block_actions click inside the view. */
function filterBlock(current: TimelineFilter, lang: Lang): types.ActionsBlock {
  const labels = messagesFor(lang).render.fullLog.filters;
  const option = (filter: TimelineFilter): types.PlainTextOption => ({ text: { type: 'plain_text', text: labels[filter], emoji: true }, value: filter });
  return {
    type: 'actions',
    block_id: 'eventlog_modal_filters',
    elements: [{ type: 'static_select', action_id: MODAL_ACTION_IDS.filter, options: TIMELINE_FILTERS.map(option), initial_option: option(current) }],
  };
}

function pagingBlock(can: { older: boolean; newer: boolean }, lang: Lang): types.ActionsBlock {
  const words = messagesFor(lang).render.buttons;
  const button = (actionId: string, text: string): types.Button => ({ type: 'button', action_id: actionId, text: { type: 'plain_text', text, emoji: true } });
  const elements: types.Button[] = [];
  if (can.older) elements.push(button(MODAL_ACTION_IDS.older, words.older));
  if (can.newer) elements.push(button(MODAL_ACTION_IDS.newer, words.newer));
  elements.push(button(MODAL_ACTION_IDS.refresh, words.refresh));
  return { type: 'actions', block_id: 'eventlog_modal_paging', elements };
}
