import type { webApi } from '@slack/bolt';
import type { Requester } from '../eventlog/service/access';
import type { SlackContext } from './context';
import { logDrawing, lookUpAndRender, type Surface } from '../lookup/lookup-reply';
import type { ModalState } from '../render/modal-state';
import { messageAsModal, renderLoadingModal, type FullLogView } from '../render/modal-view';
import { renderModalOpenFailure } from '../render/status-message';
import { tellPrivately } from './private-reply';
import { slackErrorCode } from './slack-api-error';

/** Who clicked Full log (or typed `/eventlog <id> --all`), and how to reach them privately if the modal cannot open. */
export interface FullLogOpener extends Requester {
  triggerId: string;
  /** The click's or command's response_url; null (e.g. a click in an unfurl) → chat.postEphemeral in channelId. */
  responseUrl: string | null;
}

/** An open modal: its view.id and the hash of its current content (a stale hash gives hash_conflict). */
export interface OpenModal {
  viewId: string;
  hash: string | undefined;
}

/**
 * Open the Full log modal for event `id`. The click's trigger_id expires in
 * 3 s, so views.open goes out at once with a loading view; the log (or the
 * reason there is none) follows with views.update. If the modal cannot open
 * (expired_trigger_id above all), the user is told privately.
 */
export async function openFullLog(ctx: SlackContext, client: webApi.WebClient, id: string, who: FullLogOpener): Promise<void> {
  const state: ModalState = { id, page: 0, filter: 'all', channelId: who.channelId };
  const logContext = { event_id: id, user: who.userId, channel: who.channelId };
  let modal: OpenModal;
  try {
    const opened = await client.views.open({ trigger_id: who.triggerId, view: renderLoadingModal(state, ctx.config.lang) });
    if (!opened.view?.id) throw new Error('views.open answered without a view id');
    modal = { viewId: opened.view.id, hash: opened.view.hash };
  } catch (err) {
    const code = slackErrorCode(err);
    ctx.log.warn('modal.open_failed', { ...logContext, slack_error: code });
    await tellOpener(ctx, client, who, code);
    return;
  }
  ctx.log.info('modal.opened', logContext);
  await showInModal(ctx, client, modal, state, { ...who, bypassCache: false });
}

/**
 * Look the event up as `who` and put the answer in the open modal: the log
 * on the state's page and filter, or BlueKing's error or a refusal in the
 * same words as anywhere else.
 */
export async function showInModal(
  ctx: SlackContext,
  client: webApi.WebClient,
  modal: OpenModal,
  state: ModalState,
  who: Requester & { bypassCache: boolean },
): Promise<void> {
  const { lang } = ctx.config;
  const surface: Surface<FullLogView> = { ...logDrawing(ctx, { kind: 'modal', state }), other: (message) => messageAsModal(message, state, lang) };
  const request = { id: state.id, userId: who.userId, channelId: who.channelId, teamId: who.teamId, bypassCache: who.bypassCache };
  const { message: view } = await lookUpAndRender(ctx, request, surface);
  try {
    await client.views.update({ view_id: modal.viewId, ...(modal.hash ? { hash: modal.hash } : {}), view });
  } catch (err) {
    const code = slackErrorCode(err);
    // hash_conflict: a newer click already changed the modal, which wins; not_found: the user closed it.
    const expected = code === 'hash_conflict' || code === 'not_found';
    ctx.log[expected ? 'info' : 'warn']('modal.update_failed', { event_id: state.id, user: who.userId, view_id: modal.viewId, slack_error: code });
  }
}

/** Why the modal did not open, to the opener only: via the response_url when there is one, else chat.postEphemeral. */
function tellOpener(ctx: SlackContext, client: webApi.WebClient, who: FullLogOpener, code: string): Promise<void> {
  return tellPrivately(ctx, client, who, renderModalOpenFailure(code, ctx.config.lang));
}
