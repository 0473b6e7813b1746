import type { AlertContext } from './alert-context';
import type { BkIdentity } from './bk-identity';

/**
 * BlueKing's calls for acting on an alert from Slack (issue 22): read the
 * alert, ack it, shield it, lift a shield, and ask IAM where a user may see
 * alerts. Every call runs as the acting user's own BlueKing identity; the
 * ESB skips bk-monitor's own permission checks, so src/triage/ decides who
 * may call these. Throws LookupError on every failure.
 */
export interface TriageSource {
  fetchAlert(alertId: string, identity: BkIdentity): Promise<AlertContext | null>;
  /** ack_event; BlueKing answers the same whatever happened, so read the alert back to know. */
  ackAlert(ask: AckAsk, identity: BkIdentity): Promise<void>;
  /** add_shield for one alert; resolves with the shield's ID. */
  addShield(ask: ShieldAsk, identity: BkIdentity): Promise<string>;
  disableShield(ask: UnshieldAsk, identity: BkIdentity): Promise<void>;
  /** business_list_by_actions with view_event_v2: the businesses whose alerts `username` may act on. */
  businessesWithView(username: string, identity: BkIdentity): Promise<number[]>;
}

export interface AckAsk {
  alertId: string;
  bizId: number;
  /** Sent as BlueKing's ack message; '' for none. */
  note: string;
}

export interface ShieldAsk {
  alertId: string;
  bizId: number;
  beginMs: number;
  endMs: number;
  description: string;
}

export interface UnshieldAsk {
  shieldId: string;
  bizId: number;
}
