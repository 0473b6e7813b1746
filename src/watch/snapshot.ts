import type { EventState, EventSummary } from '../eventlog/summarize-types';

/**
 * What a watch remembers of the log between polls: the few numbers and words
 * whose change means the message is stale or a triager must act. Built from
 * the summary, never from request timestamps or the request ID (those change
 * on every call), so an unchanged log is never "updated". Small and JSON-safe:
 * it lives in the store.
 */
export interface WatchSnapshot {
  records: number;
  unreadable: number;
  state: EventState;
  notices: number;
  /** Failed and partly failed notices (what the 🚨 callout lists). */
  failedNotices: number;
  shielded: number;
  running: number;
  acked: boolean;
  ackBy: string | null;
  ackNote: string | null;
  severityRaises: number;
  recovered: boolean;
  closed: boolean;
  closedBySystem: boolean;
  /** Reason of the newest failed notice, for the thread line ("通知人为空"). */
  lastFailureReason: string | null;
  lastFailureNoReceivers: boolean;
}

/** The snapshot of a summarized log. Pure. */
export function snapshotOf(summary: EventSummary): WatchSnapshot {
  const { lifecycle, notices } = summary;
  const newestProblem = notices.problems[notices.problems.length - 1] ?? null;
  return {
    records: summary.recordCount,
    unreadable: summary.unreadableCount,
    state: lifecycle.state,
    notices: notices.counts.total,
    failedNotices: notices.problems.length,
    shielded: notices.counts.shielded,
    running: notices.counts.running,
    acked: lifecycle.ack !== null,
    ackBy: lifecycle.ack?.by ?? null,
    ackNote: lifecycle.ack?.note ?? null,
    severityRaises: lifecycle.severityRaises,
    recovered: lifecycle.recoveredAtMs !== null,
    closed: lifecycle.state === 'closed',
    closedBySystem: lifecycle.closedBySystem,
    lastFailureReason: newestProblem?.reason ?? null,
    lastFailureNoReceivers: newestProblem?.emptyReceiver ?? false,
  };
}

/** Whether the message shows something different now: any field differs. */
export function snapshotsDiffer(before: WatchSnapshot, after: WatchSnapshot): boolean {
  return (Object.keys(after) as Array<keyof WatchSnapshot>).some((key) => before[key] !== after[key]);
}
