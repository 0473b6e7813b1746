import type { AllMiddlewareArgs, App, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { extractEventIds } from '../../ids/extract-ids';
import type { SlackContext } from '../context';
import { actionKey, isSlackRetry } from '../retry-dedupe';
import { renderIdChoice, renderNoIdFound, renderRestarting } from '../../render/status-message';
import { answerInThread, tellRequester, type ThreadTarget } from '../thread-reply';

/** Matches `callback_id` of the message shortcut in manifest.yml. */
export const SHOW_EVENT_LOG_CALLBACK_ID = 'show_event_log';

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * "Show event log" on an alert post: find the event ID in the message and
 * answer in its thread (slash commands cannot run in threads).
 */
export function register(app: App, ctx: SlackContext): void {
  app.shortcut<MessageShortcut>({ callback_id: SHOW_EVENT_LOG_CALLBACK_ID, type: 'message_action' }, (args: ShortcutArgs) =>
    handleShowEventLog(args, ctx),
  );
}

async function handleShowEventLog({ shortcut, ack, client, context }: ShortcutArgs, ctx: SlackContext): Promise<void> {
  await ack();
  const { message } = shortcut;
  const target: ThreadTarget = {
    channel: shortcut.channel.id,
    threadTs: message.thread_ts ?? message.ts,
    userId: shortcut.user.id,
    teamId: shortcut.team?.id ?? null,
    responseUrl: shortcut.response_url,
  };
  ctx.tasks.run(async () => {
    const used = actionKey(target.channel, message.ts, shortcut.callback_id, shortcut.action_ts);
    if (await isSlackRetry(ctx, 'shortcut', used, context.retryNum)) return;
    const ids = extractEventIds(message, ctx.now());
    ctx.log.info('shortcut', { user: target.userId, channel: target.channel, ids_found: ids.length });
    if (ids.length === 1) return answerInThread(ctx, client, ids[0], target);
    const reply = ids.length === 0 ? renderNoIdFound(ctx.config.lang) : renderIdChoice(ids, target.threadTs, ctx.config.lang);
    return tellRequester(ctx, client, target, reply);
  }, () => tellRequester(ctx, client, target, renderRestarting(ctx.config.lang)));
}
