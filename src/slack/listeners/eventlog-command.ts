import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { formText } from '../form-text';
import { parseCommandText } from '../../ids/parse-command';
import type { SlackContext } from '../context';
import { isSlackRetry } from '../retry-dedupe';
import { openFullLog } from '../full-log';
import { buildLookupReply } from '../../lookup/lookup-reply';
import { renderInvalidInput, renderLookingUp, renderRestarting } from '../../render/status-message';
import { renderUsage } from '../../render/plain-message';
import { postToResponseUrl } from '../response-url';
import { renderWatchStarting } from '../../watch/watch-status';
import { startWatch } from '../../watch/slack/start-watch';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/eventlog <id> [public|watch]`, and `/eventlog <id> --all` for the Full log modal. Any slash command routed to this app lands here,
 * so a team that renames the command in its manifest (say /bk-eventlog) needs
 * no code change.
 */
export function register(app: App, ctx: SlackContext): void {
  app.command(/^\/.+/, (args: CommandArgs) => handleEventlogCommand(args, ctx));
}

async function handleEventlogCommand({ command, ack, client, context }: CommandArgs, ctx: SlackContext): Promise<void> {
  const { lang } = ctx.config;
  // Typed as a string by Bolt, but a crafted request may omit it or repeat it.
  const request = parseCommandText(formText(command.text as unknown));
  if (request.kind === 'help') {
    await ack({ response_type: 'ephemeral', ...renderUsage(lang, String(command.command)) });
    return;
  }
  if (request.kind === 'invalid') {
    ctx.log.info('command.invalid', { user: command.user_id, channel: command.channel_id, reason: request.reason });
    await ack({ response_type: 'ephemeral', ...renderInvalidInput(request.reason, request.excerpt, lang, String(command.command)) });
    return;
  }
  if (request.all) {
    // `--all`: the Full log modal, opened with the command's own trigger_id (good for 3 s); nothing posted in the channel.
    await ack();
    const who = { triggerId: command.trigger_id, userId: command.user_id, channelId: command.channel_id, teamId: command.team_id };
    ctx.tasks.run(() => openFullLog(ctx, client, request.id, { ...who, responseUrl: command.response_url }));
    return;
  }
  if (request.watch) {
    await ack({ response_type: 'ephemeral', ...renderWatchStarting(request.id, lang) });
    ctx.tasks.run(async () => {
      if (await isSlackRetry(ctx, 'command', command.trigger_id, context.retryNum)) return;
      await startWatch(ctx, client, {
        id: request.id,
        channel: command.channel_id,
        threadTs: null,
        userId: command.user_id,
        teamId: command.team_id,
        confirm: true,
        tell: async (message) => {
          await postToResponseUrl(command.response_url, { response_type: 'ephemeral', replace_original: true, ...message }, ctx.log, {
            event_id: request.id,
            user: command.user_id,
            channel: command.channel_id,
          });
        },
      });
    });
    return;
  }
  // Ack first, with a placeholder, so Slack never shows operation_timeout; the work happens after.
  await ack({ response_type: 'ephemeral', ...renderLookingUp(request.id, lang) });
  const logContext = { event_id: request.id, user: command.user_id, channel: command.channel_id };
  const interrupted = (): Promise<boolean> =>
    postToResponseUrl(command.response_url, { response_type: 'ephemeral', replace_original: true, ...renderRestarting(lang) }, ctx.log, logContext);
  ctx.tasks.run(async () => {
    // A Socket Mode envelope re-sent because its ack came late carries the same trigger_id.
    if (await isSlackRetry(ctx, 'command', command.trigger_id, context.retryNum)) return;
    const { message, ok } = await buildLookupReply(
      ctx,
      { id: request.id, userId: command.user_id, channelId: command.channel_id, teamId: command.team_id, bypassCache: false },
      { variant: 'full', page: 0, sharedBy: null, ...(request.public ? { watch: { kind: 'offer' as const } } : {}) },
    );
    if (request.public && ok) {
      // An ephemeral placeholder cannot turn into a channel message: post anew, then remove the placeholder.
      const posted = await postToResponseUrl(command.response_url, { response_type: 'in_channel', ...message }, ctx.log, logContext);
      if (posted) await postToResponseUrl(command.response_url, { delete_original: true }, ctx.log, logContext);
      return;
    }
    await postToResponseUrl(command.response_url, { response_type: 'ephemeral', replace_original: true, ...message }, ctx.log, logContext);
  }, interrupted);
}
