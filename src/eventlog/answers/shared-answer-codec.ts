import { LOOKUP_ERROR_KINDS, LookupError, plainLookupError, type PlainLookupError } from '../model/lookup-error';
import type { AlertLookup } from '../model/alert-context';
import type { DeliveryLookup } from '../deliveries/deliveries';
import { plainAlert, plainDeliveries, type PlainAlert, type PlainDeliveries } from '../deliveries/plain-deliveries';
import { rawLogParts, type EventLog, type Generation, type RawEventLog, type RawLogParts } from '../model/record';
import { sharedCopyOf } from '../../thread-bytes';
import { gunzipChunks, gzipChunks } from './gzip-chunks';
import { packFrame, unpackFrame } from './shared-answer-frame';
import { prefixToken, splitToken } from './stored-token';
import type { Fetched } from './answer';

/**
 * How one BlueKing answer is kept in the shared store: which lock holder made
 * the call (`token`), until when it may be served as a cached answer, and the
 * answer itself, gzipped (an event log shrinks about tenfold) on the
 * threadpool, not the main thread. The token is stored in plain before it
 * (stored-token.ts), so a replica can tell whether an answer it decoded is still current.
 *
 * A log kept raw (a big answer, see EventLog.raw) is stored as its body,
 * exactly as BlueKing sent it, behind a small JSON header (shared-answer-frame.ts):
 * its thousands of records are never stringified or parsed on the main thread
 * here, and the replica that reads it gets a raw log again, rendered off the
 * main thread like its own. Smaller logs go in the header as JSON.
 */
export interface SharedAnswer {
  token: string;
  /** Epoch ms until which an ok answer is served from the cache; 0 = only for those waiting on this call. */
  freshUntil: number;
  fetched: Fetched;
}

/** Builds a raw log again from its parts (the source's `rawLog`); without one a raw answer reads as a miss. */
export type RawLogBuilder = (parts: RawLogParts) => RawEventLog;

// 2: ok answers carry their per-receiver results (search_action) beside the log.
// 3: a binary frame (header + body); a raw log is kept as its body, not as JSON of its records.
// 4: the token in plain before the compressed frame (stored-token.ts).
// 5: an unreadable record's reason is a code (UnreadableReason) each language words, no longer English words.
// 6: ok answers carry the alert itself (search_alert) beside the log.
const FORMAT = 6;
const NO_BODY: Uint8Array = new Uint8Array(0);
const GENERATIONS: readonly Generation[] = ['old', 'new', 'unknown'];

interface Wire {
  v: typeof FORMAT;
  freshUntil: number;
  kind: Fetched['kind'];
  /** An ordinary log, records and all. */
  log?: EventLog;
  /** A raw log: everything but its body, which is the frame's body. */
  raw?: WireRaw;
  deliveries?: PlainDeliveries;
  alert?: PlainAlert;
  error?: PlainLookupError;
}

type WireRaw = Omit<RawLogParts, 'body'>;

export async function encodeSharedAnswer(answer: SharedAnswer): Promise<Buffer> {
  const { fetched } = answer;
  const wire: Wire = { v: FORMAT, freshUntil: answer.freshUntil, kind: fetched.kind };
  let body: Uint8Array = NO_BODY;
  if (fetched.kind === 'ok') {
    const { log } = fetched;
    if (log.raw) {
      const { body: rawBody, ...raw } = rawLogParts({ ...log, raw: log.raw });
      wire.raw = raw;
      body = rawBody;
    } else {
      wire.log = log;
    }
    wire.deliveries = plainDeliveries(fetched.deliveries);
    wire.alert = plainAlert(fetched.alert);
  }
  if (fetched.kind === 'failed') wire.error = plainLookupError(fetched.error);
  return prefixToken(answer.token, await gzipChunks(packFrame({ header: JSON.stringify(wire), body })));
}

/** The answer, or null for bytes this version cannot read (another format, corruption): treated as a miss. */
export async function decodeSharedAnswer(bytes: Buffer, rawLog?: RawLogBuilder): Promise<SharedAnswer | null> {
  const stored = splitToken(bytes);
  if (!stored) return null;
  let wire: Partial<Wire>;
  let body: Uint8Array;
  try {
    const frame = unpackFrame(await gunzipChunks(stored.rest));
    if (!frame) return null;
    wire = JSON.parse(frame.header) as Partial<Wire>;
    // A big body goes to shared memory as it would from BlueKing, a slice per turn: the log workers then render it without a copy each time.
    body = frame.bodyBytes > 0 ? await sharedCopyOf(frame.body, frame.bodyBytes) : NO_BODY;
  } catch {
    return null;
  }
  if (typeof wire !== 'object' || wire === null || wire.v !== FORMAT || typeof wire.freshUntil !== 'number') return null;
  const fetched = fetchedOf(wire, body, rawLog);
  return fetched ? { token: stored.token, freshUntil: wire.freshUntil, fetched } : null;
}

function fetchedOf(wire: Partial<Wire>, body: Uint8Array, rawLog: RawLogBuilder | undefined): Fetched | null {
  if (wire.kind === 'busy') return { kind: 'busy' };
  if (wire.kind === 'ok') {
    const log = logOf(wire, body, rawLog);
    const deliveries = deliveriesOf(wire.deliveries);
    const alert = alertOf(wire.alert);
    return log && deliveries && alert ? { kind: 'ok', log, deliveries, alert } : null;
  }
  const error = errorOf(wire.error);
  if (wire.kind === 'failed' && error) return { kind: 'failed', error };
  return null;
}

/** The ordinary log in the header, or the raw log built again from the header and the body. */
function logOf(wire: Partial<Wire>, body: Uint8Array, rawLog: RawLogBuilder | undefined): EventLog | null {
  if (wire.log) return Array.isArray(wire.log.entries) ? wire.log : null;
  const raw = wire.raw;
  if (!raw || !rawLog || body.length === 0) return null;
  const readable =
    typeof raw.id === 'string' &&
    Number.isSafeInteger(raw.records) &&
    raw.records >= 0 &&
    GENERATIONS.includes(raw.generation) &&
    (raw.requestId === null || typeof raw.requestId === 'string');
  return readable ? rawLog({ id: raw.id, body, records: raw.records, generation: raw.generation, requestId: raw.requestId }) : null;
}

function errorOf(wire: PlainLookupError | undefined): LookupError | null {
  return wire && (LOOKUP_ERROR_KINDS as readonly string[]).includes(wire.kind) ? new LookupError(wire) : null;
}

/** The per-receiver results as stored; null (the whole answer a miss) when they cannot be read. */
function deliveriesOf(wire: PlainDeliveries | undefined): DeliveryLookup | null {
  if (wire?.kind === 'present') return Array.isArray(wire.report?.failed) ? wire : null;
  return absentOf(wire, ['off', 'not_asked']);
}

/** The alert as stored; null (the whole answer a miss) when it cannot be read. */
function alertOf(wire: PlainAlert | undefined): AlertLookup | null {
  if (wire?.kind === 'present') {
    const { alert } = wire;
    return typeof alert?.id === 'string' && Array.isArray(alert.dimensions) && Array.isArray(alert.assignees) ? wire : null;
  }
  return absentOf(wire, ['off', 'not_asked', 'not_found']);
}

/** A stored "absent, because …" of a part beside the log, when its reason is one of `kinds` or a readable failure. */
function absentOf<K extends string>(
  wire: { kind: 'absent'; absence: { kind: string; error?: PlainLookupError } } | undefined,
  kinds: readonly K[],
): { kind: 'absent'; absence: { kind: K } | { kind: 'failed'; error: LookupError } } | null {
  if (wire?.kind !== 'absent' || typeof wire.absence !== 'object' || wire.absence === null) return null;
  const { kind } = wire.absence;
  if (kind === 'failed') {
    const error = errorOf(wire.absence.error);
    return error ? { kind: 'absent', absence: { kind: 'failed', error } } : null;
  }
  return (kinds as readonly string[]).includes(kind) ? { kind: 'absent', absence: { kind: kind as K } } : null;
}
