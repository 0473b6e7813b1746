import type { DeliveryLookup } from './deliveries';
import { LookupError, plainLookupError, type PlainLookupError } from '../model/lookup-error';

/**
 * Per-receiver results as plain data, for a worker thread or the shared
 * store: a failed search_action call carries its LookupError (a class) as
 * plain fields. The shared store reads them back checking every field
 * (shared-answer-codec.ts); a worker, posted them by this process, trusts them.
 */
export type PlainDeliveries =
  | Exclude<DeliveryLookup, { kind: 'absent' }>
  | { kind: 'absent'; absence: { kind: 'off' | 'not_asked' } | { kind: 'failed'; error: PlainLookupError } };

export function plainDeliveries(deliveries: DeliveryLookup): PlainDeliveries {
  if (deliveries.kind === 'present' || deliveries.absence.kind !== 'failed') return deliveries as PlainDeliveries;
  return { kind: 'absent', absence: { kind: 'failed', error: plainLookupError(deliveries.absence.error) } };
}

/** The results again, from plain data this process made (no checks: see shared-answer-codec.ts for stored data). */
export function deliveriesFromPlain(plain: PlainDeliveries): DeliveryLookup {
  if (plain.kind === 'present' || plain.absence.kind !== 'failed') return plain as DeliveryLookup;
  return { kind: 'absent', absence: { kind: 'failed', error: new LookupError(plain.absence.error) } };
}
