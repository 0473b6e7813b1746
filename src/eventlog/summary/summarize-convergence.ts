import type { LogEntry, TimeWindow } from '../model/record';
import type { ConvergenceSummary } from './summarize-types';

/** How many CONVERGE rounds, how many anomalies they swallowed, and the overall data and processing windows. */
export function summarizeConvergence(timeline: readonly LogEntry[]): ConvergenceSummary {
  let rounds = 0;
  let anomalyTotal: number | null = null;
  let dataWindow: TimeWindow | null = null;
  let processWindow: TimeWindow | null = null;
  for (const entry of timeline) {
    if (entry.kind !== 'record' || entry.operate !== 'CONVERGE') continue;
    rounds += 1;
    const info = entry.converge;
    if (!info) continue;
    if (info.anomalyCount !== null && Number.isFinite(info.anomalyCount)) {
      anomalyTotal = (anomalyTotal ?? 0) + info.anomalyCount;
    }
    dataWindow = widen(dataWindow, info.dataWindow);
    processWindow = widen(processWindow, info.processWindow);
  }
  return { rounds, anomalyTotal, dataWindow, processWindow };
}

/** The smallest window holding both; a window that runs backwards is ignored. */
function widen(total: TimeWindow | null, next: TimeWindow | null): TimeWindow | null {
  if (!next || !(next.minMs <= next.maxMs)) return total;
  if (!total) return { minMs: next.minMs, maxMs: next.maxMs };
  return { minMs: Math.min(total.minMs, next.minMs), maxMs: Math.max(total.maxMs, next.maxMs) };
}
