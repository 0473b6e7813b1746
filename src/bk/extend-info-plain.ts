import type { ConvergeInfo, NoticeGroup, NoticeInfo, TimeWindow } from '../eventlog/model/record';
import { isPlainObject } from './json-value';

/**
 * `extend_info` in the shapes Monitor actually sends, read by hand: a few
 * typeofs per field, where the lenient zod schemas (extend-info.ts) cost
 * microseconds per record on every lookup. Anything off the well-formed path
 * (a number as text, a malformed part, a shield) answers OFF_PATH, and the
 * schemas read it instead, so the result is always the schemas' result.
 */

/** This reader does not take the value: the schemas read it. */
export const OFF_PATH = undefined;
type Read<T> = T | typeof OFF_PATH;

/** CONVERGE details of a well-formed object: windows as {min, max} epoch seconds, a whole count. */
export function readConvergePlainly(info: Record<string, unknown>): Read<ConvergeInfo> {
  const processWindow = timeWindow(info.process_time);
  const dataWindow = timeWindow(info.data_time);
  const anomalyCount = wholeCount(info.anomaly_count);
  if (processWindow === OFF_PATH || dataWindow === OFF_PATH || anomalyCount === OFF_PATH) return OFF_PATH;
  return { anomalyCount, dataWindow, processWindow };
}

/** Notice details of a well-formed object with no shield: groups with names, receivers and ways. */
export function readNoticePlainly(info: Record<string, unknown>): Read<NoticeInfo> {
  if (info.shield !== undefined && info.shield !== null) return OFF_PATH;
  const groups = actionGroups(info.action);
  if (groups === OFF_PATH) return OFF_PATH;
  return {
    groups,
    emptyReceiver: info.empty_receiver === true,
    shield: null,
    webhookCount: Math.max(sizeOf(info.webhook_configs), sizeOf(info.webhook_records)),
  };
}

/** Notice ways by level, e.g. {"1": ["weixin", "mail"], "2": ["mail"]}, flattened without repeats. */
export function noticeWays(raw: unknown): string[] {
  const lists = Array.isArray(raw) ? [raw] : isPlainObject(raw) ? Object.values(raw) : [];
  const ways: string[] = [];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const way of list) if (typeof way === 'string') ways.push(way);
  }
  return uniqueStrings(ways);
}

/** Non-empty strings, first occurrence kept (lists are a handful long, so includes() beats a Set). */
export function uniqueStrings(values: ReadonlyArray<string | null>): string[] {
  const out: string[] = [];
  for (const v of values) if (v !== null && v !== '' && !out.includes(v)) out.push(v);
  return out;
}

/** Webhooks come as a list; a single non-empty object is one webhook. */
export function sizeOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return isPlainObject(value) && Object.keys(value).length > 0 ? 1 : 0;
}

function timeWindow(raw: unknown): Read<TimeWindow | null> {
  if (raw === undefined || raw === null) return null;
  if (!isPlainObject(raw)) return OFF_PATH;
  const { min, max } = raw;
  if (!isNonNegative(min) || !isNonNegative(max)) return OFF_PATH;
  return { minMs: Math.round(min * 1000), maxMs: Math.round(max * 1000) };
}

function wholeCount(raw: unknown): Read<number | null> {
  if (raw === undefined || raw === null) return null;
  return isNonNegative(raw) && Number.isSafeInteger(raw) ? raw : OFF_PATH;
}

function actionGroups(action: unknown): Read<NoticeGroup[]> {
  if (action === undefined || action === null) return [];
  if (!isPlainObject(action)) return OFF_PATH;
  const list = action.notice_group_list;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) return OFF_PATH;
  const groups: NoticeGroup[] = [];
  for (const raw of list) {
    if (raw === null) continue;
    const group = noticeGroup(raw);
    if (group === OFF_PATH) return OFF_PATH;
    groups.push(group);
  }
  return groups;
}

function noticeGroup(raw: unknown): Read<NoticeGroup> {
  // Some configs list group IDs only.
  if (typeof raw === 'string') return { name: raw, receivers: [], ways: [] };
  if (!isPlainObject(raw)) return OFF_PATH;
  const id = raw.id === undefined || raw.id === null ? null : idText(raw.id);
  const name = raw.name;
  const receivers = receiverIds(raw.notice_receiver);
  if (id === OFF_PATH || receivers === OFF_PATH || (name !== undefined && name !== null && typeof name !== 'string')) return OFF_PATH;
  return { name: name ?? id ?? '', receivers: uniqueStrings(receivers), ways: noticeWays(raw.notice_way) };
}

/** Receivers are {type, id} objects; very old configs list "user#admin"-style strings. */
function receiverIds(raw: unknown): Read<string[]> {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return OFF_PATH;
  const ids: string[] = [];
  for (const receiver of raw) {
    if (receiver === null) continue;
    const id = typeof receiver === 'string' ? receiver : isPlainObject(receiver) ? idText(receiver.id) : OFF_PATH;
    if (id === OFF_PATH) return OFF_PATH;
    ids.push(id);
  }
  return ids;
}

function idText(raw: unknown): Read<string> {
  if (typeof raw === 'string') return raw;
  return typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : OFF_PATH;
}

function isNonNegative(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
