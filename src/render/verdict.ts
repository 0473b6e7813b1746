import type { Lang } from '../config';
import type { EventSummary } from '../eventlog/summary/summarize-types';
import { messagesFor } from '../i18n/catalog';
import { formatDuration } from './duration';
import { RENDER_BUDGET } from './limits';
import { deliveriesFailed, deliveryCountPhrase, deliveryPushClause, deliveryReport } from './deliveries';
import { clipInline, cutEscaped } from './mrkdwn';

/**
 * The verdict: what a phone shows first. A header ("🔴 Event 5310 · Closed"),
 * one short section (state, how long, who acked; counts), and the one-line
 * top-level text used for push notifications.
 */

const STATE_EMOJI = { open: '🔴', acknowledged: '🟠', recovering: '🟡', recovered: '🟢', closed: '⚪' } as const;
const TROUBLE_EMOJI = '🔴';

/** "🔴 Event 5310 · Closed". Red while open, or whenever a notification failed. Plain text. */
export function headerText(summary: EventSummary, lang: Lang): string {
  const words = messagesFor(lang).render;
  const state = summary.lifecycle.state;
  const trouble = summary.notices.problems.length > 0 || summary.notices.failedActions.length > 0 || deliveriesFailed(summary);
  const emoji = trouble ? TROUBLE_EMOJI : STATE_EMOJI[state];
  return `${emoji} ${words.event(summary.id)} · ${words.state[state]}`;
}

/** Two lines: how it stands and for how long, then the counts. */
export function verdictText(summary: EventSummary, lang: Lang): string {
  return `${stateLine(summary, lang)}\n${countsLine(summary, lang)}`;
}

/** "Event 5310 closed after 53 min — 2 notifications failed (通知人为空)": escaped, short. */
export function pushText(summary: EventSummary, lang: Lang): string {
  const words = messagesFor(lang).render;
  const { lifecycle, notices } = summary;
  const ended = isEnded(summary);
  const stateWord = words.state[ended ? lifecycle.state : 'open'];
  let text = words.pushState(clipInline(summary.id, RENDER_BUDGET.name), stateWord, duration(mainDurationMs(summary), lang), ended);
  // Failed deliveries, then failed notices, right after the state: a lock screen shows only the start of the text.
  const deliveryClause = deliveryPushClause(summary, lang);
  if (deliveryClause !== null) text += words.failureSeparator + deliveryClause;
  else if (notices.problems.length > 0) {
    const first = notices.problems[0];
    const reason = first?.reason ? clipInline(first.reason, RENDER_BUDGET.pushReason) : first?.emptyReceiver ? words.noReceiversReason : null;
    text += words.failureSeparator + words.pushFailed(notices.problems.length, reason);
  }
  if (!ended) text += words.clauseSeparator + (lifecycle.ack ? ackClause(summary, lang) : words.notAcked);
  return cutEscaped(text, RENDER_BUDGET.pushText);
}

function stateLine(summary: EventSummary, lang: Lang): string {
  const words = messagesFor(lang).render;
  const { lifecycle } = summary;
  const parts: string[] = [];
  if (isEnded(summary)) {
    parts.push(words.endedAfter(words.state[lifecycle.state], duration(mainDurationMs(summary), lang), lifecycle.closedBySystem));
    if (lifecycle.ack) parts.push(ackClause(summary, lang));
  } else {
    parts.push(words.openFor(words.state.open, duration(lifecycle.durationMs, lang)));
    parts.push(lifecycle.ack ? ackClause(summary, lang) : words.notAcked);
    if (lifecycle.state === 'recovering') parts.push(words.recoveringNow);
  }
  if (lifecycle.severityRaises > 0) parts.push(words.severityRaises(lifecycle.severityRaises));
  if (lifecycle.abortedRecoveries > 0) parts.push(words.abortedRecoveries(lifecycle.abortedRecoveries));
  if (lifecycle.delayedRecoveries > 0) parts.push(words.delayedRecoveries(lifecycle.delayedRecoveries));
  return parts.join(' · ');
}

function countsLine(summary: EventSummary, lang: Lang): string {
  const words = messagesFor(lang).render;
  const parts = [words.records(summary.recordCount), ...noticeCountParts(summary, lang)];
  const { anomalyTotal, rounds } = summary.convergence;
  if (anomalyTotal !== null) parts.push(words.anomaliesConverged(anomalyTotal));
  else if (rounds > 0) parts.push(words.convergeRounds(rounds));
  if (summary.unreadableCount > 0) parts.push(words.unreadableCount(summary.unreadableCount));
  return parts.join(' · ');
}

/**
 * What the notices came to. Per-receiver data speaks for itself; without it a
 * new-generation "triggered" notice is only that, never "sent".
 */
function noticeCountParts(summary: EventSummary, lang: Lang): string[] {
  const { render: words, deliveries: deliveryWords } = messagesFor(lang);
  const { counts } = summary.notices;
  const problems = counts.failed + counts.partial;
  const deliveries = deliveryCountPhrase(summary, lang);
  const report = deliveryReport(summary);
  const parts: string[] = [];
  if (counts.total === 0 && deliveries === null && summary.notices.failedActions.length === 0) return [words.noNotices];
  if (problems > 0) parts.push(words.noticesFailed(problems, counts.total));
  if (deliveries !== null) parts.push(deliveries);
  else if (counts.triggered > 0) parts.push(deliveryWords.noticesTriggered(counts.triggered));
  else if (problems === 0) {
    parts.push(counts.succeeded === counts.total ? words.noticesSent(counts.total) : words.noticesSentOf(counts.succeeded, counts.total));
  }
  const failedActions = report?.failedActions.length ?? summary.notices.failedActions.length;
  if (failedActions > 0) parts.push(deliveryWords.actionsFailed(failedActions));
  if (counts.shielded > 0) parts.push(words.shieldedCount(counts.shielded));
  if (counts.skipped > 0) parts.push(deliveryWords.skippedCount(counts.skipped));
  if (counts.running > 0) parts.push(words.runningCount(counts.running));
  return parts;
}

function ackClause(summary: EventSummary, lang: Lang): string {
  const ack = summary.lifecycle.ack;
  const by = ack?.by ? clipInline(ack.by, RENDER_BUDGET.name) : null;
  return messagesFor(lang).render.acked(duration(summary.lifecycle.timeToAckMs, lang), by);
}

function isEnded(summary: EventSummary): boolean {
  const state = summary.lifecycle.state;
  return state === 'closed' || state === 'recovered';
}

/** How long the event lasted (to close or recovery) or has lasted so far. */
function mainDurationMs(summary: EventSummary): number | null {
  const { lifecycle } = summary;
  if (lifecycle.state === 'closed') return lifecycle.timeToCloseMs;
  if (lifecycle.state === 'recovered') return lifecycle.timeToRecoverMs;
  return lifecycle.durationMs;
}

function duration(ms: number | null, lang: Lang): string | null {
  return ms === null ? null : formatDuration(ms, lang);
}
