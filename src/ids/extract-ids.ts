/**
 * Event IDs in a Slack message (for the message shortcut and @mentions in an
 * alert thread): what the user meant when they point the bot at an alert post.
 */
import { isEventId } from '../eventlog/model/event-id';
import { findIdMentions, type IdMention } from './find-id-mentions';
import { collectMessageText, type SlackMessageLike } from './message-text';
import { scanSlackText } from './slack-markup';

export type { SlackMessageLike } from './message-text';

/**
 * Find the event IDs a Slack message refers to, unique, in order of first appearance.
 * Reads `text`, every block and legacy attachments. Recognises `告警ID: N`, `事件ID`,
 * `Alert ID`/`Event ID`, BlueKing detail links and `alertId=`/`eventId=` parameters,
 * and bare 15–20 digit alert IDs that begin with a plausible Unix time (judged against `nowMs`).
 * Action and collect IDs (`action_id`, `collectId`) are never taken.
 */
export function extractEventIds(message: SlackMessageLike, nowMs: number): string[] {
  const scan = scanSlackText(collectMessageText(message));
  return uniqueEventIds(findIdMentions(scan, nowMs));
}

/** Usable IDs among the mentions, first appearance wins. */
export function uniqueEventIds(mentions: readonly IdMention[]): string[] {
  const seen = new Set<string>();
  for (const { digits } of mentions) {
    if (isEventId(digits)) seen.add(digits);
  }
  return [...seen];
}
