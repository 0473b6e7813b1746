import type { AccessDenial, Requester } from '../service/access';
import type { AlertContext } from '../model/alert-context';
import type { IdentityRefusal } from '../service/identity';
import type { LookupError } from '../model/lookup-error';
import type { ShieldReason } from './shield-choices';

/** What a person may do to an alert from Slack (issue 22). */
export type TriageAct = 'ack' | 'shield' | 'unshield';

export type TriageAsk =
  | { act: 'ack'; alertId: string; note: string }
  | { act: 'shield'; alertId: string; minutes: number; reason: ShieldReason; otherText: string }
  | { act: 'unshield'; alertId: string; shieldId: string };

/** One act, as Slack delivered it. Nothing in it grants authority: that comes from BlueKing at the moment of the act. */
export interface TriageRequest extends Requester {
  ask: TriageAsk;
  /** The same for every delivery of one submission (a Slack retry, a replay): it writes once. Null = no such key. */
  onceKey: string | null;
}

export type TriageRefusal =
  /** BK_IDENTITY=service: acting as the shared account for a person is never done. */
  | { kind: 'service_identity' }
  /** No BlueKing write calls here (the source has none). */
  | { kind: 'unavailable' }
  | { kind: 'access'; denied: AccessDenial }
  /** Not on ACTIONS_ALLOWED_USER_IDS. */
  | { kind: 'actions_user' }
  | { kind: 'identity'; why: IdentityRefusal }
  /** Neither an owner of the alert nor holding view_event_v2 on its business. */
  | { kind: 'not_allowed'; bkUser: string; bizId: number | null };

/** Why the acting user may act, as BlueKing's data showed it. */
export type AuthorityBasis = 'assignee' | 'appointee' | 'supervisor' | 'business';

export type TriageOutcome =
  | { kind: 'done'; act: TriageAct; bkUser: string; basis: AuthorityBasis; alert: AlertContext; shield: ShieldDone | null }
  /** Acked or shielded before this act (by `by` when BlueKing says who): nothing was written. */
  | { kind: 'already'; act: TriageAct; by: string; alert: AlertContext }
  /** Recovered or closed: nothing to ack or shield. */
  | { kind: 'not_open'; act: TriageAct; alert: AlertContext }
  /** Lift: the shield named is not on this alert (lifted or expired already). */
  | { kind: 'shield_gone'; alert: AlertContext }
  /** BlueKing took the call, yet the alert read back does not show it. */
  | { kind: 'unconfirmed'; act: TriageAct; alert: AlertContext }
  | { kind: 'not_found'; act: TriageAct }
  /** A delivery of a submission already handled: nothing new written. */
  | { kind: 'repeat'; act: TriageAct }
  /** Another act on this alert held it too long. */
  | { kind: 'busy'; act: TriageAct }
  | { kind: 'refused'; act: TriageAct; refusal: TriageRefusal }
  /** `stage`: reading the alert, the write itself, or reading it back after a write BlueKing accepted. */
  | { kind: 'failed'; act: TriageAct; error: LookupError; stage: 'read' | 'write' | 'verify'; bizId: number | null; component: TriageComponent };

/** The BlueKing component a failed call went to (named in the answer: the wording differs from a lookup's get_event_log). */
export type TriageComponent = 'search_alert' | 'business_list_by_actions' | 'ack_event' | 'add_shield' | 'disable_shield' | 'none';

/** The component each act writes through. */
export const WRITE_COMPONENT: Readonly<Record<TriageAct, TriageComponent>> = { ack: 'ack_event', shield: 'add_shield', unshield: 'disable_shield' };

export interface ShieldDone {
  id: string;
  endsAtMs: number;
}
