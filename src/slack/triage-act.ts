import type { types, webApi } from '@slack/bolt';
import type { TriageAsk, TriageOutcome } from '../eventlog/triage/triage-types';
import type { SlackContext } from './context';
import { buildLookupReply } from '../lookup/lookup-reply';
import { messagesFor } from '../i18n/catalog';
import { contextBlock } from '../render/blocks';
import { clipInline } from '../render/mrkdwn';
import { RENDER_BUDGET } from '../render/limits';
import { renderTriageOutcome } from '../render/triage-reply';
import type { TriageModalState } from '../render/triage-state';
import type { SlackMessage } from '../render/types';
import { postToResponseUrl } from './response-url';
import { responseUrlAllowed } from './response-url-hosts';
import { tellPrivately } from './private-reply';

/** Who acted, as Slack says. */
export interface Actor {
  userId: string;
  teamId: string | null;
}

/**
 * Run one act for a Slack user, tell them privately what BlueKing shows
 * happened, and redraw the answer everyone sees when the alert changed (or
 * had changed already), so no stale Acknowledge button stays up.
 */
export async function runTriageAct(
  ctx: SlackContext,
  client: webApi.WebClient,
  ask: TriageAsk,
  state: TriageModalState,
  actor: Actor,
  onceKey: string | null,
): Promise<TriageOutcome | null> {
  const { triage } = ctx;
  if (!triage) return null;
  const outcome = await triage.act({ ask, userId: actor.userId, teamId: actor.teamId, channelId: state.channelId, onceKey });
  const target = { userId: actor.userId, channelId: state.channelId, responseUrl: state.responseUrl };
  await tellPrivately(ctx, client, target, renderTriageOutcome(outcome, state.view, { lang: ctx.config.lang, timezone: ctx.config.timezone, nowMs: ctx.now() }));
  // A watch's live message is the watch's to redraw: it polls now, not at its interval, and shows the change.
  if (changedAlert(outcome) && state.live && state.channelId) await ctx.watcher.pollSoon(state.channelId, state.view.id);
  if (changedAlert(outcome) && !state.live && state.responseUrl && responseUrlAllowed(ctx.config.slackApiUrl)(state.responseUrl)) {
    await redrawAnswer(ctx, state, actor, state.responseUrl, outcome);
  }
  return outcome;
}

/** Outcomes after which the answer's buttons no longer fit the alert. */
function changedAlert(outcome: TriageOutcome): boolean {
  return outcome.kind === 'done' || outcome.kind === 'already' || outcome.kind === 'not_open' || outcome.kind === 'shield_gone';
}

/** The answer looked up afresh (as the actor) in place of the old one, with "acked by … via Slack" after an ack. */
async function redrawAnswer(ctx: SlackContext, state: TriageModalState, actor: Actor, responseUrl: string, outcome: TriageOutcome): Promise<void> {
  const { view } = state;
  const reply = await buildLookupReply(
    ctx,
    { id: view.id, userId: actor.userId, channelId: state.channelId, teamId: actor.teamId, bypassCache: true },
    { variant: view.variant, page: view.page, sharedBy: state.sharedBy, ...(state.inChannel ? { watch: { kind: 'offer' as const } } : {}) },
  );
  if (!reply.ok) return;
  const message = outcome.kind === 'done' && outcome.act === 'ack' ? withLine(reply.message, messagesFor(ctx.config.lang).triage.ackedViaSlack(clipInline(outcome.bkUser, RENDER_BUDGET.name))) : reply.message;
  await postToResponseUrl(responseUrl, { replace_original: true, ...message }, ctx.log, { user: actor.userId, event_id: view.id, triage: 'redraw' });
}

/** A context line above the buttons (the last block when there are buttons). */
function withLine(message: SlackMessage, line: string): SlackMessage {
  const blocks = [...message.blocks];
  const at = blocks.length > 0 && blocks[blocks.length - 1]!.type === 'actions' ? blocks.length - 1 : blocks.length;
  blocks.splice(at, 0, contextBlock([line]) as types.KnownBlock);
  return { ...message, blocks };
}
