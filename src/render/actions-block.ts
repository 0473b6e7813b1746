import type { types } from '@slack/bolt';
import { isEventId } from '../eventlog/model/event-id';
import { messagesFor } from '../i18n/catalog';
import type { RenderMessages } from '../i18n/messages';
import { ACTION_IDS, encodeButtonValue, monitorEventUrl, type ActionName, type ButtonValue } from './actions';
import type { RenderOptions } from './types';

export interface ActionsView {
  id: string;
  /** The page being shown (already clamped). */
  page: number;
  pageCount: number;
  /** A closed event has nothing left to watch: no Watch button (a click could only say so). */
  closed: boolean;
}

type ButtonName = ActionName & keyof RenderMessages['buttons'];

/**
 * The buttons under an event log: Share (full answers not yet in the channel),
 * Refresh, Older/Newer when the timeline has more pages, Watch on answers in
 * the channel while the event is not closed, Full log (the modal; on the live message too, as it replaces nothing), and a link to the event in BlueKing when BK_MONITOR_URL is set.
 * The live watching message has only Stop watching and the link: it is kept
 * current by the watch, and a Refresh or page click would replace it with a
 * copy that no longer says it is watched. Null for an ID no button could carry.
 */
export function buildActionsBlock(view: ActionsView, opts: RenderOptions): types.ActionsBlock | null {
  if (!isEventId(view.id)) return null;
  const button = (name: ButtonName, page: number): types.Button => logButton(name, { id: view.id, page, variant: opts.variant }, opts);
  const elements: types.Button[] = [];
  if (opts.watch?.kind === 'live') {
    elements.push({ ...button('stopWatching', view.page), value: opts.watch.key, style: 'danger' });
  } else {
    // Share is offered only on an answer no one else sees yet; it is the primary step there unless BlueKing is linked.
    if (opts.variant === 'full' && opts.sharedBy === null && opts.watch === undefined) {
      elements.push(opts.monitorUrl ? button('share', view.page) : { ...button('share', view.page), style: 'primary' });
    }
    elements.push(button('refresh', view.page));
    if (view.page + 1 < view.pageCount) elements.push(button('older', view.page + 1));
    if (view.page > 0) elements.push(button('newer', view.page - 1));
    if (opts.watch !== undefined && !view.closed) elements.push(button('watch', 0));
  }
  // The modal starts on its own first page whatever page this message shows.
  elements.push(button('fullLog', 0));
  // With BK_MONITOR_URL set, where the on-call acts (ack, shield, assign) is BlueKing: that link is the primary button.
  const open = openButton({ id: view.id, page: view.page, variant: opts.variant }, opts);
  if (open) elements.push({ ...open, style: 'primary' });
  return { type: 'actions', elements };
}

/** An unfurl's buttons: Full log, and the event in BlueKing when BK_MONITOR_URL is set. Null for an ID no button could carry. */
export function buildUnfurlActionsBlock(id: string, opts: RenderOptions): types.ActionsBlock | null {
  if (!isEventId(id)) return null;
  const value = { id, page: 0, variant: opts.variant };
  const elements = [logButton('fullLog', value, opts)];
  const open = openButton(value, opts);
  if (open) elements.push(open);
  return { type: 'actions', elements };
}

function logButton(name: ButtonName, value: ButtonValue, opts: RenderOptions): types.Button {
  return {
    type: 'button',
    action_id: ACTION_IDS[name],
    text: { type: 'plain_text', text: messagesFor(opts.lang).render.buttons[name], emoji: true },
    value: encodeButtonValue(value),
  };
}

/** A link button; Slack still sends its click (acked in log-buttons.ts), with the value of the view it sat in. */
function openButton(value: ButtonValue, opts: RenderOptions): types.Button | null {
  if (!opts.monitorUrl) return null;
  return { ...logButton('open', value, opts), url: monitorEventUrl(opts.monitorUrl, value.id) };
}
