import { z } from 'zod';
import type { ActionList, ActionRecord } from '../eventlog/model/action-record';
import { readEnvelopeData, type EsbAnswer } from './envelope';
import { LookupError } from '../eventlog/model/lookup-error';

/**
 * `monitor_v3/search_action` (查询处理记录): the request body for one alert's
 * actions, and its answer read into ActionRecords. Pure; the client does the I/O.
 * Field meanings are from bk-monitor's ActionQueryHandler / ActionInstanceDocument.
 */

/** BlueKing's most per page (the serializer's max_value). */
export const SEARCH_ACTION_PAGE_SIZE = 1000;
/** BlueKing reports `total` capped at 10,000: at most this many pages are worth asking for. */
export const SEARCH_ACTION_MAX_PAGES = 10;

/**
 * The body for page `page` of `alertId`'s actions. With `alert_ids` no time
 * range or status filter applies. Without a `parent_action_id` condition
 * BlueKing leaves parent notices out; "= 0 OR ≠ 0" asks for parents and
 * children in one call. `bk_biz_ids` only when configured (`[]` would mean
 * "only where I am the operator").
 */
export function buildSearchActionBody(alertId: string, page: number, bizIds: readonly number[] | null): Record<string, unknown> {
  const body: Record<string, unknown> = {
    alert_ids: [alertId],
    conditions: [
      { key: 'parent_action_id', value: [0], method: 'eq' },
      { key: 'parent_action_id', value: [0], method: 'neq', condition: 'or' },
    ],
    ordering: ['create_time'],
    page,
    page_size: SEARCH_ACTION_PAGE_SIZE,
    show_overview: false,
    show_aggs: false,
  };
  if (bizIds !== null && bizIds.length > 0) body.bk_biz_ids = [...bizIds];
  return body;
}

/** Whether another page is worth asking for after `page`, given what has come so far. */
export function needsAnotherPage(page: number, received: number, total: number, lastPageSize: number): boolean {
  return lastPageSize >= SEARCH_ACTION_PAGE_SIZE && received < total && page < SEARCH_ACTION_MAX_PAGES;
}

// Lenient on purpose: a field of an unexpected type costs that field, never the record.
const text = z.union([z.string(), z.number()]).transform(String).nullish().catch(null);
const int = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]).nullish().catch(null);
const names = z
  .union([z.array(z.union([z.string(), z.number(), z.array(z.string())])), z.string()])
  .nullish()
  .catch(null);

const actionSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  raw_id: int,
  parent_action_id: int,
  is_parent_action: z.boolean().nullish().catch(null),
  action_plugin_type: text,
  action_name: text,
  signal: text,
  signal_display: text,
  status: z.string(),
  failure_type: text,
  ex_data: z.object({ message: text }).passthrough().nullish().catch(null),
  status_tips: text,
  operate_target_string: text,
  operator: names,
  inputs: z.object({ notice_way: names, notice_receiver: names }).passthrough().nullish().catch(null),
  create_time: int,
  end_time: int,
  execute_times: int,
});

const dataSchema = z.object({ actions: z.array(z.unknown()), total: int });

/** One page of actions as read from an answer. */
export interface ActionPage extends ActionList {
  /** How many actions the page held, readable or not (for paging). */
  pageSize: number;
}

/**
 * Read one search_action answer.
 * @throws LookupError for every answer that is not a successful action search
 */
export function parseSearchActionResponse(input: EsbAnswer): ActionPage {
  const { data, code, message, requestId } = readEnvelopeData(input);
  const parsed = dataSchema.safeParse(data);
  if (!parsed.success) throw new LookupError({ kind: 'bad_shape', code, upstreamMessage: message, requestId, httpStatus: input.httpStatus });
  const actions: ActionRecord[] = [];
  let unreadable = 0;
  for (const raw of parsed.data.actions) {
    const action = actionSchema.safeParse(raw);
    if (action.success) actions.push(toRecord(action.data));
    else unreadable += 1;
  }
  const pageSize = parsed.data.actions.length;
  return { actions, total: parsed.data.total ?? pageSize, unreadable, requestId, pageSize };
}

type RawAction = z.infer<typeof actionSchema>;

function toRecord(a: RawAction): ActionRecord {
  const reason = a.ex_data?.message ?? a.status_tips ?? '';
  const wayLabel = a.operate_target_string ?? '';
  return {
    id: a.id,
    rawId: a.raw_id ?? null,
    parentRawId: a.parent_action_id ?? 0,
    isParent: a.is_parent_action ?? false,
    pluginType: a.action_plugin_type ?? '',
    actionName: a.action_name ?? '',
    signal: a.signal ?? '',
    signalDisplay: a.signal_display ?? '',
    status: a.status,
    failureType: a.failure_type ?? '',
    reason: reason.trim(),
    noticeWay: firstName(a.inputs?.notice_way ?? null),
    wayLabel: wayLabel === 'None' ? '' : wayLabel.trim(),
    receivers: receiversOf(a.operator ?? null, a.inputs?.notice_receiver ?? null),
    createdAtMs: seconds(a.create_time),
    endedAtMs: seconds(a.end_time),
    executeTimes: a.execute_times ?? 0,
  };
}

type Names = z.infer<typeof names>;

/** All names in a string, a list, or a list of lists (voice receivers come as one). */
function flatNames(value: Names): string[] {
  if (value === null || value === undefined) return [];
  const list = typeof value === 'string' ? value.split(',') : value.flat().map(String);
  return list.map((n) => n.trim()).filter((n) => n !== '');
}

function firstName(value: Names): string {
  return flatNames(value)[0] ?? '';
}

function receiversOf(operator: Names, noticeReceiver: Names): string[] {
  const fromOperator = flatNames(operator);
  return fromOperator.length > 0 ? fromOperator : flatNames(noticeReceiver);
}

function seconds(value: number | null | undefined): number | null {
  return value === null || value === undefined || value <= 0 ? null : value * 1000;
}
