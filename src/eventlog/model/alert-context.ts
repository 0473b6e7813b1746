import type { LookupError } from './lookup-error';

/**
 * The alert itself, as `monitor_v3/search_alert` reports it (Monitor 3.6+):
 * what is alerting, where, how bad, whether it still fires, who owns it, and
 * its ack and shield state. The event log tells the history; this tells the
 * present. Field meanings are from bk-monitor's AlertDocument.
 */

/** `status`: ABNORMAL 未恢复 (firing), RECOVERED 已恢复, CLOSED 已失效; anything else kept raw. */
export type AlertStatus = 'ABNORMAL' | 'RECOVERED' | 'CLOSED' | (string & {});

/** `severity`: 1 致命 fatal, 2 预警 warning, 3 提醒 reminder; null when absent or unknown. */
export type AlertSeverity = 1 | 2 | 3;

export interface AlertDimension {
  key: string;
  value: string;
  /** `display_key` / `display_value`, as BlueKing shows them (may equal key / value). */
  displayKey: string;
  displayValue: string;
}

export interface AlertContext {
  id: string;
  name: string;
  status: AlertStatus;
  severity: AlertSeverity | null;
  bizId: number | null;
  bizName: string;
  strategyId: number | null;
  strategyName: string;
  description: string;
  /** `target_type`: HOST, SERVICE, … ('' when none). */
  targetType: string;
  /** `target`, e.g. "10.0.0.1|0" ('' when none). */
  target: string;
  ip: string;
  dimensions: AlertDimension[];
  assignees: string[];
  appointees: string[];
  supervisors: string[];
  followers: string[];
  isAck: boolean;
  ackOperator: string;
  isShielded: boolean;
  shieldIds: string[];
  /** `shield_left_time` as BlueKing words it ("1h 20m"); '' when none. */
  shieldLeftTime: string;
  isHandled: boolean;
  isBlocked: boolean;
  /** Epoch milliseconds; null when absent (end: still open). */
  beginAtMs: number | null;
  endAtMs: number | null;
  latestAtMs: number | null;
  /** `metric_display` names, e.g. ["CPU使用率"]. */
  metrics: string[];
}

/** Why an alert's context is missing from an answer. */
export type AlertAbsence =
  | { kind: 'off' }
  /** Old-generation event IDs have no alert document; demo sources may have none either. */
  | { kind: 'not_asked' }
  /** search_alert answered, but no alert with this ID in the window (or not visible to this identity). */
  | { kind: 'not_found' }
  | { kind: 'failed'; error: LookupError };

export type AlertLookup = { kind: 'present'; alert: AlertContext } | { kind: 'absent'; absence: AlertAbsence };
