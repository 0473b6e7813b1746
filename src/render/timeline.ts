import type { Lang } from '../config';
import { readActionText, withoutLinkMarks } from '../eventlog/summary/action-text';
import { countNotice, noticeOfRecord } from '../eventlog/deliveries/deliveries';
import { effectiveStatus, noticeOutcome } from '../eventlog/summary/notice-outcome';
import type { EventRecord, LogEntry } from '../eventlog/model/record';
import { parseAck } from '../eventlog/summary/summarize-ack';
import type { EventSummary, NoticeOutcome } from '../eventlog/summary/summarize-types';
import { messagesFor } from '../i18n/catalog';
import { dayKey, recordTime } from './date-token';
import { gloss } from './gloss';
import { isKnownStatus, operateLabel, recordEmoji, statusLabel, UNREADABLE_EMOJI } from './labels';
import { RENDER_BUDGET } from './limits';
import { MARK } from './marks';
import { clipInline, visibleLength } from './mrkdwn';
import { saysNoReceivers } from './no-receivers';
import type { TimelinePage } from './paging';
import type { Run } from './timeline-runs';
import type { RenderOptions } from './types';
import { unreadableReasonText } from './unreadable-reason';

/**
 * One page of the timeline as mrkdwn lines, each at most
 * RENDER_BUDGET.timelineLine characters:
 *   ❌ 10:40  Anomaly notice · 通知人为空
 * with "… N earlier/newer records hidden" where the page leaves records out.
 */
export function timelineLines(summary: EventSummary, page: TimelinePage, opts: RenderOptions, runs: ReadonlyMap<LogEntry, Run> = new Map()): string[] {
  const words = messagesFor(opts.lang).render;
  const hint = opts.withActions;
  const lines: string[] = [];
  const results = noticeResults(summary, opts.lang);
  let previousDay: string | null = null;
  const addEntry = (entry: LogEntry): void => {
    const day = entry.kind === 'record' && entry.timeMs !== null ? dayKey(entry.timeMs, opts.timezone) : previousDay;
    // The date is shown on the first line and whenever the day changes; other lines show the time only.
    lines.push(entryLine(entry, day !== previousDay || lines.length === 0, opts, results, runs.get(entry), summary.nowMs));
    previousDay = day;
  };

  const [first, second] = page.segments;
  if (page.index === 0 && first && second) {
    addEntries(summary.timeline, first, addEntry);
    lines.push(words.earlierHidden(page.earlierHidden, hint));
    previousDay = null;
    addEntries(summary.timeline, second, addEntry);
    return lines;
  }
  if (page.earlierHidden > 0) lines.push(words.earlierHidden(page.earlierHidden, hint && page.index + 1 < page.pageCount));
  for (const segment of page.segments) addEntries(summary.timeline, segment, addEntry);
  if (page.newerHidden > 0) lines.push(words.newerHidden(page.newerHidden, hint));
  return lines;
}

function addEntries(timeline: readonly LogEntry[], segment: { start: number; end: number }, add: (entry: LogEntry) => void): void {
  for (let i = segment.start; i < segment.end; i += 1) {
    const entry = timeline[i];
    if (entry) add(entry);
  }
}

/** One timeline line: emoji, time, label, detail; or the unreadable-record line. */
export function entryLine(entry: LogEntry, withDate: boolean, opts: RenderOptions, results: NoticeResults = NO_RESULTS, run?: Run, nowMs: number | null = null): string {
  if (entry.kind === 'unreadable') {
    const reason = unreadableReasonText(entry.reason, opts.lang);
    return `${UNREADABLE_EMOJI} ${messagesFor(opts.lang).render.unreadable(clipInline(reason, RENDER_BUDGET.timelineVisible - 40))}`;
  }
  let time = recordTime(entry.timeMs, entry.rawTime, opts.timezone, withDate, nowMs);
  if (run !== undefined) {
    const { last } = run;
    const lastDay = last.timeMs !== null && entry.timeMs !== null && dayKey(last.timeMs, opts.timezone) !== dayKey(entry.timeMs, opts.timezone);
    time = messagesFor(opts.lang).firstScreen.run(run.count, `${time}–${recordTime(last.timeMs, last.rawTime, opts.timezone, lastDay, nowMs)}`);
  }
  const result = results(entry);
  let prefix = `${result?.emoji ?? lineEmoji(entry)} ${time}  ${clipInline(operateLabel(entry.operate, opts.lang), RENDER_BUDGET.label)}`;
  if (!isKnownStatus(entry.status)) prefix += messagesFor(opts.lang).render.unknownStatus(clipInline(entry.status, RENDER_BUDGET.label / 2));
  // Bounded twice: by markup (so a page fits Slack's total) and by what a phone shows (so a line wraps at most once).
  const budget = Math.min(RENDER_BUDGET.timelineLine - prefix.length, RENDER_BUDGET.timelineVisible - visibleLength(prefix)) - 3;
  const suffix = result === null ? '' : result.text;
  // A run of convergence rounds is said by its total, not by the first round's values.
  const detail = run !== undefined && entry.operate === 'CONVERGE' ? convergedRun(run, opts) : recordDetail(entry, budget - suffix.length, opts) + suffix;
  return detail === '' ? prefix : `${prefix} · ${detail}`;
}

/** What per-receiver data says about a notice line: its emoji and a short count, or null (no data for it). */
type NoticeResults = (entry: EventRecord) => { emoji: string; text: string } | null;
const NO_RESULTS: NoticeResults = () => null;

/**
 * With search_action's answer, a "triggered" notice line shows how its deliveries went:
 *   ❌ 10:40  Action · 达到通知告警的执行条件【告警触发时】，已触发告警通知 → ⚠ 2 of 4 failed
 */
export function noticeResults(summary: EventSummary, lang: Lang): NoticeResults {
  const report = summary.deliveries.kind === 'present' ? summary.deliveries.report : null;
  if (report === null || report.notices.length === 0) return NO_RESULTS;
  return (entry) => {
    if (entry.operate !== 'ACTION') return null;
    const text = readActionText(entry.message);
    if (text.outcome !== 'triggered' || text.signal === null) return null;
    const notice = noticeOfRecord(report, text.signal, entry.timeMs);
    if (notice === null) return null;
    const { attempted, failed, running } = countNotice(notice);
    if (attempted === 0) return null;
    const words = messagesFor(lang).deliveries;
    if (failed > 0) return { emoji: MARK.failed, text: words.timelineFailed(failed, attempted) };
    if (running > 0) return { emoji: MARK.pending, text: words.timelineRunning(running, attempted) };
    return { emoji: MARK.delivered, text: words.timelineSucceeded(attempted) };
  };
}

// A new-generation notice the log says was started (not that it reached anyone: not a ✅), and one held back on purpose.
const ACTION_EMOJI: Readonly<Partial<Record<NoticeOutcome, string>>> = { triggered: MARK.neutral, skipped: MARK.neutral };

function lineEmoji(record: EventRecord): string {
  const special = record.operate === 'ACTION' || record.operate === 'ALERT_QOS' ? ACTION_EMOJI[noticeOutcome(record).outcome] : undefined;
  return special ?? recordEmoji(record.operate, effectiveStatus(record));
}

function convergedRun(run: Run, opts: RenderOptions): string {
  return run.anomalies === null ? '' : messagesFor(opts.lang).render.anomalies(run.anomalies);
}

/** What follows the label, escaped and within `budget` characters. */
function recordDetail(record: EventRecord, budget: number, opts: RenderOptions): string {
  const words = messagesFor(opts.lang).render;
  // New-generation texts mark dropped links as $label$: keep the words.
  const message = (record.operate === 'ACTION' ? withoutLinkMarks(record.message) : record.message).trim();
  if (record.operate === 'ACK') {
    const ack = parseAck(record);
    const by = ack.by ? clipInline(ack.by, Math.min(RENDER_BUDGET.name, Math.floor(budget / 3))) : null;
    const noteBudget = budget - (by?.length ?? 0) - 10;
    return words.ackDetail(by, ack.note ? clipInline(ack.note, noteBudget) : null);
  }
  if (record.operate === 'CONVERGE' && record.converge?.anomalyCount != null && message === '') {
    return words.anomalies(record.converge.anomalyCount);
  }
  const glossed = gloss(message, opts.lang);
  const noReceivers = record.notice?.emptyReceiver && glossed === message && !saysNoReceivers(message, opts.lang) ? words.noReceivers : '';
  if (message !== '') return clipInline(glossed, budget - noReceivers.length) + noReceivers;
  if (record.status === 'SHIELDED') {
    const detail = record.notice?.shield?.detail ?? '';
    return words.shieldedDetail(detail.trim() === '' ? null : clipInline(detail, budget - 15));
  }
  if (record.status === 'PARTIAL_SUCCESS' || record.status === 'FAILED' || record.status === 'RUNNING') {
    return statusLabel(record.status, opts.lang) + noReceivers;
  }
  return '';
}
