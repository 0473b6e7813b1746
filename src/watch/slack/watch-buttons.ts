import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackContext } from '../../slack/context';
import { actionKey, isSlackRetry } from '../../slack/retry-dedupe';
import { ACTION_IDS, decodeButtonValue, decodeWatchKey } from '../../render/actions';
import { renderRefusal, renderStaleButton } from '../../render/status-message';
import type { SlackMessage } from '../../render/types';
import { renderStopElsewhere, renderWatchGone } from '../watch-status';
import { postToResponseUrl } from '../../slack/response-url';
import { startWatch } from './start-watch';
import { stopRefusal } from '../../slack/stop-refusal';
import type { InteractionRoutes } from '../../slack/interaction-routes';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * **Watch** under an answer in a channel or thread: post a watching message
 * there. **Stop watching** on a watching message: anyone the allowlists let in may stop it, from the
 * watch's own channel and workspace.
 */
export function register(routes: InteractionRoutes, ctx: SlackContext): void {
  routes.action<BlockButtonAction>(ACTION_IDS.watch, (args: ButtonArgs) => handleWatch(args, ctx));
  routes.action<BlockButtonAction>(ACTION_IDS.stopWatching, (args: ButtonArgs) => handleStop(args, ctx));
}

/** A click Socket Mode delivered again (its ack came late) is answered once. */
function isRepeat(ctx: SlackContext, body: ButtonArgs['body'], action: ButtonArgs['action'], retryNum: number | undefined): Promise<boolean> {
  const channel = body.channel?.id ?? body.container?.channel_id;
  return isSlackRetry(ctx, 'button', actionKey(channel, body.container?.message_ts ?? body.message?.ts, action.action_id, action.action_ts), retryNum);
}

/** A private answer to whoever clicked, through the click's response_url. */
function teller(ctx: SlackContext, responseUrl: string | undefined, logContext: Record<string, string | null>): (message: SlackMessage) => Promise<void> {
  return async (message) => {
    if (!responseUrl) return;
    await postToResponseUrl(responseUrl, { response_type: 'ephemeral', replace_original: false, ...message }, ctx.log, logContext);
  };
}

interface Click {
  channel: string | null;
  logContext: Record<string, string | null>;
  /** A private answer to whoever clicked. */
  tell: (message: SlackMessage) => Promise<void>;
}

/** Ack at once, then do the click's work after, once per click (a redelivery is skipped). */
async function handleClick(args: ButtonArgs, ctx: SlackContext, button: string, work: (click: Click) => Promise<void>): Promise<void> {
  const { ack, action, body, context } = args;
  await ack();
  const channel = body.channel?.id ?? body.container?.channel_id ?? null;
  const logContext = { user: body.user.id, channel, button };
  const tell = teller(ctx, body.response_url, logContext);
  ctx.tasks.run(async () => {
    if (await isRepeat(ctx, body, action, context.retryNum)) return;
    await work({ channel, logContext, tell });
  });
}

function handleWatch(args: ButtonArgs, ctx: SlackContext): Promise<void> {
  const { action, body, client } = args;
  return handleClick(args, ctx, 'watch', async ({ channel, logContext, tell }) => {
    const value = decodeButtonValue(action.value ?? '');
    if (!value || !channel) {
      ctx.log.warn('button.stale_value', logContext);
      return tell(renderStaleButton(ctx.config.lang, ctx.config.slashCommand));
    }
    // The answer's own place: its thread when it sits in one, else the channel (a thread's parent
    // carries thread_ts too, equal to its own ts: it is at the top of the channel).
    const threadTs: unknown = body.container?.thread_ts ?? body.message?.thread_ts;
    const messageTs: unknown = body.container?.message_ts ?? body.message?.ts;
    await startWatch(ctx, client, {
      id: value.id,
      channel,
      threadTs: typeof threadTs === 'string' && threadTs !== messageTs ? threadTs : null,
      userId: body.user.id,
      teamId: body.team?.id ?? null,
      confirm: false,
      tell,
    });
  });
}

function handleStop(args: ButtonArgs, ctx: SlackContext): Promise<void> {
  const { action, body } = args;
  return handleClick(args, ctx, 'stop_watching', async ({ channel, logContext, tell }) => {
    const key = decodeWatchKey(action.value ?? '');
    if (!key) {
      ctx.log.warn('button.stale_value', logContext);
      return tell(renderStaleButton(ctx.config.lang, ctx.config.slashCommand));
    }
    const who = { teamId: body.team?.id ?? null, channelId: channel, userId: body.user.id };
    const watch = channel === null ? null : await ctx.watcher.existing(channel, key.slice(key.lastIndexOf('/') + 1));
    const refusal = stopRefusal(ctx.config.access, who, key, watch);
    if (refusal) {
      ctx.log.warn('watch.stop_refused', { ...logContext, key, why: refusal.kind === 'access' ? `access_${refusal.denied}` : `other_${refusal.where}` });
      return tell(refusal.kind === 'access' ? renderRefusal(refusal, ctx.config.lang) : renderStopElsewhere(refusal.where, ctx.config.lang));
    }
    ctx.log.info('watch.stop_requested', { ...logContext, key });
    if (!(await ctx.watcher.requestStop(key, body.user.id))) await tell(renderWatchGone(ctx.config.lang));
  });
}
