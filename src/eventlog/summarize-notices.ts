import { NOTICE_OPERATES, type EventRecord, type LogEntry } from './record';
import { noticeOutcome } from './notice-outcome';
import type { NoticeCounts, NoticeItem, NoticeSummary } from './summarize-types';

/** Every notification (ANOMALY/RECOVERY/CLOSE_NOTICE, ACTION, and ALERT_QOS throttling) with its outcome, and the counts per outcome. */
export function summarizeNotices(timeline: readonly LogEntry[]): NoticeSummary {
  const problems: NoticeItem[] = [];
  const shielded: NoticeItem[] = [];
  const running: NoticeItem[] = [];
  const counts: NoticeCounts = { total: 0, succeeded: 0, failed: 0, partial: 0, shielded: 0, running: 0, unknown: 0 };

  for (const entry of timeline) {
    if (entry.kind !== 'record' || !(NOTICE_OPERATES.has(entry.operate) || entry.operate === 'ALERT_QOS')) continue;
    const item = noticeItem(entry);
    counts.total += 1;
    counts[item.outcome] += 1;
    if (item.outcome === 'failed' || item.outcome === 'partial') problems.push(item);
    else if (item.outcome === 'shielded') shielded.push(item);
    else if (item.outcome === 'running') running.push(item);
  }
  return { problems, shielded, running, counts };
}

function noticeItem(record: EventRecord): NoticeItem {
  const reason = record.message.trim();
  const { outcome, emptyReceiver } = noticeOutcome(record);
  return {
    record,
    outcome,
    reason: reason === '' ? null : reason,
    emptyReceiver,
    groups: record.notice?.groups ?? [],
    shield: record.notice?.shield ?? null,
  };
}
