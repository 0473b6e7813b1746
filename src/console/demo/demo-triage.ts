import type { AlertContext } from '../../eventlog/alert-context';
import type { TriageSource } from '../../eventlog/triage-source';

/**
 * A stateful stand-in for BlueKing's write calls on the demo alerts, so the
 * console can show acting on an alert with no BlueKing: ack_event acks an open
 * alert once (as the calling user), add_shield shields it, disable_shield
 * lifts it, and every later read of the alert says so. The demo's console
 * user holds view_event_v2 on business 2, where the demo alerts live.
 */

export const DEMO_BUSINESSES: readonly number[] = [2];

export interface DemoTriage extends TriageSource {
  /** The alert as the writes so far left it (the demo source reads every alert through this). */
  current(alert: AlertContext | null): AlertContext | null;
}

type Changes = Pick<AlertContext, 'isAck' | 'ackOperator' | 'isShielded' | 'shieldIds' | 'shieldLeftTime'>;

export function createDemoTriage(readAlert: (alertId: string) => Promise<AlertContext | null>): DemoTriage {
  const changes = new Map<string, Changes>();
  let nextShieldId = 9001;
  const current = (alert: AlertContext | null): AlertContext | null => (alert === null ? null : { ...alert, ...changes.get(alert.id) });
  const read = async (alertId: string): Promise<AlertContext | null> => current(await readAlert(alertId));
  const change = async (alertId: string, apply: (alert: AlertContext) => Partial<Changes>): Promise<void> => {
    const alert = await read(alertId);
    if (alert) changes.set(alertId, { ...pick(alert), ...apply(alert) });
  };
  return {
    current,
    fetchAlert: (alertId) => read(alertId),
    ackAlert: ({ alertId }, identity) =>
      change(alertId, (alert) => (alert.status === 'ABNORMAL' && !alert.isAck ? { isAck: true, ackOperator: identity.username ?? '' } : {})),
    addShield: async ({ alertId, beginMs, endMs }) => {
      const id = String(nextShieldId++);
      // The demo's clock stands still at the shield's start: all of it is left.
      await change(alertId, (alert) => ({ isShielded: true, shieldIds: [...alert.shieldIds, id], shieldLeftTime: leftTime(endMs - beginMs) }));
      return id;
    },
    disableShield: async ({ shieldId }) => {
      for (const [alertId, state] of changes) {
        if (!state.shieldIds.includes(shieldId)) continue;
        const shieldIds = state.shieldIds.filter((id) => id !== shieldId);
        changes.set(alertId, { ...state, shieldIds, isShielded: shieldIds.length > 0 });
      }
    },
    businessesWithView: async () => [...DEMO_BUSINESSES],
  };
}

function pick(alert: AlertContext): Changes {
  return { isAck: alert.isAck, ackOperator: alert.ackOperator, isShielded: alert.isShielded, shieldIds: alert.shieldIds, shieldLeftTime: alert.shieldLeftTime };
}

/** "3h 0m" as BlueKing words shield_left_time. */
function leftTime(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}
