import type { DeliveryLookup } from '../deliveries/deliveries';
import type { AlertLookup } from '../model/alert-context';
import type { LookupError } from '../model/lookup-error';
import type { EventLog } from '../model/record';

/** One lookup's answer: the event log and, beside it, the per-receiver results and the alert itself, or why each is missing. */
export interface FetchedLog {
  log: EventLog;
  deliveries: DeliveryLookup;
  alert: AlertLookup;
}

/** What came of asking BlueKing for one log: the log (with its per-receiver results and alert), BlueKing's failure, or no free slot in time. */
export type Fetched = ({ kind: 'ok' } & FetchedLog) | { kind: 'failed'; error: LookupError } | { kind: 'busy' };
