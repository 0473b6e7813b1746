import type { DeliveryReport } from '../eventlog/deliveries/deliveries';
import type { EventState, EventSummary } from '../eventlog/summary/summarize-types';

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
  /**
   * Per-receiver results (search_action, new generation): whether this poll had
   * them, failed deliveries plus failed actions, succeeded and running
   * deliveries, and the newest failure (a DeliveryFailure as JSON: a string, so
   * snapshots still compare with ===; older snapshots hold "语音 → lisi: reason").
   * A new-generation log only says a notice was triggered, so a failed phone call
   * shows up here and nowhere else. Optional: snapshots stored before these existed lack them.
   */
  deliveriesKnown?: boolean;
  failedDeliveries?: number;
  succeededDeliveries?: number;
  runningDeliveries?: number;
  lastDeliveryFailure?: string | null;
  /**
   * Whether BlueKing says the alert is shielded (search_alert, new generation): the header's 🔕, which no
   * log record shows. Absent when the poll did not learn it (old generation, search_alert failed).
   */
  alertShielded?: boolean;
}

/**
 * The newest failed delivery or action, in parts: the thread line words it in the
 * reader's language (the way's name, how receivers are listed, the colon).
 */
export type DeliveryFailure =
  | { kind: 'delivery'; way: string; wayLabel: string; receivers: string[]; reason: string }
  | { kind: 'action'; name: string; reason: string };

/** A stored `lastDeliveryFailure` read back: its parts, or the text an older snapshot stored as it was. */
export function readDeliveryFailure(stored: string): DeliveryFailure | string {
  try {
    const value: unknown = JSON.parse(stored);
    if (isDeliveryFailure(value)) return value;
  } catch {
    // An older snapshot's plain text.
  }
  return stored;
}

function isDeliveryFailure(value: unknown): value is DeliveryFailure {
  if (typeof value !== 'object' || value === null || !('kind' in value) || !('reason' in value) || typeof value.reason !== 'string') return false;
  if (value.kind === 'action') return 'name' in value && typeof value.name === 'string';
  return (
    value.kind === 'delivery' &&
    'way' in value &&
    typeof value.way === 'string' &&
    'wayLabel' in value &&
    typeof value.wayLabel === 'string' &&
    'receivers' in value &&
    Array.isArray(value.receivers) &&
    value.receivers.every((r) => typeof r === 'string')
  );
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
    ...deliveryFields(summary.deliveries.kind === 'present' ? summary.deliveries.report : null),
    ...(summary.alert.kind === 'present' ? { alertShielded: summary.alert.alert.isShielded } : {}),
  };
}

type DeliveryFields = Required<Pick<WatchSnapshot, 'deliveriesKnown' | 'failedDeliveries' | 'succeededDeliveries' | 'runningDeliveries' | 'lastDeliveryFailure'>>;

function deliveryFields(report: DeliveryReport | null): DeliveryFields {
  if (report === null) return { deliveriesKnown: false, failedDeliveries: 0, succeededDeliveries: 0, runningDeliveries: 0, lastDeliveryFailure: null };
  const newestDelivery = report.failed[report.failed.length - 1] ?? null;
  const newestAction = report.failedActions[report.failedActions.length - 1] ?? null;
  const useAction = newestAction !== null && (newestDelivery === null || (newestAction.atMs ?? 0) > (newestDelivery.atMs ?? 0));
  let failure: DeliveryFailure | null = null;
  if (useAction) failure = { kind: 'action', name: newestAction.actionName, reason: newestAction.reason };
  else if (newestDelivery !== null) {
    const { way, wayLabel, receivers, reason } = newestDelivery;
    failure = { kind: 'delivery', way, wayLabel, receivers, reason };
  }
  const lastDeliveryFailure = failure === null ? null : JSON.stringify(failure);
  return {
    deliveriesKnown: true,
    failedDeliveries: report.counts.failed + report.failedActions.length,
    succeededDeliveries: report.counts.succeeded,
    runningDeliveries: report.counts.running,
    lastDeliveryFailure,
  };
}

/**
 * A poll whose search_action call failed knows nothing new about deliveries:
 * it keeps what the last poll knew, so the failures seen before are neither
 * forgotten (the message would flap) nor told again when the call works next.
 */
export function keepKnownDeliveries(before: WatchSnapshot, after: WatchSnapshot): WatchSnapshot {
  if (after.deliveriesKnown === true || before.deliveriesKnown !== true) return after;
  const { deliveriesKnown, failedDeliveries, succeededDeliveries, runningDeliveries, lastDeliveryFailure } = before;
  return { ...after, deliveriesKnown, failedDeliveries, succeededDeliveries, runningDeliveries, lastDeliveryFailure };
}

/** Likewise for the alert's shield: a poll whose search_alert call failed keeps what the last one knew. */
export function keepKnownAlert(before: WatchSnapshot, after: WatchSnapshot): WatchSnapshot {
  if (after.alertShielded !== undefined || before.alertShielded === undefined) return after;
  return { ...after, alertShielded: before.alertShielded };
}

/** Whether the message shows something different now: any field differs. */
export function snapshotsDiffer(before: WatchSnapshot, after: WatchSnapshot): boolean {
  return (Object.keys(after) as Array<keyof WatchSnapshot>).some((key) => before[key] !== after[key]);
}
