/**
 * The places an event ID shows up in chat (docs/bk-monitor-api.md, "Where an ID
 * appears in chat"): labelled text, BlueKing web links, and bare alert IDs.
 * Every pattern is linear in the input: no nested quantifiers, bounded separators.
 */
import { looksLikeAlertId } from '../eventlog/model/event-id';
import type { ScannedText } from './slack-markup';

/** How an ID was recognised. */
export type MentionSource = 'label' | 'link' | 'bare';

export interface IdMention {
  /** The digits as written; may still be unusable (e.g. "0"), callers check with isEventId. */
  digits: string;
  source: MentionSource;
  /** Offset in the scanned prose, for ordering by appearance. */
  at: number;
}

// Punctuation and markup allowed between a label and its number: `告警ID：*123*`, `Alert ID #123`, `event_id=123`.
const LABEL_GAP = String.raw`[\s*_~\`'"“”‘’:：#=（(【\[]{0,12}`;
// A number ends at a non-word character; "123.4" or "123abc" is not an ID.
const NUMBER_END = String.raw`(?![0-9A-Za-z_]|\.[0-9A-Za-z])`;

/** `告警ID: N`, `事件ID：N`, `Alert ID: N`, `Event ID #N` (case-insensitive). */
const LABELLED = new RegExp(
  String.raw`(?:(?:告警|事件)\s{0,2}ID|(?<![A-Za-z0-9_])(?:alert|alarm|event)[ _-]?id)(?![A-Za-z0-9])` +
    LABEL_GAP +
    String.raw`(\d+)` +
    NUMBER_END,
  'gi',
);

/** A bare 15–20 digit number standing on its own (not part of a path, version or word). */
const BARE = new RegExp(String.raw`(?<![0-9A-Za-z_.\-/])(\d{15,20})(?![0-9A-Za-z_]|\.\d)`, 'g');

/** Some other kind of ID just before a number (`action_id : N`, `collectId=N`, `策略ID: N`): not ours. */
const ANOTHER_ID_BEFORE = new RegExp(String.raw`id[\s*_~\`'"“”‘’:：#=（(【\[]*$`, 'i');

/** Web UI routes: `#/event-center/detail/N` and the newer `#/trace/alarm-center/detail/N`. */
const DETAIL_ROUTE = /(event|alarm)-center\/detail\/(\d+)(?![0-9A-Za-z_])/gi;
/** The new alarm center opens action (处理记录) details on the same route, marked like this. */
const ACTION_VIEW = /[?&](?:alarmType|searchType)=action(?![A-Za-z])/i;
/** URL parameters naming the alert: `alertId=N`, `alert_id=N`, `eventId=N`, `event_id=N`. */
const ID_PARAMETER = /(?:^|[?&#;\s])(?:alert_?id|event_?id)=(\d+)(?![0-9A-Za-z_])/gi;
/** The event center opened on one event: `#/event-center?id=N` (plain `id`, so `collectId=`/`action_id=` never match). */
const EVENT_CENTER_ID = /event-center\/?\?(?:[^#\s]*&)?id=(\d+)(?![0-9A-Za-z_])/gi;
/** Event-center searches: `queryString=id : N` (how old `alertId` links are rewritten); read after percent-decoding, so spaces are part of it. */
const QUERY_STRING = /(?:^|[?&#])queryString=([^&#\n]{0,300})/gi;
const QUERY_ID_TERM = /(?<![\w.])id\s*:\s*["']?(\d+)(?![0-9A-Za-z_])/gi;

const LABEL_LOOKBEHIND_CHARS = 24;

/**
 * Find every ID mention in scanned Slack text, in order of appearance.
 * `nowMs` enables bare-number recognition (it needs a clock to judge plausibility);
 * pass null to accept only labelled and linked IDs.
 */
export function findIdMentions(scan: ScannedText, nowMs: number | null): IdMention[] {
  const mentions: IdMention[] = [];
  for (const link of scan.links) {
    for (const digits of idsInLink(decodeUrlPunctuation(link.url))) mentions.push({ digits, source: 'link', at: link.at });
  }
  // A link typed without a scheme (`#/event-center/detail/5`, `alertId=5`) is still a link.
  for (const { digits, at } of linkIdsWithOffsets(scan.prose)) mentions.push({ digits, source: 'link', at });
  for (const m of scan.prose.matchAll(LABELLED)) mentions.push({ digits: m[1], source: 'label', at: m.index });
  if (nowMs !== null) {
    for (const m of scan.prose.matchAll(BARE)) {
      const before = scan.prose.slice(Math.max(0, m.index - LABEL_LOOKBEHIND_CHARS), m.index);
      if (looksLikeAlertId(m[1], nowMs) && !ANOTHER_ID_BEFORE.test(before)) {
        mentions.push({ digits: m[1], source: 'bare', at: m.index });
      }
    }
  }
  // Array.prototype.sort is stable, so IDs from one link keep their order.
  return mentions.sort((a, b) => a.at - b.at);
}

/** IDs one URL names (detail routes, `alertId=`, `?id=` on the event center, `queryString=id : N`), in order; percent-escapes read. */
export function idsInUrl(url: string): string[] {
  return idsInLink(decodeUrlPunctuation(url));
}

/** IDs named by one link, in order. */
function idsInLink(url: string): string[] {
  return linkIdsWithOffsets(url).map((m) => m.digits);
}

function linkIdsWithOffsets(text: string): Array<{ digits: string; at: number }> {
  const found: Array<{ digits: string; at: number }> = [];
  const actionView = ACTION_VIEW.test(text);
  for (const m of text.matchAll(DETAIL_ROUTE)) {
    if (m[1].toLowerCase() === 'alarm' && actionView) continue;
    found.push({ digits: m[2], at: m.index });
  }
  for (const m of text.matchAll(ID_PARAMETER)) found.push({ digits: m[1], at: m.index });
  for (const m of text.matchAll(EVENT_CENTER_ID)) found.push({ digits: m[1], at: m.index });
  for (const m of text.matchAll(QUERY_STRING)) {
    const query = m[1].replace(/\+/g, ' ');
    for (const term of query.matchAll(QUERY_ID_TERM)) found.push({ digits: term[1], at: m.index });
  }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * Decode percent-escapes of printable ASCII only (`%2F`, `%3A`, `%20`…), enough to read
 * a hash route or query term that was URL-encoded (e.g. inside a login redirect).
 * Never throws, unlike decodeURIComponent on malformed input.
 */
function decodeUrlPunctuation(url: string): string {
  return url.replace(/%([2-7][0-9A-Fa-f])/g, (escape, hex: string) => {
    const code = parseInt(hex, 16);
    return code >= 0x20 && code <= 0x7e ? String.fromCharCode(code) : escape;
  });
}
