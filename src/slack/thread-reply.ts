import type { webApi } from '@slack/bolt';
import type { SlackContext } from './context';
import { buildLookupReply } from '../lookup/lookup-reply';
import { renderPostFailure } from '../render/status-message';
import type { SlackMessage } from '../render/types';
import { postToResponseUrl } from './response-url';
import { slackApiFailure, slackErrorCode } from './slack-api-error';

/** Where a thread answer goes and whom to tell privately when something fails. */
export interface ThreadTarget {
  channel: string;
  threadTs: string;
  userId: string;
  teamId: string | null;
  /** The shortcut's or button's response_url; null for @mentions (we use chat.postEphemeral). */
  responseUrl: string | null;
}

/**
 * Look the event up and post its log in the thread. Errors and refusals go
 * only to the person who asked; posting failures come back as instructions.
 */
export async function answerInThread(ctx: SlackContext, client: webApi.WebClient, id: string, target: ThreadTarget): Promise<void> {
  const { message, ok } = await buildLookupReply(
    ctx,
    { id, userId: target.userId, channelId: target.channel, teamId: target.teamId, bypassCache: false },
    // Posted where everyone in the thread sees it, so it offers Watch.
    { variant: 'compact', page: 0, sharedBy: null, watch: { kind: 'offer' } },
  );
  if (!ok) {
    await tellRequester(ctx, client, target, message);
    return;
  }
  await postToThread(ctx, client, target, message);
}

/** chat.postMessage into the thread; a failure is explained to the requester, never swallowed. */
export async function postToThread(ctx: SlackContext, client: webApi.WebClient, target: ThreadTarget, message: SlackMessage): Promise<boolean> {
  try {
    await client.chat.postMessage({
      channel: target.channel,
      thread_ts: target.threadTs,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    return true;
  } catch (err) {
    const failure = slackApiFailure(err);
    ctx.log.warn('slack.post_failed', { channel: target.channel, user: target.userId, slack_error: failure.code, needed_scope: failure.neededScope });
    await tellRequester(ctx, client, target, renderPostFailure(failure, ctx.config.lang));
    return false;
  }
}

/** A message only the requester sees: via response_url when we have one, else chat.postEphemeral. */
export async function tellRequester(ctx: SlackContext, client: webApi.WebClient, target: ThreadTarget, message: SlackMessage): Promise<void> {
  const logContext = { channel: target.channel, user: target.userId };
  if (target.responseUrl) {
    await postToResponseUrl(target.responseUrl, { response_type: 'ephemeral', replace_original: false, ...message }, ctx.log, logContext);
    return;
  }
  try {
    await client.chat.postEphemeral({
      channel: target.channel,
      user: target.userId,
      thread_ts: target.threadTs,
      text: message.text,
      blocks: message.blocks,
    });
  } catch (err) {
    ctx.log.error('slack.ephemeral_failed', { ...logContext, slack_error: slackErrorCode(err) });
  }
}
