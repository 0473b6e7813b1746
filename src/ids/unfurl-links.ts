/**
 * Which pasted links the bot unfurls (pure): links to BlueKing Monitor on the
 * host of BK_MONITOR_URL that name exactly one event, in the shapes the bot
 * already reads. Links to any other host are never touched.
 */
import { isEventId } from '../eventlog/model/event-id';
import { idsInUrl } from './find-id-mentions';

/** One link to unfurl: the exact URL Slack sent (the key of chat.unfurl's `unfurls`) and the event it names. */
export interface UnfurlTarget {
  url: string;
  id: string;
}

/** Links looked up per message at most: a message pasting dozens of links must not turn into dozens of BlueKing calls. */
export const MAX_UNFURLS_PER_MESSAGE = 5;

/** The links of a link_shared event worth unfurling, first appearance first, each URL once. */
export function unfurlTargets(links: ReadonlyArray<{ url: string }>, monitorUrl: string | null): UnfurlTarget[] {
  const host = monitorUrl === null ? null : hostOf(monitorUrl);
  if (host === null) return [];
  const targets: UnfurlTarget[] = [];
  const seen = new Set<string>();
  for (const { url } of links) {
    if (typeof url !== 'string' || seen.has(url) || hostOf(url) !== host) continue;
    seen.add(url);
    const ids = [...new Set(idsInUrl(url).filter(isEventId))];
    // A link naming two events is not a link to "the" event: leave it alone rather than guess.
    if (ids.length === 1 && ids[0] !== undefined) targets.push({ url, id: ids[0] });
    if (targets.length === MAX_UNFURLS_PER_MESSAGE) break;
  }
  return targets;
}

/** `host[:port]` of an http(s) URL, lower-case; null for anything else. */
function hostOf(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.host.toLowerCase() : null;
}
