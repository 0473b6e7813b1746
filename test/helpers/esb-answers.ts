import { NEW_GENERATION_164239028644167, OLD_GENERATION_5310, SHEET_EXAMPLE_1 } from '../fixtures/bk';
import { searchActionAnswer } from '../fixtures/bk/search-action';
import { ALERT_ID, alertDocument, searchAlertAnswer } from '../fixtures/bk/search-alert';
import type { EsbHandler, EsbReply, RecordedRequest } from './fake-esb';

/**
 * ESB answers by requested ID, as a real BlueKing would give them: the
 * recorded fixtures for their IDs, extra bodies a test adds, and the new
 * generation's "no such alert" (3324002) for anything else.
 */

/** A success envelope's body as the ESB sends it. */
export type EsbBody = string;

/** The recorded fixtures, by the ID they answer. */
export const FIXTURE_BODIES: Readonly<Record<string, EsbBody>> = {
  [NEW_GENERATION_164239028644167.id]: NEW_GENERATION_164239028644167.body,
  [OLD_GENERATION_5310.id]: OLD_GENERATION_5310.body,
  [SHEET_EXAMPLE_1.id]: SHEET_EXAMPLE_1.body,
};

/**
 * search_alert's answer for the recorded new-generation alert, as its log tells it: recovered,
 * acked by admin, fatal after its severity rose.
 */
export const FIXTURE_ALERT_REPLY: EsbReply = {
  status: 200,
  body: searchAlertAnswer([alertDocument({ status: 'RECOVERED', is_ack: true, ack_operator: 'admin', end_time: 1642393235 })]),
};

function notFound(id: string): EsbReply {
  return {
    status: 200,
    body: JSON.stringify({
      result: false,
      code: 3324002,
      message: `告警ID (${id}) 对应的告警信息不存在`,
      data: null,
      request_id: '0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f',
    }),
  };
}

/**
 * An ESB fallback answering each get_event_log `id` with its body (fixtures plus `extra`), else 3324002;
 * each search_action POST with the answer in `actions` for its alert, else an empty action list;
 * and each search_alert POST with the answer in `alerts` for its alert, else the recorded alert's own
 * document for it (FIXTURE_ALERT_REPLY) or no alert found (total 0).
 */
export function answerByEventId(
  extra: Readonly<Record<string, EsbBody>> = {},
  actions: Readonly<Record<string, EsbReply>> = {},
  alerts: Readonly<Record<string, EsbReply>> = {},
): EsbHandler {
  const bodies: Readonly<Record<string, EsbBody>> = { ...FIXTURE_BODIES, ...extra };
  return (request) => {
    if (isSearchAction(request)) return actions[searchedAlertId(request)] ?? { status: 200, body: searchActionAnswer([]) };
    if (isSearchAlert(request)) {
      const id = searchAlertId(request);
      return alerts[id] ?? (id === ALERT_ID ? FIXTURE_ALERT_REPLY : { status: 200, body: searchAlertAnswer([]) });
    }
    const id = request.query.get('id') ?? '';
    const body = bodies[id];
    return body === undefined ? notFound(id) : { status: 200, body };
  };
}

/** Whether a request is a search_action call (POST to its path). */
export function isSearchAction(request: Pick<RecordedRequest, 'method' | 'path'>): boolean {
  return request.method === 'POST' && request.path.endsWith('/search_action/');
}

/** Whether a request is a search_alert call (POST to its path). */
export function isSearchAlert(request: Pick<RecordedRequest, 'method' | 'path'>): boolean {
  return request.method === 'POST' && request.path.endsWith('/search_alert/');
}

/** The alert a search_alert call asked about (its `id` condition). */
export function searchAlertId(request: Pick<RecordedRequest, 'body'>): string {
  const body = JSON.parse(request.body) as { conditions?: Array<{ key?: unknown; value?: unknown }> };
  const condition = body.conditions?.find((c) => c.key === 'id');
  return Array.isArray(condition?.value) ? String(condition.value[0]) : '';
}

/** The alert a search_action call asked about. */
export function searchedAlertId(request: Pick<RecordedRequest, 'body'>): string {
  const body = JSON.parse(request.body) as { alert_ids?: unknown };
  return Array.isArray(body.alert_ids) ? String(body.alert_ids[0]) : '';
}

/** IDs get_event_log was asked for, in order (search_action and search_alert calls left out). */
export function requestedIds(requests: ReadonlyArray<Pick<RecordedRequest, 'method' | 'path' | 'query'>>): string[] {
  return requests.filter((r) => !isSearchAction(r) && !isSearchAlert(r)).map((r) => r.query.get('id') ?? '');
}

/** The text every record of `probeLog` carries: "probe 0001" … */
export function probeName(n: number): string {
  return `probe ${String(n).padStart(4, '0')}`;
}

/**
 * An old-generation log of `count` records, oldest first, one a minute,
 * each with a unique message (probeName(1) … probeName(count)): for checking
 * that paging shows every record exactly once. Notices with unique texts, so
 * none is folded into a run (as a storm of like notices or convergence rounds is).
 */
export function probeLog(count: number, eventHash = '3f5e7a9c1b2d4f6e8a0c2e4f6a8b0d1e'): EsbBody {
  return probeLogOf(count, eventHash, (i) => ({ operate: i === 0 ? 'CREATE' : i % 2 === 1 ? 'RECOVERY_NOTICE' : 'ANOMALY_NOTICE', status: 'SUCCESS' }));
}

/** What kind of record probe i (0-based) is. */
export interface ProbeKind {
  operate: string;
  status: string;
}

/** The repeating pattern of mixedProbeLog after its CREATE: convergence, sent and failed notices, an ack, a severity raise, a partly sent recovery notice. */
const MIXED_CYCLE: readonly ProbeKind[] = [
  { operate: 'CONVERGE', status: 'SUCCESS' },
  { operate: 'ANOMALY_NOTICE', status: 'SUCCESS' },
  { operate: 'ANOMALY_NOTICE', status: 'FAILED' },
  { operate: 'ACK', status: '' },
  { operate: 'SEVERITY_UP', status: 'SUCCESS' },
  { operate: 'RECOVERY_NOTICE', status: 'PARTIAL_SUCCESS' },
];

/** The kind of record i of mixedProbeLog. */
export function mixedProbeKind(i: number): ProbeKind {
  return i === 0 ? { operate: 'CREATE', status: 'SUCCESS' } : (MIXED_CYCLE[(i - 1) % MIXED_CYCLE.length] as ProbeKind);
}

/** Like probeLog, with every kind of record the Full log's filters tell apart (see mixedProbeKind). */
export function mixedProbeLog(count: number): EsbBody {
  return probeLogOf(count, '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d', mixedProbeKind);
}

function probeLogOf(count: number, eventHash: string, kindOf: (i: number) => ProbeKind): EsbBody {
  const startSec = Date.UTC(2024, 5, 3, 2, 0, 0) / 1000; // 10:00 in Asia/Shanghai
  const eventId = `${eventHash}.${startSec}.57.90.2`;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const records = Array.from({ length: count }, (_, i) => {
    // Wall clock in the server's zone (Asia/Shanghai), as the ESB sends it.
    const wall = new Date((startSec + i * 60 + 8 * 3600) * 1000);
    const createTime = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:00`;
    const { operate, status } = kindOf(i);
    const extendInfo = operate.endsWith('_NOTICE') ? { action: {}, anomaly_id: `${eventId}.${i}` } : {};
    return { status, event_id: eventId, message: probeName(i + 1), operate, extend_info: extendInfo, create_time: createTime };
  });
  return JSON.stringify({ result: true, code: 0, message: 'OK', data: records, request_id: '7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d' });
}
