import type { AlertContext } from '../../eventlog/model/alert-context';
import type { TriageSource } from '../../eventlog/model/triage-source';
import { naiveTime } from '../../bk/triage-calls';
import type { DemoResponse } from './envelope';

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
  /** The demo log with the ACK record an ack wrote, as BlueKing writes it (newest first). */
  withRecords(alertId: string, response: DemoResponse): DemoResponse;
}

type Changes = Pick<AlertContext, 'isAck' | 'ackOperator' | 'isShielded' | 'shieldIds' | 'shieldLeftTime'>;

export function createDemoTriage(readAlert: (alertId: string) => Promise<AlertContext | null>, zone: string, now: () => number = Date.now): DemoTriage {
  const changes = new Map<string, Changes>();
  const ackRecords = new Map<string, Record<string, unknown>>();
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
    ackAlert: ({ alertId, note }, identity) =>
      change(alertId, (alert) => {
        if (alert.status !== 'ABNORMAL' || alert.isAck) return {};
        const by = identity.username ?? '';
        const message = note === '' ? `${by}确认了该告警事件` : `${by}确认了该告警事件并备注：,${note}`;
        ackRecords.set(alertId, { status: '', event_id: Number(alertId), message, operate: 'ACK', extend_info: {}, create_time: naiveTime(now(), zone) });
        return { isAck: true, ackOperator: by };
      }),
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
    withRecords: (alertId, response) => {
      const record = ackRecords.get(alertId);
      if (!record) return response;
      const envelope = JSON.parse(response.body) as { data: unknown[] };
      return { ...response, body: JSON.stringify({ ...envelope, data: [record, ...envelope.data] }) };
    },
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
