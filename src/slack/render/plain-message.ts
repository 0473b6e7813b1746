import type { types } from '@slack/bolt';
import type { Lang } from '../../config';
import { contextBlock, packLines } from './blocks';
import { RENDER_BUDGET } from './limits';
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

const USAGE: Readonly<Record<Lang, { title: string; lines: string[]; context: string }>> = {
  en: {
    title: 'How to use /eventlog',
    lines: [
      '• `/eventlog &lt;id&gt;` — show a BlueKing event’s log (only you see it)',
      '• `/eventlog &lt;id&gt; public` — post it in the channel',
      '• `/eventlog help` — this help',
      '• Message shortcut *Show event log* on an alert post — answers in its thread',
      '• `@bot &lt;id&gt;` in a thread — answers in that thread',
    ],
    context: 'The ID is the alert or event ID from BlueKing Monitor, e.g. `告警ID: 164239028644167`.',
  },
  'zh-CN': {
    title: '/eventlog 用法',
    lines: [
      '• `/eventlog &lt;id&gt;` — 查看蓝鲸事件流水（仅自己可见）',
      '• `/eventlog &lt;id&gt; public` — 发到频道里',
      '• `/eventlog help` — 显示本帮助',
      '• 在告警消息上使用消息快捷方式 *Show event log* — 在该消息的线程中回复',
      '• 在线程中 `@机器人 &lt;id&gt;` — 在该线程中回复',
    ],
    context: 'ID 为蓝鲸监控的告警或事件 ID，例如 `告警ID: 164239028644167`。',
  },
};

/** Help for /eventlog: every way to ask, in the configured language. */
export function renderUsage(lang: Lang): SlackMessage {
  const usage = USAGE[lang];
  return safeMessage({ emoji: 'ℹ️', title: usage.title, lines: usage.lines, context: usage.context });
}
