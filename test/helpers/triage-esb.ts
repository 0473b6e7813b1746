import { alertDocument, ALERT_ID, searchAlertAnswer } from '../fixtures/bk/search-alert';
import { searchActionAnswer } from '../fixtures/bk/search-action';
import type { EsbHandler, EsbReply, RecordedRequest } from './fake-esb';

/**
 * A BlueKing that keeps one open alert's state, for acting on it from Slack:
 * get_event_log, search_action, search_alert, ack_event, add_shield,
 * disable_shield and business_list_by_actions in their real shapes. Like the
 * real ESB it checks no permission: ack_event acks for any bk_username, and
 * writes the ACK record `<user>确认了该告警事件并备注：,<note>` into the log.
 */

export interface TriageEsb {
  handler: EsbHandler;
  /** The alert as search_alert lists it now. */
  alert: Record<string, unknown>;
  /** Other alerts search_alert knows, by ID (read-only here: a forged button may name one). */
  others: Map<string, Record<string, unknown>>;
  /** Businesses where each BlueKing user holds view_event_v2. */
  businesses: Map<string, number[]>;
  /** Answer the next add_shield with this refusal (as bk-monitor's IAM check words it). */
  refuseNextShield(message: string): void;
  /** Every write call received (ack_event, add_shield, disable_shield), with its body and identity. */
  writes(): Array<{ component: string; username: string | null; body: Record<string, unknown> }>;
}

const ENVELOPE = { result: true, code: 200, message: 'OK', request_id: 'feedc0defeedc0defeedc0defeedc0de' };
const WRITES = new Set(['ack_event', 'add_shield', 'disable_shield']);

function ok(data: unknown): EsbReply {
  return { status: 200, body: JSON.stringify({ ...ENVELOPE, data }) };
}

/** The component a request called (the last path segment of /api/c/compapi/v2/monitor_v3/<name>/). */
export function componentOf(request: Pick<RecordedRequest, 'path'>): string {
  return request.path.split('/').filter((part) => part !== '').pop() ?? '';
}

/** The bk_username a request carried (header style). */
export function usernameOf(request: RecordedRequest): string | null {
  const header = request.headers['x-bkapi-authorization'];
  if (typeof header === 'string') return (JSON.parse(header) as { bk_username?: string }).bk_username ?? null;
  return null;
}

export function startTriageEsb(overrides: Record<string, unknown> = {}, nowMs: () => number = Date.now): TriageEsb {
  const alert = alertDocument({ assignee: ['lisi'], appointee: [], supervisor: ['wangwu'], follower: ['zhaoliu'], ...overrides });
  const records: Array<Record<string, unknown>> = [
    { status: 'SUCCESS', event_id: Number(ALERT_ID), message: 'AVG(CPU使用率) >= 90.0%, 当前值97.3%', operate: 'CREATE', extend_info: {}, create_time: '2022-01-17 11:31:26' },
  ];
  const businesses = new Map<string, number[]>();
  const others = new Map<string, Record<string, unknown>>();
  const received: RecordedRequest[] = [];
  let shieldRefusal: string | null = null;
  let nextShieldId = 7001;

  const handler: EsbHandler = (request) => {
    received.push(request);
    const component = componentOf(request);
    const body = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {};
    const user = usernameOf(request) ?? '';
    switch (component) {
      case 'get_event_log':
        return ok(records);
      case 'search_action':
        return { status: 200, body: searchActionAnswer([]) };
      case 'search_alert': {
        const asked = String((body.conditions as Array<{ value: unknown[] }>)[0]?.value[0]);
        const found = asked === ALERT_ID ? alert : others.get(asked);
        return { status: 200, body: searchAlertAnswer(found ? [found] : []) };
      }
      case 'business_list_by_actions':
        return ok((businesses.get(String(body.username)) ?? []).map((id) => ({ id, text: `business ${id}` })));
      case 'ack_event':
        if (String(body.id) === ALERT_ID && alert.status === 'ABNORMAL' && alert.is_ack !== true) {
          alert.is_ack = true;
          alert.ack_operator = user;
          const note = String(body.message ?? '');
          const message = note === '' ? `${user}确认了该告警事件` : `${user}确认了该告警事件并备注：,${note}`;
          records.unshift({ status: '', event_id: Number(ALERT_ID), message, operate: 'ACK', extend_info: {}, create_time: shanghaiTime(nowMs()) });
        }
        return ok(null);
      case 'add_shield': {
        if (shieldRefusal !== null) {
          const message = shieldRefusal;
          shieldRefusal = null;
          return { status: 200, body: JSON.stringify({ result: false, code: 3300001, message, data: null, request_id: 'ab12ab12ab12ab12ab12ab12ab12ab12' }) };
        }
        const id = nextShieldId++;
        alert.is_shielded = true;
        alert.shield_id = [...(alert.shield_id as number[]), id];
        return ok({ id });
      }
      case 'disable_shield': {
        const ids = (body.id as number[]).map(Number);
        alert.shield_id = (alert.shield_id as number[]).filter((id) => !ids.includes(Number(id)));
        alert.is_shielded = (alert.shield_id as number[]).length > 0;
        return ok(null);
      }
      default:
        return { status: 200, body: JSON.stringify({ result: false, code: 1306404, message: `no component ${component}`, data: null }) };
    }
  };

  return {
    handler,
    alert,
    others,
    businesses,
    refuseNextShield: (message) => {
      shieldRefusal = message;
    },
    writes: () =>
      received
        .filter((r) => WRITES.has(componentOf(r)))
        .map((r) => ({ component: componentOf(r), username: usernameOf(r), body: JSON.parse(r.body) as Record<string, unknown> })),
  };
}

/** `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai, as Monitor writes create_time. */
function shanghaiTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
