import type { LookupError } from '../model/lookup-error';
import type { ActionList, ActionRecord } from '../model/action-record';
import { shortReason } from './delivery-reason';

/**
 * Per-receiver delivery results, built from an alert's search_action records:
 * one delivery = one notice child (one receiver × one way). Pure.
 *
 * What counts: `success` delivered; `failure` and `blocked` (circuit breaking)
 * failed; `running` still going. `skipped` (merged into another send, or no one
 * to send to) and `shield` were never attempted, so they are counted apart and
 * are neither delivered nor failed.
 */

export type DeliveryOutcome = 'succeeded' | 'failed' | 'running' | 'skipped' | 'shielded' | 'unknown';

export interface Delivery {
  outcome: DeliveryOutcome;
  /** `inputs.notice_way` (voice, sms, …), else ''. */
  way: string;
  /** BlueKing's own word for the way (语音, 短信), else ''. */
  wayLabel: string;
  receivers: string[];
  /** The reason shortened for a phone (CMSI wrapper reduced to its inner message). */
  reason: string;
  /** The reason exactly as BlueKing wrote it. */
  fullReason: string;
  /** Stopped by circuit breaking (已熔断) rather than failing to send. */
  blocked: boolean;
  atMs: number | null;
}

/** One notice (a parent action) and its deliveries. */
export interface NoticeDeliveries {
  /** 告警触发时 / 告警恢复时 …, or the raw signal when BlueKing sent no display. */
  signal: string;
  actionName: string;
  atMs: number | null;
  deliveries: Delivery[];
}

/** A failed action that is not one receiver's delivery: a webhook, a job, or a notice that failed as a whole. */
export interface FailedAction {
  pluginType: string;
  actionName: string;
  signal: string;
  reason: string;
  fullReason: string;
  blocked: boolean;
  atMs: number | null;
}

export interface DeliveryCounts {
  /** Deliveries attempted: succeeded + failed + running + unknown. */
  attempted: number;
  succeeded: number;
  failed: number;
  running: number;
  unknown: number;
  skipped: number;
  shielded: number;
}

export interface DeliveryReport {
  /** Notices in time order, each with its deliveries. */
  notices: NoticeDeliveries[];
  /** Failed deliveries in time order (what the callout lists). */
  failed: Delivery[];
  failedActions: FailedAction[];
  counts: DeliveryCounts;
  /** Action records read, and those that could not be read. */
  actionCount: number;
  unreadable: number;
  /** BlueKing holds more actions than were fetched (over 10,000, or the paging was cut short): counts are a lower bound. */
  incomplete: boolean;
  /** The lookup's deadline stopped the paging (see ActionList.cutShort). */
  cutShort: boolean;
}

/** Why there are no per-receiver results. */
export type DeliveryAbsence =
  /** BK_NOTICE_RESULTS=off. */
  | { kind: 'off' }
  /** Not asked: an old-generation event, whose log carries real notice statuses itself. */
  | { kind: 'not_asked' }
  /** The search_action call failed; the event log itself was fine. */
  | { kind: 'failed'; error: LookupError };

/** The second input of summarize: the report, or why there is none. */
export type DeliveryLookup = { kind: 'present'; report: DeliveryReport } | { kind: 'absent'; absence: DeliveryAbsence };

const OUTCOME_BY_STATUS: Readonly<Record<string, DeliveryOutcome>> = {
  success: 'succeeded',
  partial_success: 'succeeded',
  failure: 'failed',
  partial_failure: 'failed',
  blocked: 'failed',
  running: 'running',
  skipped: 'skipped',
  shield: 'shielded',
};

const FAILED_STATUSES: ReadonlySet<string> = new Set(['failure', 'partial_failure', 'blocked']);

/** Build the report from one alert's actions (parents and children, any order). */
export function summarizeDeliveries(list: ActionList): DeliveryReport {
  const actions = [...list.actions].sort(byTime);
  const parents = new Map<number, NoticeDeliveries>();
  const childrenOf = new Map<number, number>();
  const notices: NoticeDeliveries[] = [];
  const failedActions: FailedAction[] = [];
  const counts: DeliveryCounts = { attempted: 0, succeeded: 0, failed: 0, running: 0, unknown: 0, skipped: 0, shielded: 0 };

  for (const action of actions) {
    if (action.pluginType !== 'notice' || !action.isParent || action.rawId === null) continue;
    const notice: NoticeDeliveries = { signal: signalOf(action), actionName: action.actionName, atMs: action.createdAtMs, deliveries: [] };
    parents.set(action.rawId, notice);
    notices.push(notice);
  }

  const failed: Delivery[] = [];
  for (const action of actions) {
    if (action.pluginType === 'notice' && !action.isParent) {
      const delivery = deliveryOf(action);
      counts[delivery.outcome] += 1;
      if (delivery.outcome === 'failed') failed.push(delivery);
      childrenOf.set(action.parentRawId, (childrenOf.get(action.parentRawId) ?? 0) + 1);
      noticeFor(action, parents, notices).deliveries.push(delivery);
    } else if (action.pluginType !== 'notice' && FAILED_STATUSES.has(action.status)) {
      failedActions.push(failedAction(action));
    }
  }
  // A notice can fail as a whole before any child exists ("通知配置为空"): that is a failure too.
  for (const action of actions) {
    const childless = action.rawId === null || (childrenOf.get(action.rawId) ?? 0) === 0;
    if (action.pluginType === 'notice' && action.isParent && childless && FAILED_STATUSES.has(action.status)) {
      failedActions.push(failedAction(action));
    }
  }
  counts.attempted = counts.succeeded + counts.failed + counts.running + counts.unknown;
  failedActions.sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0));
  return {
    notices,
    failed,
    failedActions,
    counts,
    actionCount: list.actions.length,
    unreadable: list.unreadable,
    incomplete: list.total > list.actions.length + list.unreadable,
    cutShort: list.cutShort === true,
  };
}

function deliveryOf(action: ActionRecord): Delivery {
  const outcome = Object.hasOwn(OUTCOME_BY_STATUS, action.status) ? (OUTCOME_BY_STATUS[action.status] ?? 'unknown') : 'unknown';
  return {
    outcome,
    way: action.noticeWay,
    wayLabel: action.wayLabel,
    receivers: action.receivers,
    reason: shortReason(action.reason),
    fullReason: action.reason,
    blocked: action.status === 'blocked',
    atMs: action.endedAtMs ?? action.createdAtMs,
  };
}

function failedAction(action: ActionRecord): FailedAction {
  return {
    pluginType: action.pluginType,
    actionName: action.actionName,
    signal: signalOf(action),
    reason: shortReason(action.reason),
    fullReason: action.reason,
    blocked: action.status === 'blocked',
    atMs: action.endedAtMs ?? action.createdAtMs,
  };
}

/** The child's parent notice; a child whose parent was not returned gets a notice of its own signal. */
function noticeFor(child: ActionRecord, parents: Map<number, NoticeDeliveries>, notices: NoticeDeliveries[]): NoticeDeliveries {
  const known = parents.get(child.parentRawId);
  if (known) return known;
  const orphan: NoticeDeliveries = { signal: signalOf(child), actionName: child.actionName, atMs: child.createdAtMs, deliveries: [] };
  parents.set(child.parentRawId, orphan);
  notices.push(orphan);
  return orphan;
}

function signalOf(action: ActionRecord): string {
  return action.signalDisplay || action.signal;
}

function byTime(a: ActionRecord, b: ActionRecord): number {
  return (a.createdAtMs ?? 0) - (b.createdAtMs ?? 0) || (a.rawId ?? 0) - (b.rawId ?? 0);
}

/** How far apart a notice record in the log and its parent action may be (both are written as the notice starts). */
const SAME_NOTICE_WITHIN_MS = 60_000;

/**
 * The notice (parent action) a new-generation "达到通知告警的执行条件【signal】…" log record
 * stands for: same signal, nearest in time within a minute; null when none matches.
 */
export function noticeOfRecord(report: DeliveryReport, signal: string, timeMs: number | null): NoticeDeliveries | null {
  if (timeMs === null) return null;
  let best: NoticeDeliveries | null = null;
  let bestGap = SAME_NOTICE_WITHIN_MS + 1;
  for (const notice of report.notices) {
    if (notice.signal !== signal || notice.atMs === null) continue;
    const gap = Math.abs(notice.atMs - timeMs);
    if (gap < bestGap) {
      best = notice;
      bestGap = gap;
    }
  }
  return best;
}

/** A notice's deliveries counted: attempted (succeeded + failed + running + unknown), failed, running. */
export function countNotice(notice: NoticeDeliveries): { attempted: number; failed: number; running: number } {
  let attempted = 0;
  let failed = 0;
  let running = 0;
  for (const d of notice.deliveries) {
    if (d.outcome === 'skipped' || d.outcome === 'shielded') continue;
    attempted += 1;
    if (d.outcome === 'failed') failed += 1;
    if (d.outcome === 'running') running += 1;
  }
  return { attempted, failed, running };
}
