/**
 * The normalized event-log record: what the BlueKing client produces and what
 * summarize/render consume. Both Monitor generations map onto this one shape.
 */

/** Record types we know a label for. Anything else is kept raw and still rendered. */
export const KNOWN_OPERATES = [
  'CREATE',
  'CONVERGE',
  'ANOMALY_NOTICE',
  'RECOVERY_NOTICE',
  'CLOSE_NOTICE',
  'ACK',
  'RECOVER',
  'CLOSE',
  'RECOVERING',
  'DELAY_RECOVER',
  'ABORT_RECOVER',
  'SYSTEM_RECOVER',
  'SYSTEM_CLOSE',
  'SEVERITY_UP',
  'EVENT_DROP',
  'ACTION',
  'ALERT_QOS',
] as const;
export type KnownOperate = (typeof KNOWN_OPERATES)[number];

/** Record statuses we know a label for. ACK records carry an empty status upstream. */
export const KNOWN_STATUSES = ['RUNNING', 'SUCCESS', 'PARTIAL_SUCCESS', 'FAILED', 'SHIELDED', ''] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];

/** Operates that are notifications (old generation's *_NOTICE, new generation's ACTION). */
export const NOTICE_OPERATES: ReadonlySet<string> = new Set(['ANOMALY_NOTICE', 'RECOVERY_NOTICE', 'CLOSE_NOTICE', 'ACTION']);

/** A closed time window in epoch milliseconds. */
export interface TimeWindow {
  minMs: number;
  maxMs: number;
}

/** CONVERGE details (old generation `extend_info`). */
export interface ConvergeInfo {
  anomalyCount: number | null;
  dataWindow: TimeWindow | null;
  processWindow: TimeWindow | null;
}

/** One notice group from `extend_info.action.notice_group_list`. */
export interface NoticeGroup {
  name: string;
  /** Receivers as "type:id" is too noisy for a phone; we keep the ids only. */
  receivers: string[];
  /** Notice ways, de-duplicated over all levels: "weixin", "mail", "sms", … */
  ways: string[];
}

/** Notification details (old generation `extend_info` of *_NOTICE records). */
export interface NoticeInfo {
  groups: NoticeGroup[];
  emptyReceiver: boolean;
  shield: { type: string; detail: string } | null;
  webhookCount: number;
}

/** A record that validated. `operate` and `status` are raw upstream strings. */
export interface EventRecord {
  kind: 'record';
  /** Position in the upstream array; ties in time keep this order. */
  index: number;
  operate: string;
  status: string;
  /** Upstream `event_id` as a string (new generation sends a number). */
  eventId: string;
  message: string;
  /** `create_time` in epoch ms, or null when it could not be read. */
  timeMs: number | null;
  /** `create_time` exactly as sent, for display when it could not be read. */
  rawTime: string;
  converge: ConvergeInfo | null;
  notice: NoticeInfo | null;
  /** ACK note from `extend_info.message` (old generation). */
  ackNote: string | null;
}

/** A JSON value's type, as a reason names it. */
export type JsonType = 'null' | 'list' | 'text' | 'number' | 'true' | 'false' | 'object' | 'other';

/**
 * What was wrong with a record, as a code each language words itself
 * (render/unreadable-reason.ts): the parser never writes sentences.
 */
export type UnreadableReason =
  | { kind: 'not_object'; got: JsonType }
  | { kind: 'missing'; field: string }
  | { kind: 'wrong_type'; field: string; expected: 'text' | 'text_or_number'; got: JsonType }
  | { kind: 'unexpected'; detail: string | null };

/** A record that failed validation: shown, never dropped. */
export interface UnreadableRecord {
  kind: 'unreadable';
  index: number;
  /** What was wrong (e.g. operate is a number where text belongs). */
  reason: UnreadableReason;
}

export type LogEntry = EventRecord | UnreadableRecord;

/** Which Monitor generation answered, guessed from the records' shape. */
export type Generation = 'old' | 'new' | 'unknown';

/** One fetched event log. */
export interface EventLog {
  /** The ID that was asked for, as digits. */
  id: string;
  entries: LogEntry[];
  generation: Generation;
  /** The ESB's `request_id`, when it sent one. */
  requestId: string | null;
  /**
   * A big answer kept as BlueKing sent it (`entries` is then empty): its records are read and
   * rendered off the main thread each time it is shown (src/offload/), never held here.
   */
  raw?: RawLog;
}

/** The body of a big event log and how many records it holds. */
export interface RawLog {
  body: Uint8Array;
  records: number;
  /** The log with its records, read here on the calling thread: for code that needs them all (a watch's change check). */
  read(): EventLog;
}

/** A log kept raw, its body in hand. */
export type RawEventLog = EventLog & { raw: RawLog };

/**
 * What a raw log is made of, all plain data: enough to keep it elsewhere (the
 * shared store, see shared-answer-codec.ts) and build it again there.
 */
export interface RawLogParts {
  id: string;
  /** The body exactly as BlueKing sent it (it passed its check). */
  body: Uint8Array;
  records: number;
  generation: Generation;
  requestId: string | null;
}

/** The parts of a raw log, for keeping it elsewhere. */
export function rawLogParts(log: RawEventLog): RawLogParts {
  return { id: log.id, body: log.raw.body, records: log.raw.records, generation: log.generation, requestId: log.requestId };
}

/** The log with its records in hand (reading a raw one here, on the calling thread). */
export function withEntries(log: EventLog): EventLog {
  return log.raw ? log.raw.read() : log;
}

/** How many records a log holds, whether read here or kept raw. */
export function recordCountOf(log: EventLog): number {
  return log.raw ? log.raw.records : log.entries.length;
}
