import { z } from 'zod';
import type { AlertContext, AlertDimension, AlertSeverity } from '../eventlog/model/alert-context';
import { LookupError } from '../eventlog/model/lookup-error';
import { readEnvelopeData, type EsbAnswer } from './envelope';

/**
 * `monitor_v3/search_alert` (查询告警) for one alert: the request body and its
 * answer read into an AlertContext. Pure; the client does the I/O.
 * `start_time`/`end_time` are required by BlueKing; a new-generation alert ID's
 * first 10 digits are its begin time, so an hour before that to now finds it.
 */

/** How far before the ID's own begin time the search window opens (clock skew between Monitor's nodes). */
const WINDOW_BEFORE_S = 3600;

export function buildSearchAlertBody(alertId: string, nowMs: number, bizIds: readonly number[] | null): Record<string, unknown> {
  const begin = Number(alertId.slice(0, 10));
  const body: Record<string, unknown> = {
    conditions: [{ key: 'id', value: [alertId] }],
    start_time: begin - WINDOW_BEFORE_S,
    end_time: Math.max(Math.floor(nowMs / 1000), begin + 1),
    page: 1,
    page_size: 1,
    show_overview: false,
    show_aggs: false,
  };
  if (bizIds !== null && bizIds.length > 0) body.bk_biz_ids = [...bizIds];
  return body;
}

// Lenient on purpose: a field of an unexpected type costs that field, never the alert.
const text = z.union([z.string(), z.number()]).transform(String).nullish().catch(null);
const int = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]).nullish().catch(null);
const flag = z.union([z.boolean(), z.number().transform((n) => n !== 0)]).nullish().catch(null);
const names = z
  .union([z.array(z.union([z.string(), z.number()])), z.string()])
  .nullish()
  .catch(null);
const dimension = z.object({ key: text, value: text, display_key: text, display_value: text }).passthrough();

const alertSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  alert_name: text,
  status: text,
  severity: int,
  bk_biz_id: int,
  bk_biz_name: text,
  strategy_id: int,
  strategy_name: text,
  description: text,
  target_type: text,
  target: text,
  ip: text,
  dimensions: z.array(z.unknown()).nullish().catch(null),
  assignee: names,
  appointee: names,
  supervisor: names,
  follower: names,
  is_ack: flag,
  ack_operator: text,
  is_shielded: flag,
  shield_id: names,
  shield_left_time: text,
  is_handled: flag,
  is_blocked: flag,
  begin_time: int,
  end_time: int,
  latest_time: int,
  metric_display: z.array(z.unknown()).nullish().catch(null),
});

const dataSchema = z.object({ alerts: z.array(z.unknown()), total: int });

/**
 * Read one search_alert answer: the alert, or null when BlueKing found none
 * with this ID in the window (or none this identity may see).
 * @throws LookupError for every answer that is not a successful alert search
 */
export function parseSearchAlertResponse(input: EsbAnswer, alertId: string): AlertContext | null {
  const { data, code, message, requestId } = readEnvelopeData(input);
  const parsed = dataSchema.safeParse(data);
  const badShape = (): LookupError => new LookupError({ kind: 'bad_shape', code, upstreamMessage: message, requestId, httpStatus: input.httpStatus });
  if (!parsed.success) throw badShape();
  const raw = parsed.data.alerts.find((a) => typeof a === 'object' && a !== null && String((a as { id?: unknown }).id) === alertId);
  if (raw === undefined) return null;
  const alert = alertSchema.safeParse(raw);
  if (!alert.success) throw badShape();
  return toContext(alert.data);
}

type RawAlert = z.infer<typeof alertSchema>;

function toContext(a: RawAlert): AlertContext {
  return {
    id: a.id,
    name: (a.alert_name ?? '').trim(),
    status: (a.status ?? '').trim().toUpperCase(),
    severity: severityOf(a.severity),
    bizId: a.bk_biz_id ?? null,
    bizName: (a.bk_biz_name ?? '').trim(),
    strategyId: a.strategy_id ?? null,
    strategyName: (a.strategy_name ?? '').trim(),
    description: (a.description ?? '').trim(),
    targetType: (a.target_type ?? '').trim(),
    target: (a.target ?? '').trim(),
    ip: (a.ip ?? '').trim(),
    dimensions: (a.dimensions ?? []).flatMap(dimensionOf),
    assignees: namesOf(a.assignee),
    appointees: namesOf(a.appointee),
    supervisors: namesOf(a.supervisor),
    followers: namesOf(a.follower),
    isAck: a.is_ack ?? false,
    ackOperator: (a.ack_operator ?? '').trim(),
    isShielded: a.is_shielded ?? false,
    shieldIds: namesOf(a.shield_id),
    shieldLeftTime: (a.shield_left_time ?? '').trim(),
    isHandled: a.is_handled ?? false,
    isBlocked: a.is_blocked ?? false,
    beginAtMs: seconds(a.begin_time),
    endAtMs: seconds(a.end_time),
    latestAtMs: seconds(a.latest_time),
    metrics: (a.metric_display ?? []).flatMap(metricName),
  };
}

function severityOf(value: number | null | undefined): AlertSeverity | null {
  return value === 1 || value === 2 || value === 3 ? value : null;
}

function dimensionOf(raw: unknown): AlertDimension[] {
  const d = dimension.safeParse(raw);
  if (!d.success || !d.data.key) return [];
  const value = d.data.value ?? '';
  return [{ key: d.data.key, value, displayKey: d.data.display_key || d.data.key, displayValue: d.data.display_value || value }];
}

/** `metric_display` holds `{id, name}` objects (or plain names on some versions). */
function metricName(raw: unknown): string[] {
  if (typeof raw === 'string') return raw.trim() ? [raw.trim()] : [];
  if (typeof raw === 'object' && raw !== null && typeof (raw as { name?: unknown }).name === 'string') {
    const name = ((raw as { name: string }).name).trim();
    return name ? [name] : [];
  }
  return [];
}

function namesOf(value: z.infer<typeof names>): string[] {
  if (value === null || value === undefined) return [];
  const list = typeof value === 'string' ? value.split(',') : value.map(String);
  return list.map((n) => n.trim()).filter((n) => n !== '');
}

function seconds(value: number | null | undefined): number | null {
  return value === null || value === undefined || value <= 0 ? null : value * 1000;
}
