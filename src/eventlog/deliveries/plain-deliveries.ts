import type { AlertLookup } from '../model/alert-context';
import type { DeliveryLookup } from './deliveries';
import { LookupError, plainLookupError, type PlainLookupError } from '../model/lookup-error';

/**
 * The parts beside a log (per-receiver results, the alert) as plain data, for
 * a worker thread or the shared store: a failed side call carries its
 * LookupError (a class) as plain fields. The shared store reads them back
 * checking every field (shared-answer-codec.ts); a worker, posted them by this process, trusts them.
 */
type PlainAbsence<A> = A extends { kind: 'failed'; error: LookupError } ? { kind: 'failed'; error: PlainLookupError } : A;
export type PlainPart<L> = L extends { kind: 'absent'; absence: infer A } ? { kind: 'absent'; absence: PlainAbsence<A> } : L;

export type PlainDeliveries = PlainPart<DeliveryLookup>;
export type PlainAlert = PlainPart<AlertLookup>;

type Part = DeliveryLookup | AlertLookup;

export function plainPart<L extends Part>(part: L): PlainPart<L> {
  if (part.kind === 'present' || part.absence.kind !== 'failed') return part as PlainPart<L>;
  return { kind: 'absent', absence: { kind: 'failed', error: plainLookupError(part.absence.error) } } as PlainPart<L>;
}

/** The part again, from plain data this process made (no checks: see shared-answer-codec.ts for stored data). */
export function partFromPlain<L extends Part>(plain: PlainPart<L>): L {
  const part = plain as PlainPart<Part>;
  if (part.kind === 'present' || part.absence.kind !== 'failed') return plain as L;
  return { kind: 'absent', absence: { kind: 'failed', error: new LookupError(part.absence.error) } } as L;
}

export const plainDeliveries = (deliveries: DeliveryLookup): PlainDeliveries => plainPart(deliveries);
export const deliveriesFromPlain = (plain: PlainDeliveries): DeliveryLookup => partFromPlain<DeliveryLookup>(plain);
export const plainAlert = (alert: AlertLookup): PlainAlert => plainPart(alert);
export const alertFromPlain = (plain: PlainAlert): AlertLookup => partFromPlain<AlertLookup>(plain);
