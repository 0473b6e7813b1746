import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackContext } from '../context';
import { actionKey, isSlackRetry } from '../retry-dedupe';
import { ACTION_IDS, decodeButtonValue } from '../../render/actions';
import { renderModalOpenFailure, renderStaleButton } from '../../render/status-message';
import { renderAckModal, renderShieldModal } from '../../render/triage-modal';
import { decodeUnshieldValue, TRIAGE_ACTION_IDS, type TriageModalState } from '../../render/triage-state';
import { slackErrorCode } from '../slack-api-error';
import { tellPrivately, type PrivateTarget } from '../private-reply';
import { runTriageAct } from '../triage-act';
import type { TriageAsk } from '../../eventlog/triage/triage-types';
import { sharerOf } from './shared-by';
import type { InteractionRoutes } from '../interaction-routes';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * Acknowledge and Shield under an open alert's answer open their modal (the
 * act happens on submission, in triage-modals.ts); Lift shield, on a shield's
 * answer, acts at once. With acting off (the shared service account) a
 * crafted click goes through the same act, which refuses it and says why.
 */
export function register(routes: InteractionRoutes, ctx: SlackContext): void {
  routes.action<BlockButtonAction>(TRIAGE_ACTION_IDS.ack, (args: ButtonArgs) => openModal(args, ctx, 'ack'));
  routes.action<BlockButtonAction>(TRIAGE_ACTION_IDS.shield, (args: ButtonArgs) => openModal(args, ctx, 'shield'));
  routes.action<BlockButtonAction>(TRIAGE_ACTION_IDS.unshield, (args: ButtonArgs) => liftShield(args, ctx));
}

/** Where the click came from and how to answer it privately. */
function clickOf(body: ButtonArgs['body']): PrivateTarget & { teamId: string | null } {
  return {
    userId: body.user.id,
    channelId: body.channel?.id ?? body.container?.channel_id ?? null,
    responseUrl: body.response_url ?? null,
    teamId: body.team?.id ?? null,
  };
}

async function openModal({ ack, action, body, client, context }: ButtonArgs, ctx: SlackContext, which: 'ack' | 'shield'): Promise<void> {
  await ack();
  const click = clickOf(body);
  const view = decodeButtonValue(action.value ?? '');
  const state: TriageModalState | null = view && {
    view,
    channelId: click.channelId,
    responseUrl: click.responseUrl,
    live: onLiveWatch(body.message),
    sharedBy: sharerOf(body.message),
    inChannel: body.container?.is_ephemeral === false,
  };
  ctx.tasks.run(async () => {
    if (await isSlackRetry(ctx, 'button', actionKey(click.channelId, body.container?.message_ts ?? body.message?.ts, action.action_id, action.action_ts), context.retryNum)) return;
    if (!state) {
      ctx.log.warn('button.stale_value', { user: click.userId, channel: click.channelId, button: which });
      return tellPrivately(ctx, client, click, renderStaleButton(ctx.config.lang));
    }
    if (!ctx.triage?.enabled) {
      // No modal to fill in for nothing: the act refuses (and is logged) at once.
      const alertId = state.view.id;
      const ask: TriageAsk = which === 'ack' ? { act: 'ack', alertId, note: '' } : { act: 'shield', alertId, minutes: 0, reason: 'other', otherText: '' };
      await runTriageAct(ctx, client, ask, state, click, null);
      return;
    }
    const modal = which === 'ack' ? renderAckModal(state, ctx.config.lang) : renderShieldModal(state, ctx.config.lang);
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: modal });
    } catch (err) {
      const code = slackErrorCode(err);
      ctx.log.warn('modal.open_failed', { user: click.userId, channel: click.channelId, event_id: state.view.id, slack_error: code });
      await tellPrivately(ctx, client, click, renderModalOpenFailure(code, ctx.config.lang));
    }
  });
}

async function liftShield({ ack, action, body, client }: ButtonArgs, ctx: SlackContext): Promise<void> {
  await ack();
  const click = clickOf(body);
  const value = decodeUnshieldValue(action.value ?? '');
  ctx.tasks.run(async () => {
    if (!value) {
      ctx.log.warn('button.stale_value', { user: click.userId, channel: click.channelId, button: 'unshield' });
      return tellPrivately(ctx, client, click, renderStaleButton(ctx.config.lang));
    }
    const state: TriageModalState = { view: value.view, channelId: click.channelId, responseUrl: click.responseUrl, live: true, sharedBy: null, inChannel: false };
    // One lift per click: a Socket Mode redelivery of the same click carries the same action_ts.
    const onceKey = `unshield/${actionKey(click.channelId, body.container?.message_ts ?? body.message?.ts, action.action_id, action.action_ts)}`;
    await runTriageAct(ctx, client, { act: 'unshield', alertId: value.view.id, shieldId: value.shieldId }, state, click, onceKey);
  });
}

/** A watch's live message has Stop watching; the watch keeps that message current itself. */
function onLiveWatch(message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const blocks = (message as { blocks?: unknown }).blocks;
  return Array.isArray(blocks) && JSON.stringify(blocks).includes(`"${ACTION_IDS.stopWatching}"`);
}
