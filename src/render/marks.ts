import type { HeadState } from '../eventlog/summary/summarize-types';

/**
 * The bot's emoji: one meaning each, the same on every surface (message,
 * thread reply, modal, unfurl, watch, console). A state has its mark; a
 * failure, a warning, a delivery and a hint have theirs; everything else in a
 * timeline is the plain neutral mark. Nothing else is drawn with emoji.
 */
export const MARK = {
  /** Firing, nobody has acked. */
  firing: '🔴',
  /** Firing, acknowledged. */
  acked: '🟠',
  /** Shielded (the alert, or a notice held back by a shield). */
  shielded: '🔕',
  recovered: '🟢',
  closed: '⚪',
  /** Something failed: a page, a notice, a webhook. */
  failed: '🚨',
  /** Worth a look: nobody paged, partly sent, held back, unreadable, data missing. */
  warning: '⚠️',
  /** Delivered: a page or notice that reached someone. */
  delivered: '✅',
  /** What to do next. */
  hint: '💡',
  /** Still going: a lookup, a notice in flight. */
  pending: '⏳',
  /** Watching. */
  watching: '👁',
  /** Any other record. */
  neutral: '▫️',
} as const;

export const HEAD_MARK: Readonly<Record<HeadState, string>> = {
  firing: MARK.firing,
  acked: MARK.acked,
  shielded: MARK.shielded,
  recovered: MARK.recovered,
  closed: MARK.closed,
};
