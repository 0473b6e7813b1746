import type { Lang } from '../config';
import type { EventSummary } from '../eventlog/summary/summarize-types';
import { messagesFor } from '../i18n/catalog';
import { formatDuration } from './duration';
import { RENDER_BUDGET } from './limits';
import { deliveryReport } from './deliveries';
import { HEAD_MARK } from './marks';
import { clipInline, clipPlain, cutEscaped } from './mrkdwn';
import { alertUnavailableLine, pagingLines, pushClause } from './paging-verdict';

/**
 * The verdict: what a phone shows first. A header that says what is alerting,
 * where, how bad and how it stands ("🔴 Fatal · CPU使用率告警 · 10.0.3.8 · Firing",
 * the mark following the state only), one section (how long, owner, ack; did
 * the page reach anyone, and what to do; counts), and the one-line top-level
 * text used for push notifications, which says the same first.
 */

/** The header's parts without its mark, as plain text: severity, name (or the event), target, state. */
function headParts(summary: EventSummary, lang: Lang): string[] {
  const { render: words, firstScreen } = messagesFor(lang);
  const s = summary.subject;
  const parts: string[] = [];
  if (s.severity !== null) parts.push(firstScreen.severity[s.severity]);
  parts.push(s.name === null ? words.event(summary.id) : clipPlain(s.name, RENDER_BUDGET.label));
  if (s.target !== null) parts.push(clipPlain(s.target, RENDER_BUDGET.label));
  parts.push(firstScreen.state[s.state]);
  return parts;
}

/** "🔴 Fatal · CPU使用率告警 · 10.0.3.8 · Firing": the mark follows the state, never a failure. Plain text. */
export function headerText(summary: EventSummary, lang: Lang): string {
  return `${HEAD_MARK[summary.subject.state]} ${headParts(summary, lang).join(messagesFor(lang).firstScreen.partSeparator)}`;
}

/** The verdict section: state and people, what it is (when no name says), paging, next steps, why the alert is missing, counts. */
export function verdictText(summary: EventSummary, lang: Lang): string {
  const lines = [stateLine(summary, lang)];
  const what = summary.subject.name === null ? summary.subject.what : null;
  if (what !== null) lines.push(`_${clipInline(what, RENDER_BUDGET.note)}_`);
  lines.push(...pagingLines(summary, lang));
  const missing = alertUnavailableLine(summary, lang);
  if (missing !== null) lines.push(missing);
  lines.push(countsLine(summary, lang));
  return lines.join('\n');
}

/** "🔴 Fatal · CPU使用率告警 · 10.0.3.8 · Firing — 2 of 6 pages failed (voice → lisi)": escaped, short, the header first. */
export function pushText(summary: EventSummary, lang: Lang): string {
  const { firstScreen, render } = messagesFor(lang);
  const head = `${HEAD_MARK[summary.subject.state]} ${headParts(summary, lang)
    .map((part) => clipInline(part, RENDER_BUDGET.label))
    .join(firstScreen.partSeparator)}`;
  const clause = pushClause(summary, lang);
  return cutEscaped(clause === null ? head : `${head}${render.failureSeparator}${clause}`, RENDER_BUDGET.pushText);
}

function stateLine(summary: EventSummary, lang: Lang): string {
  const { render: words, firstScreen } = messagesFor(lang);
  const { lifecycle, subject } = summary;
  const parts: string[] = [];
  const ended = subject.state === 'recovered' || subject.state === 'closed';
  if (ended) {
    parts.push(words.endedAfter(firstScreen.state[subject.state], duration(mainDurationMs(summary), lang), lifecycle.closedBySystem));
  } else {
    const word = subject.state === 'shielded' ? firstScreen.state.firing : firstScreen.state[subject.state];
    parts.push(words.openFor(word, duration(lifecycle.durationMs, lang)));
    if (subject.shieldLeft !== null) parts.push(firstScreen.shieldLeft(clipInline(subject.shieldLeft, RENDER_BUDGET.label)));
  }
  if (subject.owners.length > 0) parts.push(firstScreen.owners(names(subject.owners, lang)));
  if (subject.ackBy !== null || lifecycle.ack !== null) parts.push(ackClause(summary, lang));
  else if (!ended) parts.push(words.notAcked);
  if (!ended && lifecycle.state === 'recovering') parts.push(words.recoveringNow);
  if (lifecycle.severityRaises > 0) parts.push(words.severityRaises(lifecycle.severityRaises));
  if (lifecycle.abortedRecoveries > 0) parts.push(words.abortedRecoveries(lifecycle.abortedRecoveries));
  if (lifecycle.delayedRecoveries > 0) parts.push(words.delayedRecoveries(lifecycle.delayedRecoveries));
  return parts.join(firstScreen.partSeparator);
}

/** Records, convergence and what was held back: the smaller facts, last. */
function countsLine(summary: EventSummary, lang: Lang): string {
  const { render: words, deliveries: deliveryWords } = messagesFor(lang);
  const parts = [words.records(summary.recordCount)];
  const { counts } = summary.notices;
  if (counts.total === 0 && deliveryReport(summary) === null && summary.notices.failedActions.length === 0) parts.push(words.noNotices);
  const { anomalyTotal, rounds } = summary.convergence;
  if (anomalyTotal !== null) parts.push(words.anomaliesConverged(anomalyTotal));
  else if (rounds > 0) parts.push(words.convergeRounds(rounds));
  if (counts.shielded > 0) parts.push(words.shieldedCount(counts.shielded));
  if (counts.skipped > 0) parts.push(deliveryWords.skippedCount(counts.skipped));
  if (counts.running > 0) parts.push(words.runningCount(counts.running));
  if (summary.unreadableCount > 0) parts.push(words.unreadableCount(summary.unreadableCount));
  return parts.join(messagesFor(lang).firstScreen.partSeparator);
}

function ackClause(summary: EventSummary, lang: Lang): string {
  const by = summary.subject.ackBy ?? summary.lifecycle.ack?.by ?? null;
  return messagesFor(lang).render.acked(duration(summary.lifecycle.timeToAckMs, lang), by === null ? null : clipInline(by, RENDER_BUDGET.name));
}

/** "lisi, zhangsan" (three at most, then "+N"), escaped. */
export function names(list: readonly string[], lang: Lang): string {
  const shown = list.slice(0, 3).map((n) => clipInline(n, RENDER_BUDGET.name));
  const more = list.length > shown.length ? ` +${list.length - shown.length}` : '';
  return shown.join(messagesFor(lang).render.listSeparator) + more;
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
