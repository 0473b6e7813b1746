import { LookupError } from './lookup-error';
import { summarizeDeliveries, type DeliveryLookup } from './deliveries';
import type { EventLog } from './record';
import type { BkIdentity, EventLogSource } from './source';

/** BK_NOTICE_RESULTS: `auto` asks search_action for new-generation alerts; `off` never does. */
export type NoticeResultsSetting = 'auto' | 'off';

/** One lookup's answer: the event log and, beside it, the per-receiver results or why there are none. */
export interface FetchedLog {
  log: EventLog;
  deliveries: DeliveryLookup;
}

// New-generation alert IDs: 10 digits of Unix time plus a sequence. Old-generation event IDs are
// small integers, and their log carries real per-notice statuses: no second call for those.
const ALERT_ID = /^\d{15,}$/;

const OFF: DeliveryLookup = { kind: 'absent', absence: { kind: 'off' } };
const NOT_ASKED: DeliveryLookup = { kind: 'absent', absence: { kind: 'not_asked' } };

/**
 * Fetch the event log and, for a new-generation alert, its actions from
 * search_action at the same time (so the answer is as slow as the slower of
 * the two, not their sum). A failing second call never fails the lookup: it
 * becomes "absent, because …". When the event log fails, the second call is
 * cancelled and the log's error is what the caller sees.
 */
export async function fetchLogWithDeliveries(
  source: EventLogSource,
  id: string,
  identity: BkIdentity,
  setting: NoticeResultsSetting,
  signal?: AbortSignal,
): Promise<FetchedLog> {
  const fetchActions = source.fetchActions?.bind(source);
  if (setting === 'off' || fetchActions === undefined || !ALERT_ID.test(id)) {
    const log = await source.fetchEventLog(id, identity, signal);
    return { log, deliveries: setting === 'off' ? OFF : NOT_ASKED };
  }
  const second = new AbortController();
  // With the lookup's own reason, so its deadline passing reads as a timeout in the second call too.
  const onAbort = (): void => second.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  // Both calls start now; the event log is awaited first (in this same turn, so its failure is never unhandled).
  const logCall = source.fetchEventLog(id, identity, signal);
  const deliveries = fetchActions(id, identity, second.signal).then(
    (list): DeliveryLookup => ({ kind: 'present', report: summarizeDeliveries(list) }),
    (err: unknown): DeliveryLookup => ({ kind: 'absent', absence: { kind: 'failed', error: asLookupError(err) } }),
  );
  try {
    const log = await logCall;
    if (log.generation === 'old') {
      // An old-generation answer after all: its own statuses are the truth.
      second.abort();
      return { log, deliveries: NOT_ASKED };
    }
    return { log, deliveries: await deliveries };
  } catch (err) {
    second.abort();
    await deliveries;
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** A bug while reading search_action must not fail the lookup either: it is an internal failure of that part. */
function asLookupError(err: unknown): LookupError {
  return err instanceof LookupError ? err : new LookupError({ kind: 'internal', upstreamMessage: err instanceof Error ? err.name : null });
}
