import type { Lang } from '../config';
import { contextBlock } from '../render/blocks';
import { dateToken } from '../render/date-token';
import { WATCH_BLOCK_ID } from '../render/footer';
import { RENDER_BUDGET } from '../render/limits';
import { gloss } from '../render/gloss';
import { clipInline } from '../render/mrkdwn';
import type { SlackMessage, WatchView } from '../render/types';
import { wayAndWho } from '../render/deliveries';
import type { WatchChange } from './changes';
import type { DeliveryFailure } from './snapshot';
import { RECOVERED_QUIET_MS } from './schedule';
import type { WatchStop } from './watch-record';
import { messagesFor } from '../i18n/catalog';

/** What the watch texts depend on besides the watch itself. */
export interface WatchTextSettings {
  lang: Lang;
  timezone: string;
  maxHours: number;
}

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,30}$/;

/** `<@U…>` for a well-formed user ID; anything else is shown escaped, never as markup. */
export function mention(userId: string): string {
  return SLACK_USER_ID.test(userId) ? `<@${userId}>` : clipInline(userId, RENDER_BUDGET.name);
}

/** The live message's banner and Stop watching button. */
export function liveWatchView(watch: { key: string; startedBy: string; updatedAtMs: number }, settings: WatchTextSettings): WatchView {
  const updated = dateToken(watch.updatedAtMs, settings.timezone, 'time');
  return { kind: 'live', banner: messagesFor(settings.lang).watch.liveBanner(updated, mention(watch.startedBy)), key: watch.key };
}

/** The final message's banner and buttons (Watch again among them). */
export function endedWatchView(watch: { startedBy: string }, stop: WatchStop, settings: WatchTextSettings): WatchView {
  return { kind: 'ended', banner: endedBanner(watch, stop, settings) };
}

/** "👁 Stopped watching: the event was closed · started by @alice". */
export function endedBanner(watch: { startedBy: string }, stop: WatchStop, settings: WatchTextSettings): string {
  return messagesFor(settings.lang).watch.endedBanner(reasonText(stop, settings, true), mention(watch.startedBy));
}

/**
 * One thread reply for one poll: every material change, then the watch's end
 * if it ends now. Short and led by the event, so a push notification says it
 * all. Null when there is nothing to say.
 */
export function threadLine(eventId: string, changes: readonly WatchChange[], stop: WatchStop | null, settings: WatchTextSettings): SlackMessage | null {
  if (changes.length === 0 && stop === null) return null;
  const words = messagesFor(settings.lang).watch;
  const parts = changes.map((change) => changeText(change, settings.lang));
  const withEnd = (mentions: boolean): string => {
    const all = stop ? [...parts, words.ended(reasonText(stop, settings, mentions))] : parts;
    return `${words.lineSubject(clipInline(eventId, RENDER_BUDGET.name))}${words.subjectSeparator}${all.join(words.partSeparator)}`;
  };
  // The push text names nobody (a mention there reads as a raw ID on some clients); the block does.
  return { text: withEnd(false), blocks: [contextBlock([withEnd(true)], WATCH_BLOCK_ID)] };
}

function changeText(change: WatchChange, lang: Lang): string {
  const words = messagesFor(lang).watch;
  switch (change.kind) {
    case 'notices_failed': {
      const reason = change.reason ? clipInline(gloss(change.reason, lang), RENDER_BUDGET.pushReason) : null;
      return words.noticesFailed(change.added, change.failure && reason ? `${failureSubject(change.failure, lang)}${messagesFor(lang).render.reasonSeparator}${reason}` : reason);
    }
    case 'severity_raised':
      return words.severityRaised(change.times);
    case 'acknowledged':
      return words.acknowledged(
        change.by ? clipInline(change.by, RENDER_BUDGET.name) : null,
        change.note ? clipInline(change.note, RENDER_BUDGET.pushReason) : null,
      );
    case 'recovered':
      return words.recovered;
    case 'closed':
      return words.closed(change.bySystem);
  }
}

/** "voice → lisi" / "电话 → lisi、wangwu", or the failed action's name: escaped and short. */
function failureSubject(failure: DeliveryFailure, lang: Lang): string {
  return clipInline(failure.kind === 'action' ? failure.name : wayAndWho(failure, lang), RENDER_BUDGET.name);
}

/** Why a watch stopped, in words; `mentions` = whether a user may be named with `<@U…>`. */
function reasonText(stop: WatchStop, settings: WatchTextSettings, mentions: boolean): string {
  const words = messagesFor(settings.lang).watch.reasons;
  const by = stop.by !== null && mentions ? mention(stop.by) : null;
  switch (stop.reason) {
    case 'closed':
      return words.closed;
    case 'recovered_quiet':
      return words.recoveredQuiet(Math.round(RECOVERED_QUIET_MS / 60_000));
    case 'max_age':
      return words.maxAge(settings.maxHours);
    case 'stopped':
      return by ? words.stoppedBy(by) : words.stopped;
    case 'message_gone':
      return words.messageGone;
    case 'not_in_channel':
      return words.notInChannel;
    case 'channel_archived':
      return words.channelArchived;
    case 'bot_removed':
      return words.botRemoved;
    case 'access_revoked':
      return by ? words.accessRevokedFor(by) : words.accessRevoked;
    case 'restart':
      return words.restart;
    case 'store_lost':
      return words.storeLost;
  }
}

