import type { types } from '@slack/bolt';
import type { Lang } from '../config';
import type { AlertContext } from '../eventlog/model/alert-context';

/** What we send to Slack: blocks plus the top-level text used by notifications and screen readers. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** Everything rendering needs besides the summary; all plain values, so rendering stays pure. */
export interface RenderOptions {
  lang: Lang;
  /** Zone for fallback times (the BK_TIMEZONE setting). */
  timezone: string;
  /** BlueKing web UI root (BK_MONITOR_URL), for "Open in BlueKing"; null = no link. */
  monitorUrl: string | null;
  /** 'full' for slash-command answers, 'compact' for thread replies. */
  variant: 'full' | 'compact';
  /** Timeline page to show, 0-based; clamped to the pages that exist. */
  page: number;
  /** Whether to add buttons (share/refresh/paging/open). Off for console output if desired. */
  withActions: boolean;
  /** Slack user ID who shared it to the channel, shown as "shared by". */
  sharedBy: string | null;
  /** Watching: offer a Watch button, or show the live/ended watch banner. Absent = neither. */
  watch?: WatchView;
  /** The alert as BlueKing reports it, when acting from Slack is on: Acknowledge / Shield, or who did. Absent = neither. */
  triage?: AlertContext;
}

/**
 * How a message relates to watching: `offer` = an answer visible in the channel, which gets a
 * Watch button; `live` = the watching message itself (banner, Stop watching); `ended` = a watch's
 * final message (banner saying why, the usual buttons and Watch again). Banners are safe mrkdwn.
 */
export type WatchView = { kind: 'offer' } | { kind: 'live'; banner: string; key: string } | { kind: 'ended'; banner: string };

/** A failed Web API call, as much as the user needs to fix it. */
export interface SlackApiFailure {
  /** Slack's error string, or our own word for a failure that never reached Slack. */
  code: string;
  /** For missing_scope: the scope(s) Slack says the call needed ("chat:write"); null otherwise or when unreadable. */
  neededScope: string | null;
}
