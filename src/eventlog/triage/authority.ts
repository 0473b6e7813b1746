import type { AlertContext } from '../model/alert-context';
import type { AuthorityBasis } from './triage-types';

/**
 * Who may act on an alert, the way bk-monitor's web UI decides it: one of its
 * assignees, appointees or supervisors (followers may only look), or anyone
 * holding IAM view_event_v2 on its business. Pure: the alert and the user's
 * businesses are BlueKing's answers at the moment of the act.
 */

/** The user's place among the alert's owners, or null (then the business decides). */
export function ownerBasis(alert: AlertContext, bkUser: string): AuthorityBasis | null {
  if (alert.assignees.includes(bkUser)) return 'assignee';
  if (alert.appointees.includes(bkUser)) return 'appointee';
  if (alert.supervisors.includes(bkUser)) return 'supervisor';
  return null;
}

/** True when the alert's business is among those where the user holds view_event_v2. */
export function businessAllows(alert: AlertContext, businesses: readonly number[]): boolean {
  return alert.bizId !== null && businesses.includes(alert.bizId);
}

/** Whether the alert can still take this act: only a firing alert is acked or shielded. */
export function isOpen(alert: AlertContext): boolean {
  return alert.status === 'ABNORMAL';
}
