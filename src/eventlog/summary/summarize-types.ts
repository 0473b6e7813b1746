import type { AlertSeverity, AlertLookup } from '../model/alert-context';
import type { ActionTextWhy } from './action-text';
import type { DeliveryLookup } from '../deliveries/deliveries';
import type { EventRecord, LogEntry, NoticeGroup, TimeWindow } from '../model/record';

/**
 * What summarize() produces: everything the renderer needs to answer
 * "what happened to this event, and did anyone get told?" without looking at
 * raw records again (except to draw the timeline).
 */

/** Where the event stands after its last lifecycle record. */
export type EventState = 'open' | 'acknowledged' | 'recovering' | 'recovered' | 'closed';

/** The first acknowledgement: when, by whom, with what note. */
export interface Acknowledgement {
  atMs: number | null;
  /** BlueKing username, when the record names one. */
  by: string | null;
  note: string | null;
}

export interface Lifecycle {
  state: EventState;
  /** Time of the CREATE record, or of the earliest readable record when there is none. */
  startedAtMs: number | null;
  ack: Acknowledgement | null;
  /** First RECOVER / SYSTEM_RECOVER. */
  recoveredAtMs: number | null;
  /** The first close was SYSTEM_CLOSE. */
  closedBySystem: boolean;
  /** Start to the first ACK. */
  timeToAckMs: number | null;
  /** Start to the first RECOVER / SYSTEM_RECOVER. */
  timeToRecoverMs: number | null;
  /** Start to the first CLOSE / SYSTEM_CLOSE. */
  timeToCloseMs: number | null;
  /** Start to end (closed, else recovered), or start to now while the event is still going. */
  durationMs: number | null;
  /** Notable turns worth a word in the verdict. */
  delayedRecoveries: number;
  abortedRecoveries: number;
  severityRaises: number;
}

/**
 * How one notification ended, from its status (old generation) or its text (new).
 * `triggered` = started, delivery unknown to the log; `skipped` = held back on
 * purpose (acknowledged, throttled, noise reduction); `unknown` = a status we have no word for.
 */
export type NoticeOutcome = 'succeeded' | 'triggered' | 'failed' | 'partial' | 'shielded' | 'skipped' | 'running' | 'unknown';

export interface NoticeItem {
  record: EventRecord;
  /** A notice tells people; an action is a webhook, job or other action set. */
  kind: 'notice' | 'action';
  outcome: NoticeOutcome;
  /** Why it was held back or failed without trying, when the text says. */
  why: ActionTextWhy;
  /** 告警触发时 … (new generation), else null. */
  signal: string | null;
  /** Upstream reason (`message`), when there is one. */
  reason: string | null;
  emptyReceiver: boolean;
  /** Who was to be told and how. */
  groups: NoticeGroup[];
  shield: { type: string; detail: string } | null;
}

export interface NoticeCounts {
  total: number;
  succeeded: number;
  triggered: number;
  skipped: number;
  failed: number;
  partial: number;
  shielded: number;
  running: number;
  unknown: number;
}

export interface NoticeSummary {
  /** Failed and partly failed notifications, chronological: what the callout lists. */
  problems: NoticeItem[];
  /** Other actions (webhook, job, circuit-broken action sets) the log says failed. */
  failedActions: NoticeItem[];
  shielded: NoticeItem[];
  /** Held back on purpose (acknowledged, throttled, noise reduction). */
  skipped: NoticeItem[];
  running: NoticeItem[];
  /** Per outcome, over notifications only (other actions are not notices). */
  counts: NoticeCounts;
}

export interface ConvergenceSummary {
  /** Number of CONVERGE records. */
  rounds: number;
  /** Sum of known anomaly counts; null when no record carried one. */
  anomalyTotal: number | null;
  /** Earliest data-time min to latest data-time max. */
  dataWindow: TimeWindow | null;
  processWindow: TimeWindow | null;
}

export interface EventSummary {
  /** The ID that was asked for, as digits. */
  id: string;
  requestId: string | null;
  /** Upstream `event_id` of the first readable record (the long dotted one in the old generation). */
  eventId: string | null;
  /** All entries, chronological; unreadable ones stay where upstream put them relative to neighbours. */
  timeline: LogEntry[];
  recordCount: number;
  unreadableCount: number;
  lifecycle: Lifecycle;
  notices: NoticeSummary;
  convergence: ConvergenceSummary;
  /** Per-receiver results from search_action, or why there are none. */
  deliveries: DeliveryLookup;
  /** The clock the summary was made at: durations run to it, and dates in its year are shown without one. */
  nowMs: number;
  /** The alert itself from search_alert, or why it is missing. */
  alert: AlertLookup;
  /** What is alerting, where, how bad, and the one state the header shows. */
  subject: Subject;
  /** Who was reached, whether anyone was paged, and what would fix it. */
  paging: Paging;
}

/** The one state the header's mark follows. */
export type HeadState = 'firing' | 'acked' | 'shielded' | 'recovered' | 'closed';

export interface Subject {
  state: HeadState;
  severity: AlertSeverity | null;
  /** The alert's name (search_alert), else null. */
  name: string | null;
  /** Host IP or the first dimension values (search_alert), or the old generation's "[主机 10.0.1.23]". */
  target: string | null;
  /** The CREATE text without its target and trigger condition, when no name says what it is. */
  what: string | null;
  /** Assignees and appointees, de-duplicated (search_alert). */
  owners: string[];
  /** Who acked: search_alert's ack_operator, else the ACK record's name. */
  ackBy: string | null;
  /** Shielded now, and for how long as BlueKing words it ("1h 20m"; '' when it does not say). */
  shieldLeft: string | null;
  /** From search_alert (true) or the log alone (false). */
  fromAlert: boolean;
}

/** Why nobody was paged: no notice at all on an open alert, every notice found no receivers, or an escalation with no group. */
export type NobodyPaged = 'no_notice' | 'no_receivers' | 'no_escalation_group';

export type NextStep =
  /** A notice group resolved to nobody: the duty rota is empty. */
  | { kind: 'fix_rota' }
  /** BlueKing could not use these users' phone numbers. */
  | { kind: 'fix_phone'; who: string[] }
  /** An escalation was skipped: no escalation group is configured. */
  | { kind: 'no_escalation_group' };

/** One person and the ways that reached them (or failed to). */
export interface PersonWays {
  who: string;
  ways: string[];
}

export interface Paging {
  reached: PersonWays[];
  /** People every delivery to whom failed. */
  notReached: PersonWays[];
  nobodyPaged: NobodyPaged | null;
  nextSteps: NextStep[];
}
