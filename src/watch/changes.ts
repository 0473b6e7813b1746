import { readDeliveryFailure, type DeliveryFailure, type WatchSnapshot } from './snapshot';

/**
 * The changes a triager must act on, found by comparing two snapshots of the
 * same event's log. Anything else that changed (another converge round, a
 * notice that went out fine) refreshes the message but earns no thread reply.
 */
export type WatchChange =
  | { kind: 'notices_failed'; added: number; reason: string | null; noReceivers: boolean; failure?: DeliveryFailure }
  | { kind: 'acknowledged'; by: string | null; note: string | null }
  | { kind: 'severity_raised'; times: number }
  | { kind: 'recovered' }
  | { kind: 'closed'; bySystem: boolean };

/** Material changes from `before` to `after`, in the order a thread line tells them. Pure. */
export function materialChanges(before: WatchSnapshot, after: WatchSnapshot): WatchChange[] {
  const changes: WatchChange[] = [];
  if (after.failedNotices > before.failedNotices) {
    changes.push({
      kind: 'notices_failed',
      added: after.failedNotices - before.failedNotices,
      reason: after.lastFailureReason,
      noReceivers: after.lastFailureNoReceivers,
    });
  }
  // Failed deliveries (per-receiver results) are new only against a poll that had results too.
  const addedDeliveryFailures = (after.failedDeliveries ?? 0) - (before.failedDeliveries ?? 0);
  if (before.deliveriesKnown === true && after.deliveriesKnown === true && addedDeliveryFailures > 0) {
    const stored = after.lastDeliveryFailure ? readDeliveryFailure(after.lastDeliveryFailure) : null;
    if (stored === null || typeof stored === 'string') changes.push({ kind: 'notices_failed', added: addedDeliveryFailures, reason: stored, noReceivers: false });
    else changes.push({ kind: 'notices_failed', added: addedDeliveryFailures, reason: stored.reason, noReceivers: false, failure: stored });
  }
  if (after.severityRaises > before.severityRaises) changes.push({ kind: 'severity_raised', times: after.severityRaises - before.severityRaises });
  if (after.acked && !before.acked) changes.push({ kind: 'acknowledged', by: after.ackBy, note: after.ackNote });
  if (after.recovered && !before.recovered) changes.push({ kind: 'recovered' });
  if (after.closed && !before.closed) changes.push({ kind: 'closed', bySystem: after.closedBySystem });
  return changes;
}
