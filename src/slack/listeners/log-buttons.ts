import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackContext } from '../context';
import { actionKey, isSlackRetry } from '../retry-dedupe';
import { buildLookupReply } from '../../lookup/lookup-reply';
import { ACTION_IDS, decodeButtonValue } from '../../render/actions';
import { renderRestarting, renderStaleButton } from '../../render/status-message';
import { postToResponseUrl, type ResponsePayload } from '../response-url';
import { sharerOf } from './shared-by';
import type { InteractionRoutes } from '../interaction-routes';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
type LogButton = 'share' | 'refresh' | 'page';

/**
 * The buttons under every log: Share, Refresh, Older/Newer. Each click is
 * acked at once; the button's value holds the whole view (event, page,
 * variant), so no server-side state is needed.
 */
export function register(routes: InteractionRoutes, ctx: SlackContext): void {
  const on = (actionId: string, kind: LogButton): void => {
    routes.action<BlockButtonAction>(actionId, (args: ButtonArgs) => handleLogButton(args, ctx, kind));
  };
  on(ACTION_IDS.share, 'share');
  on(ACTION_IDS.refresh, 'refresh');
  on(ACTION_IDS.older, 'page');
  on(ACTION_IDS.newer, 'page');
  // A link button still sends a click; ack it so Slack shows no warning.
  routes.action(ACTION_IDS.open, async ({ ack }) => {
    await ack();
  });
}

async function handleLogButton({ ack, action, body, context }: ButtonArgs, ctx: SlackContext, kind: LogButton): Promise<void> {
  await ack();
  const userId = body.user.id;
  const channelId = body.channel?.id ?? body.container?.channel_id ?? null;
  const logContext = { user: userId, channel: channelId, button: kind };
  const responseUrl = body.response_url;
  if (!responseUrl) {
    ctx.log.warn('button.no_response_url', logContext);
    return;
  }
  const value = decodeButtonValue(action.value ?? '');
  if (!value) {
    ctx.log.warn('button.stale_value', logContext);
    ctx.tasks.run(async () => {
      await postToResponseUrl(responseUrl, { response_type: 'ephemeral', replace_original: false, ...renderStaleButton(ctx.config.lang, ctx.config.slashCommand) }, ctx.log, logContext);
    });
    return;
  }
  ctx.tasks.run(async () => {
    const clicked = actionKey(channelId, body.container?.message_ts ?? body.message?.ts, action.action_id, action.action_ts);
    if (await isSlackRetry(ctx, 'button', clicked, context.retryNum)) return;
    const { message, ok } = await buildLookupReply(
      ctx,
      { id: value.id, userId, channelId, teamId: body.team?.id ?? null, bypassCache: kind === 'refresh' },
      {
        variant: value.variant,
        page: value.page,
        sharedBy: kind === 'share' ? userId : sharerOf(body.message),
        // What lands in (or stays in) the channel offers Watch; an ephemeral answer cannot be watched in place.
        ...(kind === 'share' || body.container?.is_ephemeral === false ? { watch: { kind: 'offer' as const } } : {}),
      },
    );
    await postToResponseUrl(responseUrl, landing(kind, ok, message), ctx.log, { ...logContext, event_id: value.id });
  }, () => postToResponseUrl(responseUrl, { response_type: 'ephemeral', replace_original: false, ...renderRestarting(ctx.config.lang) }, ctx.log, logContext));
}

/** Where the answer lands: shared logs go to the channel; failures never replace a log that is already showing. */
function landing(kind: LogButton, ok: boolean, message: ResponsePayload): ResponsePayload {
  if (!ok) return { response_type: 'ephemeral', replace_original: false, ...message };
  if (kind === 'share') return { response_type: 'in_channel', replace_original: false, ...message };
  return { replace_original: true, ...message };
}
