import type { BkIdentity } from './bk-identity';
import type { ActionList } from './action-record';
import type { AlertContext } from './alert-context';
import type { EventLog, RawEventLog, RawLogParts } from './record';
import type { TriageSource } from './triage-source';

export type { BkIdentity };

/**
 * Where event logs come from: the real BlueKing client or the built-in demo
 * data. Throws LookupError on every failure.
 */
export interface EventLogSource {
  fetchEventLog(id: string, identity: BkIdentity, signal?: AbortSignal): Promise<EventLog>;
  /**
   * The alert's action records from search_action, parents and children, all
   * pages. Optional: a source without it gives no per-receiver results.
   */
  fetchActions?(alertId: string, identity: BkIdentity, signal?: AbortSignal): Promise<ActionList>;
  /**
   * The alert itself from search_alert (new generation): null when BlueKing
   * has no such alert in its window. Optional: a source without it gives no
   * alert context.
   */
  fetchAlert?(alertId: string, identity: BkIdentity, signal?: AbortSignal): Promise<AlertContext | null>;
  /**
   * A log this source kept raw (see EventLog.raw), built again from its parts:
   * how another replica's answer, kept in the shared store as bytes, becomes a
   * log here. Optional: a source that keeps no log raw needs none.
   */
  rawLog?(parts: RawLogParts): RawEventLog;
  /** Acting on alerts (ack, shield) as the acting user. Optional: without it, no one may act. */
  triage?: TriageSource;
}
