import { withoutLinkMarks } from './action-text';
import { NOTICE_OPERATES, type EventRecord, type LogEntry } from '../model/record';
import { noticeOutcome } from './notice-outcome';
import type { NoticeCounts, NoticeItem, NoticeSummary } from './summarize-types';

/**
 * Every notification (ANOMALY/RECOVERY/CLOSE_NOTICE, ACTION, and ALERT_QOS
 * throttling) with its outcome, and the counts per outcome. Assignment
 * records (ACTION texts that only say who owns the alert) are not notices.
 */
export function summarizeNotices(timeline: readonly LogEntry[]): NoticeSummary {
  const problems: NoticeItem[] = [];
  const failedActions: NoticeItem[] = [];
  const shielded: NoticeItem[] = [];
  const skipped: NoticeItem[] = [];
  const running: NoticeItem[] = [];
  const counts: NoticeCounts = { total: 0, succeeded: 0, triggered: 0, failed: 0, partial: 0, shielded: 0, skipped: 0, running: 0, unknown: 0 };

  for (const entry of timeline) {
    if (entry.kind !== 'record' || !(NOTICE_OPERATES.has(entry.operate) || entry.operate === 'ALERT_QOS')) continue;
    const item = noticeItem(entry);
    if (item === null) continue;
    if (item.kind === 'action') {
      if (item.outcome === 'failed' || item.outcome === 'partial') failedActions.push(item);
      continue;
    }
    counts.total += 1;
    counts[item.outcome] += 1;
    if (item.outcome === 'failed' || item.outcome === 'partial') problems.push(item);
    else if (item.outcome === 'shielded') shielded.push(item);
    else if (item.outcome === 'skipped') skipped.push(item);
    else if (item.outcome === 'running') running.push(item);
  }
  return { problems, failedActions, shielded, skipped, running, counts };
}

function noticeItem(record: EventRecord): NoticeItem | null {
  // New-generation texts mark dropped links as $label$: keep the words.
  const reason = (record.operate === 'ACTION' ? withoutLinkMarks(record.message) : record.message).trim();
  const reading = noticeOutcome(record);
  if (reading.kind === 'none') return null;
  return {
    record,
    kind: reading.kind,
    outcome: reading.outcome,
    why: reading.why,
    signal: reading.signal,
    reason: reason === '' ? null : reason,
    emptyReceiver: reading.emptyReceiver,
    groups: record.notice?.groups ?? [],
    shield: record.notice?.shield ?? null,
  };
}
