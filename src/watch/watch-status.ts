import type { Lang } from '../config';
import { mention } from './watch-render';
import { messagesFor } from '../i18n/catalog';
import { sectionBlock } from '../render/blocks';
import { MARK } from '../render/marks';
import { WATCH_BLOCK_ID } from '../render/footer';
import { escapeMrkdwn } from '../render/mrkdwn';
import { renderPlainMessage } from '../render/plain-message';
import type { SlackMessage } from '../render/types';

/** Short answers, seen only by whoever asked, about starting and stopping watches. */

export function renderWatchStarting(id: string, lang: Lang): SlackMessage {
  return renderPlainMessage({ emoji: '⏳', title: messagesFor(lang).watch.starting(id) });
}

export function renderWatchStarted(id: string, inThread: boolean, lang: Lang): SlackMessage {
  const words = messagesFor(lang).watch;
  return renderPlainMessage({ title: words.started(id, inThread ? words.whereThread : words.whereChannel) });
}

/** The event is already watched in this channel: who started it, and a link to its message when Slack gave one. */
export function renderAlreadyWatched(id: string, startedBy: string, permalink: string | null, lang: Lang): SlackMessage {
  const words = messagesFor(lang).watch;
  // Only an https link Slack itself returned is put in as a link; anything else is left out.
  const link = permalink && /^https:\/\/[^\s<>|]+$/.test(permalink) ? `<${permalink.replace(/&/g, '&amp;')}|${words.linkLabel}>` : null;
  const title = escapeMrkdwn(words.alreadyTitle(id));
  // The section names a user, so it carries the block_id under which mentions are ours.
  const section = { ...sectionBlock(`👁 *${title}*\n${words.alreadyLine(mention(startedBy), link)}`), block_id: WATCH_BLOCK_ID };
  return { text: `👁 ${title}`, blocks: [section] };
}

export function renderWatchFull(max: number, lang: Lang): SlackMessage {
  const words = messagesFor(lang).watch;
  if (max === 0) return renderPlainMessage({ emoji: MARK.warning, title: words.offTitle, lines: [words.offLine] });
  return renderPlainMessage({ emoji: MARK.warning, title: words.fullTitle, lines: [words.fullLine(max)] });
}

/** Nothing to watch: the event is closed already. */
export function renderAlreadyClosed(id: string, lang: Lang): SlackMessage {
  const words = messagesFor(lang).watch;
  return renderPlainMessage({ emoji: '⚪', title: words.closedTitle(id), lines: [words.closedLine(id)] });
}

/** A Stop click from another channel or workspace than the watch's: nothing stopped, and why. */
export function renderStopElsewhere(where: 'channel' | 'team', lang: Lang): SlackMessage {
  const words = messagesFor(lang).watch;
  return renderPlainMessage({ emoji: '🚫', title: words.stopElsewhereTitle, lines: [words.stopElsewhereLine[where]] });
}

export function renderWatchGone(lang: Lang): SlackMessage {
  const words = messagesFor(lang).watch;
  return renderPlainMessage({ emoji: '👁', title: words.goneTitle, lines: [words.goneLine] });
}

