import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { isTimelineFilter } from '../../eventlog/summary/timeline-filter';
import type { SlackContext } from '../context';
import { showInModal } from '../full-log';
import { MODAL_ACTION_IDS } from '../../render/actions';
import { decodeModalState, type ModalState } from '../../render/modal-state';
import { renderStaleModal, type FullLogView } from '../../render/modal-view';
import { slackErrorCode } from '../slack-api-error';
import type { InteractionRoutes } from '../interaction-routes';

type ModalActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type ModalControl = keyof typeof MODAL_ACTION_IDS;

/**
 * Clicks inside the Full log modal: the filter, Older / Newer, Refresh. The
 * modal's state is its private_metadata; each click turns it into the next
 * state and the answer replaces the view (views.update with view.id and hash).
 */
export function register(routes: InteractionRoutes, ctx: SlackContext): void {
  for (const control of Object.keys(MODAL_ACTION_IDS) as ModalControl[]) {
    routes.action<BlockAction>(MODAL_ACTION_IDS[control], (args: ModalActionArgs) =>
      handleModalAction(args, ctx, control),
    );
  }
}

async function handleModalAction({ ack, action, body, client }: ModalActionArgs, ctx: SlackContext, control: ModalControl): Promise<void> {
  await ack();
  const userId = body.user.id;
  const view = body.view;
  const state = decodeModalState(view?.private_metadata);
  if (!view || !state) {
    ctx.log.warn('modal.stale_state', { user: userId, control });
    if (view) ctx.tasks.run(() => replaceView(ctx, client, view.id, renderStaleModal(ctx.config.lang), userId));
    return;
  }
  const next = nextState(state, control, action);
  ctx.tasks.run(() =>
    showInModal(ctx, client, { viewId: view.id, hash: view.hash }, next, {
      userId,
      channelId: state.channelId,
      teamId: body.team?.id ?? view.team_id ?? null,
      bypassCache: control === 'refresh',
    }),
  );
}

async function replaceView(ctx: SlackContext, client: ModalActionArgs['client'], viewId: string, shown: FullLogView, userId: string): Promise<void> {
  try {
    await client.views.update({ view_id: viewId, view: shown });
  } catch (err) {
    ctx.log.warn('modal.update_failed', { user: userId, view_id: viewId, slack_error: slackErrorCode(err) });
  }
}

/** The state after a click: a new filter starts at its first page; Refresh keeps the page. */
function nextState(state: ModalState, control: ModalControl, action: ModalActionArgs['action']): ModalState {
  switch (control) {
    case 'older':
      return { ...state, page: state.page + 1 };
    case 'newer':
      return { ...state, page: Math.max(0, state.page - 1) };
    case 'refresh':
      return state;
    case 'filter': {
      const chosen = action.type === 'static_select' ? action.selected_option?.value : undefined;
      return isTimelineFilter(chosen) ? { ...state, filter: chosen, page: 0 } : state;
    }
  }
}
