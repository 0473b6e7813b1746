import type { webApi } from '@slack/bolt';
import type { SlackContext } from './context';
import type { SlackMessage } from '../render/types';
import { postToResponseUrl } from './response-url';
import { responseUrlAllowed } from './response-url-hosts';
import { slackErrorCode } from './slack-api-error';

/** Where a private answer goes: the click's or command's response_url, else an ephemeral message in the channel. */
export interface PrivateTarget {
  userId: string;
  channelId: string | null;
  /** Null in an unfurl, or when a modal carried none. */
  responseUrl: string | null;
}

/** A private answer: through the response_url when it is Slack's, else chat.postEphemeral in the channel. */
export async function tellPrivately(ctx: SlackContext, client: webApi.WebClient, target: PrivateTarget, message: SlackMessage): Promise<void> {
  const logContext = { user: target.userId, channel: target.channelId };
  if (target.responseUrl && responseUrlAllowed(ctx.config.slackApiUrl)(target.responseUrl)) {
    // A response_url lasts 30 minutes; a modal left open longer falls back to an ephemeral message.
    if (await postToResponseUrl(target.responseUrl, { response_type: 'ephemeral', replace_original: false, ...message }, ctx.log, logContext)) return;
  }
  if (!target.channelId) return;
  try {
    await client.chat.postEphemeral({ channel: target.channelId, user: target.userId, text: message.text, blocks: message.blocks });
  } catch (err) {
    ctx.log.error('slack.ephemeral_failed', { ...logContext, slack_error: slackErrorCode(err) });
  }
}
