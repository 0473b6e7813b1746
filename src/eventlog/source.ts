import type { ActionList } from './action-record';
import type { EventLog } from './record';

/** Who the BlueKing call is made as (the `bk_username` sent). */
export interface BkIdentity {
  username: string | null;
}

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
}
