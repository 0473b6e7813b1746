import type { WatchSnapshot } from './snapshot';

/**
 * One watched event, as the store keeps it: where its message is, who
 * started it, what the log looked like at the last delivered update, and when
 * to poll next. Plain JSON values only, so the Redis store can keep it as is.
 */
export interface WatchRecord {
  /** `<channel>/<event id>`: one watch per event per channel. */
  key: string;
  eventId: string;
  teamId: string | null;
  channel: string;
  /** ts of the watching message; '' while it is being posted. */
  messageTs: string;
  /** Thread the change lines go to: the message's own thread, or the thread it was posted in. */
  threadTs: string;
  /** Layout of the message: 'full' at the top of a channel, 'compact' inside a thread (as answers there are). */
  variant: 'full' | 'compact';
  /** Slack user who started it; every poll runs as them. */
  startedBy: string;
  startedAtMs: number;
  /** The log as last shown in Slack. */
  snapshot: WatchSnapshot;
  /** When the message last changed (the "updated" time). */
  updatedAtMs: number;
  nextPollAtMs: number;
  /** Failed or refused polls in a row, for the back-off. */
  failures: number;
}

/** The store key of a watch: one per event and channel. */
export function watchKey(channel: string, eventId: string): string {
  return `${channel}/${eventId}`;
}

/** Why a watch ended. */
export type StopReason =
  | 'closed'
  | 'recovered_quiet'
  | 'max_age'
  | 'stopped'
  | 'message_gone'
  | 'not_in_channel'
  | 'channel_archived'
  | 'bot_removed'
  | 'access_revoked'
  | 'restart'
  | 'store_lost';

/** A stop with who asked for it (only for 'stopped'). */
export interface WatchStop {
  reason: StopReason;
  by: string | null;
}
