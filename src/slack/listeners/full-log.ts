import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackContext } from '../context';
import { openFullLog } from '../full-log';
import { ACTION_IDS, decodeButtonValue } from '../../render/actions';
import { renderStaleButton } from '../../render/status-message';
import { postToResponseUrl } from '../response-url';
import type { InteractionRoutes } from '../interaction-routes';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * The Full log button, under every answer and every unfurl: opens the whole
 * log in a modal as the user who clicked (their identity and the allowlists apply).
 */
export function register(routes: InteractionRoutes, ctx: SlackContext): void {
  routes.action<BlockButtonAction>(ACTION_IDS.fullLog, (args: ButtonArgs) => handleFullLog(args, ctx));
}

async function handleFullLog({ ack, action, body, client }: ButtonArgs, ctx: SlackContext): Promise<void> {
  await ack();
  const userId = body.user.id;
  const channelId = body.channel?.id ?? body.container?.channel_id ?? null;
  const responseUrl = body.response_url ?? null;
  const value = decodeButtonValue(action.value ?? '');
  if (!value) {
    ctx.log.warn('button.stale_value', { user: userId, channel: channelId, button: 'full_log' });
    if (responseUrl) {
      const stale = renderStaleButton(ctx.config.lang, ctx.config.slashCommand);
      ctx.tasks.run(async () => {
        await postToResponseUrl(responseUrl, { response_type: 'ephemeral', replace_original: false, ...stale }, ctx.log, { user: userId });
      });
    }
    return;
  }
  // Straight to views.open: the trigger_id is good for 3 seconds only.
  ctx.tasks.run(() =>
    openFullLog(ctx, client, value.id, { triggerId: body.trigger_id, userId, channelId, teamId: body.team?.id ?? null, responseUrl }),
  );
}
