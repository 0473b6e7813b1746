import type { SlackApiFailure, SlackMessage } from '../render/types';
import type { StopReason } from './watch-record';

/** How a Slack call of a watch ended. */
export type WatchCallResult =
  | { ok: true; ts: string }
  | {
      ok: false;
      failure: SlackApiFailure;
      /** Set when the watch can never post there again (message deleted, bot removed, channel archived). */
      gone: StopReason | null;
      /** Slack said to wait (HTTP 429 Retry-After), in ms; null for other failures. */
      retryAfterMs: number | null;
    };

/**
 * The three Slack calls a watch makes, behind an interface so the watcher is
 * the same in Slack (Web API) and in the console (printed).
 */
export interface WatchSlack {
  /** chat.postMessage to the channel, or into `threadTs`. */
  post(channel: string, threadTs: string | null, message: SlackMessage): Promise<WatchCallResult>;
  /** chat.update of the watching message. */
  update(channel: string, ts: string, message: SlackMessage): Promise<WatchCallResult>;
  /** chat.postMessage of a short line into the watch's thread. */
  reply(channel: string, threadTs: string, message: SlackMessage): Promise<WatchCallResult>;
}
