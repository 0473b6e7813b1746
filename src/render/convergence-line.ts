import type { TimeWindow } from '../eventlog/model/record';
import type { EventSummary } from '../eventlog/summary/summarize-types';
import { messagesFor } from '../i18n/catalog';
import { dateToken, dayKey } from './date-token';
import { formatDuration } from './duration';
import type { RenderOptions } from './types';

/**
 * Convergence in one context line, or null when nothing converged:
 * "📦 Converged 52 anomalies in 3 rounds · data 10:38–11:27 (49 min) · processed 10:40–11:29 (49 min)".
 */
export function convergenceLine(summary: EventSummary, opts: RenderOptions): string | null {
  const { rounds, anomalyTotal, dataWindow, processWindow } = summary.convergence;
  // Without counts or windows (the new generation), the verdict's "converged 3 times" says it all.
  if (rounds === 0 || (anomalyTotal === null && !dataWindow && !processWindow)) return null;
  const words = messagesFor(opts.lang).render;
  const parts = [words.convergedSummary(anomalyTotal, rounds)];
  if (dataWindow) parts.push(words.dataWindow(windowRange(dataWindow, opts.timezone, summary.nowMs), windowLength(dataWindow, opts)));
  if (processWindow) parts.push(words.processWindow(windowRange(processWindow, opts.timezone, summary.nowMs), windowLength(processWindow, opts)));
  return parts.join(words.windowSeparator);
}

/** "10:38–11:27" as date tokens; with dates when the window spans days. */
function windowRange(window: TimeWindow, timezone: string, nowMs: number): string {
  const style = dayKey(window.minMs, timezone) === dayKey(window.maxMs, timezone) ? 'time' : 'date-time';
  return `${dateToken(window.minMs, timezone, style, nowMs)}–${dateToken(window.maxMs, timezone, style, nowMs)}`;
}

function windowLength(window: TimeWindow, opts: RenderOptions): string {
  return formatDuration(window.maxMs - window.minMs, opts.lang);
}
