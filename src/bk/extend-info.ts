import { z } from 'zod';
import type { ConvergeInfo, NoticeGroup, NoticeInfo, TimeWindow } from '../eventlog/model/record';
import { noticeWays, OFF_PATH, readConvergePlainly, readNoticePlainly, sizeOf, uniqueStrings } from './extend-info-plain';
import { isPlainObject } from './json-value';

/**
 * Typed details from a record's `extend_info` (old generation; the new one
 * always sends {}). Every field is read leniently: a malformed part becomes
 * null or empty so the record itself still renders, with what could be read.
 */

/** What a record's `extend_info` adds to it; null where it says nothing of that kind. */
export interface ExtendDetails {
  converge: ConvergeInfo | null;
  notice: NoticeInfo | null;
  ackNote: string | null;
}

const NO_DETAILS: ExtendDetails = { converge: null, notice: null, ackNote: null };
const CONVERGE_KEYS = ['process_time', 'data_time', 'anomaly_count'];
const NOTICE_KEYS = ['action', 'shield', 'empty_receiver', 'webhook_configs', 'webhook_records'];
const SHIELD_DETAIL_TEXT_KEYS = ['description', 'message', 'reason', 'name', 'content'];
const SHIELD_DETAIL_MAX_CHARS = 200;

// Schemas are built once at module load; parsing thousands of records reuses them.
// `lenient(s)` = s, or null when malformed, or undefined when absent. Absent keys skip
// the schema entirely: a caught failure costs zod an issue object, too slow per record.
const lenient = <T extends z.ZodType>(schema: T) => schema.nullable().catch(null).optional();

const numericText = z.string().regex(/^\d+(?:\.\d+)?$/).transform(Number);
const epochSeconds = z.union([z.number(), numericText]).pipe(z.number().nonnegative());
const timeWindow = lenient(
  z.object({ min: epochSeconds, max: epochSeconds }).transform((w): TimeWindow => ({ minMs: Math.round(w.min * 1000), maxMs: Math.round(w.max * 1000) })),
);
const count = lenient(z.union([z.number(), numericText]).pipe(z.number().int().nonnegative()));

const convergeSchema = z.object({ process_time: timeWindow, data_time: timeWindow, anomaly_count: count }).transform(
  (c): ConvergeInfo => ({ anomalyCount: c.anomaly_count ?? null, dataWindow: c.data_time ?? null, processWindow: c.process_time ?? null }),
);

const idText = z.union([z.string(), z.number().transform(String)]);
// Receivers are {type, id} objects; very old configs list "user#admin"-style strings.
const receiver = z
  .union([z.object({ id: idText }).transform((r) => r.id), z.string()])
  .nullable()
  .catch(null);

const noticeGroup = z
  .union([
    z
      .object({
        id: lenient(idText),
        name: lenient(z.string()),
        notice_receiver: lenient(z.array(receiver)),
        notice_way: z.unknown().optional(),
      })
      .transform(
        (g): NoticeGroup => ({
          name: g.name ?? g.id ?? '',
          receivers: uniqueStrings(g.notice_receiver ?? []),
          ways: noticeWays(g.notice_way),
        }),
      ),
    // Some configs list group IDs only.
    idText.transform((id): NoticeGroup => ({ name: id, receivers: [], ways: [] })),
  ])
  .nullable()
  .catch(null);

const noticeAction = lenient(
  z.object({ notice_group_list: lenient(z.array(noticeGroup)) }).transform((a) => (a.notice_group_list ?? []).filter((g): g is NoticeGroup => g !== null)),
);

const shield = lenient(
  z.object({ type: lenient(idText), detail: z.unknown().optional() }).transform((s) => ({ type: s.type ?? '', detail: shieldDetailText(s.detail) })),
);

const noticeSchema = z
  .object({
    action: noticeAction,
    shield,
    empty_receiver: z.unknown().optional(),
    webhook_configs: z.unknown().optional(),
    webhook_records: z.unknown().optional(),
  })
  .transform(
    (n): NoticeInfo => ({
      groups: n.action ?? [],
      emptyReceiver: n.empty_receiver === true,
      shield: n.shield ?? null,
      webhookCount: Math.max(sizeOf(n.webhook_configs), sizeOf(n.webhook_records)),
    }),
  );

/**
 * Normalize a raw `extend_info` to an object: {} for "" / null / absent, the
 * parsed object for JSON text, null for anything else (details are then skipped).
 */
export function extendInfoObject(raw: unknown): Record<string, unknown> | null {
  if (raw === undefined || raw === null) return {};
  if (isPlainObject(raw)) return raw;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === '') return {};
  if (!text.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return isPlainObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Read convergence, notice and ACK details, keyed by what the object holds rather than by operate.
 * The well-formed common shapes are read by hand (extend-info-plain.ts); the schemas read the rest.
 */
export function readExtendInfo(operate: string, info: Record<string, unknown> | null): ExtendDetails {
  return readDetails(operate, info, true);
}

/** readExtendInfo with the schemas alone, for every shape: the reference the hand-read path is tested against. */
export function readExtendInfoBySchema(operate: string, info: Record<string, unknown> | null): ExtendDetails {
  return readDetails(operate, info, false);
}

function readDetails(operate: string, info: Record<string, unknown> | null, plainFirst: boolean): ExtendDetails {
  if (info === null) return NO_DETAILS;
  const hasConverge = CONVERGE_KEYS.some((k) => k in info);
  const hasNotice = NOTICE_KEYS.some((k) => k in info);
  const ackNote = operate === 'ACK' ? ackNoteOf(info.message) : null;
  if (!hasConverge && !hasNotice && ackNote === null) return NO_DETAILS;
  const converge = hasConverge && plainFirst ? readConvergePlainly(info) : OFF_PATH;
  const notice = hasNotice && plainFirst ? readNoticePlainly(info) : OFF_PATH;
  return {
    converge: hasConverge ? (converge ?? convergeSchema.parse(info)) : null,
    notice: hasNotice ? (notice ?? noticeSchema.parse(info)) : null,
    ackNote,
  };
}

function ackNoteOf(message: unknown): string | null {
  return typeof message === 'string' && message.trim() !== '' ? message : null;
}

function shieldDetailText(detail: unknown): string {
  if (typeof detail === 'string') return detail;
  if (typeof detail === 'number' || typeof detail === 'boolean') return String(detail);
  if (!isPlainObject(detail)) return '';
  for (const key of SHIELD_DETAIL_TEXT_KEYS) {
    const value = detail[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  if (Object.keys(detail).length === 0) return '';
  const json = JSON.stringify(detail);
  return json.length > SHIELD_DETAIL_MAX_CHARS ? `${json.slice(0, SHIELD_DETAIL_MAX_CHARS - 1)}…` : json;
}

