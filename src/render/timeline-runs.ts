import { effectiveStatus } from '../eventlog/summary/notice-outcome';
import { NOTICE_OPERATES, type EventRecord, type LogEntry } from '../eventlog/model/record';

/**
 * A storm said once: like records that repeat (the same notice with the same
 * outcome and text, convergence rounds, dropped events, throttling) become one
 * timeline row at the first of them, with their count and span
 *   🚨 10:40–10:58 ×18  Anomaly notice · 通知人为空 (no receivers)
 * while the key moments (created, ack, severity, recovery, close) stay rows of
 * their own. For the message; the Full log lists every record. Pure.
 */

/** The last record of a run and how many records it holds, by its first record. */
export interface Run {
  count: number;
  last: EventRecord;
  /** Convergence rounds: the anomalies they folded, summed (null when no round says). */
  anomalies: number | null;
}

export interface CompressedTimeline {
  /** The timeline with each run's later records left out. */
  timeline: LogEntry[];
  runs: ReadonlyMap<LogEntry, Run>;
}

// Rounds of convergence and dropped events differ only in the values they quote: one run each.
const BY_OPERATE: ReadonlySet<string> = new Set(['CONVERGE', 'EVENT_DROP', 'ALERT_QOS']);

function runKey(record: EventRecord): string | null {
  if (BY_OPERATE.has(record.operate)) return record.operate;
  if (!NOTICE_OPERATES.has(record.operate)) return null;
  return [record.operate, effectiveStatus(record), record.message.trim(), record.notice?.emptyReceiver ?? false].join('\u0000');
}

export function compressTimeline(timeline: readonly LogEntry[], sameResult: (a: EventRecord, b: EventRecord) => boolean = () => true): CompressedTimeline {
  const firstByKey = new Map<string, EventRecord>();
  const runs = new Map<LogEntry, Run>();
  const kept: LogEntry[] = [];
  for (const entry of timeline) {
    const key = entry.kind === 'record' ? runKey(entry) : null;
    const first = key === null ? undefined : firstByKey.get(key);
    if (entry.kind === 'record' && first !== undefined && sameResult(first, entry)) {
      const run = runs.get(first) ?? { count: 1, last: first, anomalies: first.converge?.anomalyCount ?? null };
      const more = entry.converge?.anomalyCount ?? null;
      const anomalies = run.anomalies === null ? more : run.anomalies + (more ?? 0);
      runs.set(first, { count: run.count + 1, last: entry, anomalies });
      continue;
    }
    if (entry.kind === 'record' && key !== null && first === undefined) firstByKey.set(key, entry);
    kept.push(entry);
  }
  return { timeline: kept, runs };
}
