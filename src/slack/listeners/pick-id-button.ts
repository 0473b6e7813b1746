import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackContext } from '../context';
import { decodePickValue } from '../../render/pick-value';
import { PICK_ACTION_PATTERN } from '../../render/actions';
import { renderRestarting, renderStaleButton } from '../../render/status-message';
import { actionKey, isSlackRetry } from '../retry-dedupe';
import { postToResponseUrl } from '../response-url';
import { answerInThread, tellRequester } from '../thread-reply';
import type { InteractionRoutes } from '../interaction-routes';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** A choice from "this message mentions several event IDs": post that one's log in the thread. */
export function register(routes: InteractionRoutes, ctx: SlackContext): void {
  routes.action<BlockButtonAction>(PICK_ACTION_PATTERN, (args: ButtonArgs) =>
    handlePick(args, ctx),
  );
}

async function handlePick({ ack, action, body, client, context }: ButtonArgs, ctx: SlackContext): Promise<void> {
  await ack();
  const channel = body.channel?.id ?? body.container?.channel_id;
  const responseUrl = body.response_url ?? null;
  const picked = decodePickValue(action.value ?? '');
  const logContext = { user: body.user.id, channel: channel ?? null };
  const target = picked && channel ? { channel, threadTs: picked.threadTs, userId: body.user.id, teamId: body.team?.id ?? null, responseUrl } : null;
  ctx.tasks.run(
    async () => {
      const clicked = actionKey(channel, body.container?.message_ts ?? body.message?.ts, action.action_id, action.action_ts);
      if (await isSlackRetry(ctx, 'button', clicked, context.retryNum)) return;
      if (!picked || !target) {
        if (responseUrl) await postToResponseUrl(responseUrl, { response_type: 'ephemeral', replace_original: false, ...renderStaleButton(ctx.config.lang, ctx.config.slashCommand) }, ctx.log, logContext);
        return;
      }
      // The chooser has done its job; remove it so the thread answer is the only thing left.
      if (responseUrl) await postToResponseUrl(responseUrl, { delete_original: true }, ctx.log, logContext);
      await answerInThread(ctx, client, picked.id, target);
    },
    target ? () => tellRequester(ctx, client, target, renderRestarting(ctx.config.lang)) : undefined,
  );
}
