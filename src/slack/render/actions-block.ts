import type { types } from '@slack/bolt';
import { isEventId } from '../../eventlog/event-id';
import { messagesFor } from '../../i18n/catalog';
import { ACTION_IDS, encodeButtonValue, monitorEventUrl, type ActionName } from './actions';
import type { RenderOptions } from './types';

export interface ActionsView {
  id: string;
  /** The page being shown (already clamped). */
  page: number;
  pageCount: number;
}

/**
 * The buttons under an event log: Share (full answers not yet in the channel),
 * Refresh, Older/Newer when the timeline has more pages, Watch on answers in
 * the channel, and a link to the event in BlueKing when BK_MONITOR_URL is set.
 * The live watching message has only Stop watching and the link: it is kept
 * current by the watch, and a Refresh or page click would replace it with a
 * copy that no longer says it is watched. Null for an ID no button could carry.
 */
export function buildActionsBlock(view: ActionsView, opts: RenderOptions): types.ActionsBlock | null {
  if (!isEventId(view.id)) return null;
  const words = messagesFor(opts.lang).render.buttons;
  const button = (name: ActionName & keyof typeof words, page: number): types.Button => ({
    type: 'button',
    action_id: ACTION_IDS[name],
    text: { type: 'plain_text', text: words[name], emoji: true },
    value: encodeButtonValue({ id: view.id, page, variant: opts.variant }),
  });
  const elements: types.Button[] = [];
  if (opts.watch?.kind === 'live') {
    elements.push({ ...button('stopWatching', view.page), value: opts.watch.key, style: 'danger' });
  } else {
    if (opts.variant === 'full' && opts.sharedBy === null && opts.watch === undefined) elements.push({ ...button('share', view.page), style: 'primary' });
    elements.push(button('refresh', view.page));
    if (view.page + 1 < view.pageCount) elements.push(button('older', view.page + 1));
    if (view.page > 0) elements.push(button('newer', view.page - 1));
    if (opts.watch !== undefined) elements.push(button('watch', 0));
  }
  if (opts.monitorUrl) {
    elements.push({ ...button('open', view.page), url: monitorEventUrl(opts.monitorUrl, view.id) });
  }
  return { type: 'actions', elements };
}
