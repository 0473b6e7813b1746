import { readActionText, readQosText, type ActionTextKind, type ActionTextWhy } from './action-text';
import type { EventRecord } from '../model/record';
import type { NoticeOutcome } from './summarize-types';

const OUTCOME_BY_STATUS: Readonly<Record<string, NoticeOutcome>> = {
  SUCCESS: 'succeeded',
  FAILED: 'failed',
  PARTIAL_SUCCESS: 'partial',
  SHIELDED: 'shielded',
  RUNNING: 'running',
};

/** What a notification-like record was, and how it went. */
export interface NoticeReading {
  /** `notice` (tells people), `action` (webhook, job…), or `none` (assignment and other records: not in the notice list). */
  kind: 'notice' | 'action' | 'none';
  outcome: NoticeOutcome;
  emptyReceiver: boolean;
  why: ActionTextWhy;
  /** 告警触发时 … for a new-generation notice, else null. */
  signal: string | null;
}

// A text we do not recognise stays a notice, as ACTION records mostly are: never silently dropped.
const KIND: Readonly<Record<ActionTextKind, NoticeReading['kind']>> = { notice: 'notice', action: 'action', assignment: 'none', other: 'notice' };

/**
 * Read one record. The old generation's status is the notice's real outcome.
 * A new-generation ACTION always says SUCCESS (the record was written), so
 * its meaning is in its text; "已触发告警通知" only says a notice was started
 * (`triggered`): whether anyone got it is in search_action, not in the log.
 */
export function noticeOutcome(record: EventRecord): NoticeReading {
  const emptyFlag = record.notice?.emptyReceiver ?? false;
  if (record.operate === 'ALERT_QOS') {
    // The alert was throttled: its notices were held back on purpose.
    return { kind: 'notice', outcome: 'skipped', emptyReceiver: false, why: 'throttled', signal: null };
  }
  const byStatus = Object.hasOwn(OUTCOME_BY_STATUS, record.status) ? (OUTCOME_BY_STATUS[record.status] ?? 'unknown') : 'unknown';
  if (record.operate !== 'ACTION' || (byStatus !== 'succeeded' && byStatus !== 'unknown')) {
    return { kind: 'notice', outcome: byStatus, emptyReceiver: emptyFlag, why: emptyFlag ? 'no_receivers' : null, signal: null };
  }
  const text = readActionText(record.message);
  return {
    kind: KIND[text.kind],
    outcome: text.outcome === 'unknown' ? byStatus : text.outcome,
    emptyReceiver: text.why === 'no_receivers',
    why: text.why,
    signal: text.signal,
  };
}

/** Whether an ALERT_QOS record ends the alert ("告警命中熔断规则，被流控关闭"). */
export function qosClosesAlert(record: EventRecord): boolean {
  return record.operate === 'ALERT_QOS' && readQosText(record.message).closesAlert;
}

const STATUS_BY_OUTCOME: Readonly<Partial<Record<NoticeOutcome, string>>> = {
  failed: 'FAILED',
  partial: 'PARTIAL_SUCCESS',
  shielded: 'SHIELDED',
  skipped: 'SHIELDED',
  running: 'RUNNING',
};

/**
 * The status a new-generation ACTION record would have carried if the
 * upstream had set it from the outcome: so a failed notice is marked ❌ in
 * the timeline like an old-generation FAILED one. Other records keep theirs.
 */
export function effectiveStatus(record: EventRecord): string {
  if (record.operate !== 'ACTION') return record.status;
  return STATUS_BY_OUTCOME[noticeOutcome(record).outcome] ?? record.status;
}
