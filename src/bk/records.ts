import { z } from 'zod';
import type { EventRecord, Generation, LogEntry, UnreadableReason, UnreadableRecord } from '../eventlog/model/record';
import { createTimeReader, type CreateTimeReader } from './create-time';
import { LookupError } from '../eventlog/model/lookup-error';
import { extendInfoObject, readExtendInfo } from './extend-info';
import { addEvidence, guessGeneration, noEvidence } from './generation';
import { isEmptyObject, isPlainObject, jsonType } from './json-value';

/**
 * The envelope's `data` array → normalized records. Tolerant of both Monitor
 * generations; a record that cannot be read becomes an "unreadable" entry with
 * a reason code (worded per language when rendered), so one bad record never
 * hides the others or the reply.
 */

/** The records of one answer, and the Monitor generation they look like. */
export interface ParsedRecords {
  entries: LogEntry[];
  generation: Generation;
}

export interface ParseRecordsOptions {
  /**
   * The ID that was asked for. The new generation echoes it as a JSON number;
   * past 2^53 that number is no longer exact, and the asked digits are.
   */
  requestedId?: string;
}

/** What each checked field must hold, as a reason names it. */
const EXPECTED: Readonly<Record<string, 'text' | 'text_or_number'>> = { operate: 'text', status: 'text', event_id: 'text_or_number', message: 'text' };

// Built once at module load: parsing 10,000 records must stay in the low milliseconds.
const recordSchema = z.object({
  operate: z.string(),
  status: z.string().nullish(),
  event_id: z.union([z.string(), z.number()]).nullish(),
  message: z.union([z.string(), z.number()]).nullish(),
  extend_info: z.unknown().optional(),
  create_time: z.unknown().optional(),
});

/**
 * Parse the records of a successful answer.
 * @param data the envelope's `data`; anything but an array is a bad_shape LookupError
 * @param zone IANA zone of zone-less `create_time` wall clocks (BK_TIMEZONE)
 */
export function parseRecords(data: unknown, zone: string, options: ParseRecordsOptions = {}): ParsedRecords {
  if (!Array.isArray(data)) throw new LookupError({ kind: 'bad_shape' });
  const entries: LogEntry[] = new Array<LogEntry>(data.length);
  const reader = createRecordReader(zone, options);
  for (let index = 0; index < data.length; index++) entries[index] = reader.add(data[index]);
  return { entries, generation: reader.generation() };
}

/**
 * Records read one at a time, in upstream order: what parseRecords does for
 * an array, for records that come one by one (a big body read piece by piece,
 * bk/event-log-bytes.ts), so no caller needs them all at once.
 */
export interface RecordReader {
  /** The next record, normalized (its index is its position). */
  add(raw: unknown): LogEntry;
  /** How many were added. */
  readonly count: number;
  /** The Monitor generation the records so far look like. */
  generation(): Generation;
}

export function createRecordReader(zone: string, options: ParseRecordsOptions = {}): RecordReader {
  const evidence = noEvidence();
  const readTime = createTimeReader(zone);
  let count = 0;
  return {
    add(raw) {
      const entry = parseOne(raw, count++, readTime, options.requestedId);
      if (entry.record.kind === 'record') {
        addEvidence(evidence, {
          operate: entry.record.operate,
          eventId: entry.record.eventId,
          eventIdWasNumber: entry.eventIdWasNumber,
          extendInfoWasEmptyObject: entry.extendInfoWasEmptyObject,
        });
      }
      return entry.record;
    },
    get count() {
      return count;
    },
    generation: () => guessGeneration(evidence),
  };
}

interface ParsedOne {
  record: LogEntry;
  eventIdWasNumber: boolean;
  extendInfoWasEmptyObject: boolean;
}

function parseOne(raw: unknown, index: number, readTime: CreateTimeReader, requestedId: string | undefined): ParsedOne {
  if (!isPlainObject(raw)) return unreadable(index, { kind: 'not_object', got: jsonType(raw) });
  let r = wellFormed(raw);
  if (r === null) {
    // Only a record with a problem pays for zod, which then names the field that is wrong.
    const parsed = recordSchema.safeParse(raw);
    if (!parsed.success) return unreadable(index, reasonOf(parsed.error.issues, raw));
    r = parsed.data;
  }
  try {
    const extendInfo = extendInfoObject(r.extend_info);
    const { timeMs, rawTime } = readTime(r.create_time);
    const record: EventRecord = {
      kind: 'record',
      index,
      operate: r.operate,
      status: r.status ?? '',
      eventId: eventIdText(r.event_id, requestedId),
      message: r.message === null || r.message === undefined ? '' : String(r.message),
      timeMs,
      rawTime,
      ...readExtendInfo(r.operate, extendInfo),
    };
    return {
      record,
      eventIdWasNumber: typeof r.event_id === 'number',
      extendInfoWasEmptyObject: isEmptyObject(r.extend_info),
    };
  } catch (err) {
    // Defensive: a detail we failed to anticipate costs one record, never the reply.
    const detail = err instanceof Error ? err.message.split('\n', 1)[0].slice(0, 100) : null;
    return unreadable(index, { kind: 'unexpected', detail });
  }
}

type RecordFields = z.infer<typeof recordSchema>;

/** The same checks as recordSchema, by hand: the common case of a well-formed record costs a few typeofs. */
function wellFormed(raw: Record<string, unknown>): RecordFields | null {
  const { operate, status, event_id: eventId, message } = raw;
  if (typeof operate !== 'string') return null;
  if (status !== undefined && status !== null && typeof status !== 'string') return null;
  if (eventId !== undefined && eventId !== null && typeof eventId !== 'string' && typeof eventId !== 'number') return null;
  if (message !== undefined && message !== null && typeof message !== 'string' && typeof message !== 'number') return null;
  return { operate, status, event_id: eventId, message, extend_info: raw.extend_info, create_time: raw.create_time };
}

function unreadable(index: number, reason: UnreadableReason): ParsedOne {
  const record: UnreadableRecord = { kind: 'unreadable', index, reason };
  return { record, eventIdWasNumber: false, extendInfoWasEmptyObject: false };
}

/** `event_id` as digits/text; numbers are stringified without float notation. */
function eventIdText(raw: string | number | null | undefined, requestedId: string | undefined): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw;
  if (Number.isSafeInteger(raw)) return String(raw);
  if (!Number.isInteger(raw)) return String(raw);
  // Past 2^53 the parsed number is approximate: prefer the exact digits that were asked for.
  if (requestedId !== undefined && /^\d+$/.test(requestedId) && Number(requestedId) === raw) return requestedId;
  return BigInt(raw).toString();
}

/** The first failing field: missing, or holding the wrong type of value. */
function reasonOf(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }>, raw: Record<string, unknown>): UnreadableReason {
  const field = String(issues[0]?.path[0] ?? '');
  const expected = Object.hasOwn(EXPECTED, field) ? EXPECTED[field] : undefined;
  if (expected === undefined) return { kind: 'unexpected', detail: null };
  const value = raw[field];
  return value === undefined ? { kind: 'missing', field } : { kind: 'wrong_type', field, expected, got: jsonType(value) };
}
