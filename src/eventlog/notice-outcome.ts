import type { EventRecord } from './record';
import type { NoticeOutcome } from './summarize-types';

const OUTCOME_BY_STATUS: Readonly<Record<string, NoticeOutcome>> = {
  SUCCESS: 'succeeded',
  FAILED: 'failed',
  PARTIAL_SUCCESS: 'partial',
  SHIELDED: 'shielded',
  RUNNING: 'running',
};

// New-generation ACTION records always carry status SUCCESS (the record was written), so the
// notice's own outcome is only in its text, from templates such as
// "发送{{notice_way_display}}告警通知给{{notice_receiver}}{{status_display}}" and
// "达到通知告警的执行条件【…】，当前通知人员为空".
const EMPTY_RECEIVERS = /(通知|接收)(人|人员|对象)为空|no (notice )?receivers?|receivers? (is |are )?empty/i;
const PARTIAL = /部分(成功|失败)|partial(ly)?/i;
const FAILED = /失败|超时|\bfail(ed|ure)?\b|\berror\b|\btimed? ?out\b/i;
const SHIELDED = /屏蔽|\bshield(ed)?\b|\bsuppress(ed)?\b/i;
const RUNNING = /执行中|处理中|发送中|\brunning\b|\bin progress\b/i;

/** Which outcome a notification record had, and whether it failed for want of receivers. */
export function noticeOutcome(record: EventRecord): { outcome: NoticeOutcome; emptyReceiver: boolean } {
  const emptyFlag = record.notice?.emptyReceiver ?? false;
  const byStatus = Object.hasOwn(OUTCOME_BY_STATUS, record.status) ? (OUTCOME_BY_STATUS[record.status] ?? 'unknown') : 'unknown';
  // The throttling record of the new generation: a notice that was not sent on purpose.
  if (record.operate === 'ALERT_QOS') return { outcome: 'shielded', emptyReceiver: false };
  if (record.operate !== 'ACTION' || (byStatus !== 'succeeded' && byStatus !== 'unknown')) return { outcome: byStatus, emptyReceiver: emptyFlag };
  const text = record.message;
  if (EMPTY_RECEIVERS.test(text)) return { outcome: 'failed', emptyReceiver: true };
  if (PARTIAL.test(text)) return { outcome: 'partial', emptyReceiver: emptyFlag };
  if (FAILED.test(text)) return { outcome: 'failed', emptyReceiver: emptyFlag };
  if (SHIELDED.test(text)) return { outcome: 'shielded', emptyReceiver: emptyFlag };
  if (RUNNING.test(text)) return { outcome: 'running', emptyReceiver: emptyFlag };
  return { outcome: byStatus, emptyReceiver: emptyFlag };
}

const STATUS_BY_OUTCOME: Readonly<Partial<Record<NoticeOutcome, string>>> = {
  failed: 'FAILED',
  partial: 'PARTIAL_SUCCESS',
  shielded: 'SHIELDED',
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
