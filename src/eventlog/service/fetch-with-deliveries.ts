import { LookupError } from '../model/lookup-error';
import type { AlertLookup } from '../model/alert-context';
import { summarizeDeliveries, type DeliveryLookup } from '../deliveries/deliveries';
import type { AlertContextSetting, NoticeResultsSetting } from '../../config';
import type { FetchedLog } from '../answers/answer';
import type { BkIdentity, EventLogSource } from '../model/source';

/** Which of the calls beside the event log a lookup makes. */
export interface SideCallSettings {
  noticeResults: NoticeResultsSetting;
  alertContext: AlertContextSetting;
}

// New-generation alert IDs: 10 digits of Unix time plus a sequence. Old-generation event IDs are
// small integers with no alert document, and their log carries real per-notice statuses: no side calls for those.
const ALERT_ID = /^\d{15,}$/;

const OFF = { kind: 'absent', absence: { kind: 'off' } } as const;
const NOT_ASKED = { kind: 'absent', absence: { kind: 'not_asked' } } as const;

/**
 * Fetch the event log and, for a new-generation alert, its actions
 * (search_action) and the alert itself (search_alert) at the same time, so
 * the answer is as slow as the slowest call, not their sum. A failing side
 * call never fails the lookup: it becomes "absent, because …". When the
 * event log fails, the side calls are cancelled and the log's error is what the caller sees.
 */
export async function fetchLogWithDeliveries(
  source: EventLogSource,
  id: string,
  identity: BkIdentity,
  settings: SideCallSettings,
  signal?: AbortSignal,
): Promise<FetchedLog> {
  const alertId = ALERT_ID.test(id);
  const fetchActions = settings.noticeResults === 'auto' && alertId ? source.fetchActions?.bind(source) : undefined;
  const fetchAlert = settings.alertContext === 'auto' && alertId ? source.fetchAlert?.bind(source) : undefined;
  const unasked = { deliveries: settings.noticeResults === 'off' ? OFF : NOT_ASKED, alert: settings.alertContext === 'off' ? OFF : NOT_ASKED };
  if (fetchActions === undefined && fetchAlert === undefined) {
    return { log: await source.fetchEventLog(id, identity, signal), ...unasked };
  }
  const side = new AbortController();
  // With the lookup's own reason, so its deadline passing reads as a timeout in the side calls too.
  const onAbort = (): void => side.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  // Every call starts now; the event log is awaited first (in this same turn, so its failure is never unhandled).
  const logCall = source.fetchEventLog(id, identity, signal);
  const deliveries: Promise<DeliveryLookup> = fetchActions
    ? fetchActions(id, identity, side.signal).then((list) => ({ kind: 'present', report: summarizeDeliveries(list) }), failedPart)
    : Promise.resolve(unasked.deliveries);
  const alert: Promise<AlertLookup> = fetchAlert
    ? fetchAlert(id, identity, side.signal).then((found) => (found ? { kind: 'present', alert: found } : { kind: 'absent', absence: { kind: 'not_found' } }), failedPart)
    : Promise.resolve(unasked.alert);
  try {
    const log = await logCall;
    if (log.generation === 'old') {
      // An old-generation answer after all: its own statuses are the truth, and it has no alert document.
      side.abort();
      return { log, deliveries: NOT_ASKED, alert: NOT_ASKED };
    }
    return { log, deliveries: await deliveries, alert: await alert };
  } catch (err) {
    side.abort();
    await Promise.all([deliveries, alert]);
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** A side call's failure, as "absent because …"; a bug while reading its answer is an internal failure of that part only. */
function failedPart(err: unknown): { kind: 'absent'; absence: { kind: 'failed'; error: LookupError } } {
  const error = err instanceof LookupError ? err : new LookupError({ kind: 'internal', upstreamMessage: err instanceof Error ? err.name : null });
  return { kind: 'absent', absence: { kind: 'failed', error } };
}
