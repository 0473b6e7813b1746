import type { webApi } from '@slack/bolt';
import type { StopReason } from '../watch-record';
import type { WatchCallResult, WatchSlack } from '../watch-slack';
import { slackApiFailure } from '../../slack/slack-api-error';

/**
 * Slack's answers that mean a watch can never post there again. Anything
 * else (a network blip, a 5xx) is tried again at the next poll.
 */
const GONE: Readonly<Record<string, StopReason>> = {
  message_not_found: 'message_gone',
  cant_update_message: 'message_gone',
  thread_not_found: 'message_gone',
  channel_not_found: 'not_in_channel',
  not_in_channel: 'not_in_channel',
  is_archived: 'channel_archived',
  account_inactive: 'bot_removed',
  invalid_auth: 'bot_removed',
  not_authed: 'bot_removed',
  token_revoked: 'bot_removed',
  token_expired: 'bot_removed',
  team_access_not_granted: 'bot_removed',
};

/** When Slack rate-limits without saying for how long, wait this (Tier 3 refills within a minute). */
const DEFAULT_RETRY_AFTER_MS = 60_000;

/**
 * The watch's Slack calls over the Web API. `client` must be built with
 * rejectRateLimitedCalls (and no retries), so a 429 comes back here with its
 * Retry-After instead of being waited out inside the client: the watch then
 * skips its turn and never hammers a channel.
 */
export function webApiWatchSlack(client: webApi.WebClient): WatchSlack {
  const call = async (run: () => Promise<{ ts?: string }>): Promise<WatchCallResult> => {
    try {
      const answer = await run();
      return { ok: true, ts: answer.ts ?? '' };
    } catch (err) {
      const failure = slackApiFailure(err);
      return { ok: false, failure, gone: GONE[failure.code] ?? null, retryAfterMs: retryAfterMs(err, failure.code) };
    }
  };
  const options = { unfurl_links: false, unfurl_media: false } as const;
  return {
    post: (channel, threadTs, message) =>
      call(() => client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), text: message.text, blocks: message.blocks, ...options })),
    update: (channel, ts, message) => call(() => client.chat.update({ channel, ts, text: message.text, blocks: message.blocks })),
    reply: (channel, threadTs, message) =>
      call(() => client.chat.postMessage({ channel, thread_ts: threadTs, text: message.text, blocks: message.blocks, ...options })),
  };
}

/** Retry-After of a rate-limited call, in ms; null when the call was not rate-limited. */
function retryAfterMs(err: unknown, code: string): number | null {
  if (code !== 'ratelimited') return null;
  const seconds = typeof err === 'object' && err !== null && 'retryAfter' in err ? Number((err as { retryAfter: unknown }).retryAfter) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_RETRY_AFTER_MS;
}
