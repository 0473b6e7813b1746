import type { types } from '@slack/bolt';
import type { Lang } from '../config';
import { messagesFor } from '../i18n/catalog';
import { contextBlock, packLines } from './blocks';
import { RENDER_BUDGET } from './limits';
import { MARK } from './marks';
import { clipInline } from './mrkdwn';
import type { SlackMessage } from './types';

/** A short message in mrkdwn that is already safe (escaped where it holds untrusted text). */
export interface SafeMessageParts {
  emoji?: string;
  /** Shown bold. */
  title: string;
  lines: readonly string[];
  context?: string;
  /** Top-level text; defaults to the title. */
  text?: string;
}

/**
 * Build a simple message from mrkdwn that is already safe: one section
 * ("emoji *title*" then the lines) and an optional context line.
 * For callers with plain text, use renderPlainMessage, which escapes.
 */
export function safeMessage(parts: SafeMessageParts): SlackMessage {
  const title = parts.emoji ? `${parts.emoji} *${parts.title}*` : `*${parts.title}*`;
  const blocks: types.KnownBlock[] = packLines([title, ...parts.lines.slice(0, RENDER_BUDGET.plainLines)]);
  if (parts.context) blocks.push(contextBlock([parts.context]));
  return { text: parts.text ?? (parts.emoji ? `${parts.emoji} ${parts.title}` : parts.title), blocks };
}

/** Plain-text parts of a simple message; everything is escaped and cut to a sane length. */
export interface PlainMessageParts {
  emoji?: string;
  title: string;
  lines?: readonly string[];
  context?: string;
}

/**
 * A simple ephemeral message ("Looking up event 123…", a refusal, a hint)
 * from plain text: title in bold, one line per entry, optional context. All
 * text is escaped and each part kept to one line of at most 500 characters
 * (at most 20 lines), so user input and upstream words can be passed as they are.
 */
export function renderPlainMessage(parts: PlainMessageParts): SlackMessage {
  const safe = (text: string): string => clipInline(text, RENDER_BUDGET.plainLine);
  return safeMessage({
    emoji: parts.emoji,
    title: safe(parts.title),
    lines: (parts.lines ?? []).map(safe),
    context: parts.context === undefined ? undefined : safe(parts.context),
  });
}

/** Help for the command: every way to ask, in the configured language, under the command's own name. */
export function renderUsage(lang: Lang, command: string = DEFAULT_COMMAND): SlackMessage {
  const usage = messagesFor(lang).replies.usage;
  const named = (text: string): string => withCommand(text, command);
  return safeMessage({ emoji: MARK.hint, title: named(usage.title), lines: usage.lines.map(named), context: usage.context });
}

/** The command as the manifest ships it; a team may rename it (say /bk-eventlog). */
export const DEFAULT_COMMAND = '/eventlog';
const COMMAND_NAME = /^\/[\w-]{1,31}$/;

/** The catalog's "/eventlog" as the command the user actually typed (a renamed one), when Slack names a sane one. */
export function withCommand(text: string, command: string): string {
  return COMMAND_NAME.test(command) && command !== DEFAULT_COMMAND ? text.replace(/\/eventlog\b/g, command) : text;
}
