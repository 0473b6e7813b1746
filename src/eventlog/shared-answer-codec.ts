import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { LOOKUP_ERROR_KINDS, LookupError, type LookupErrorKind } from './lookup-error';
import type { DeliveryLookup } from './deliveries';
import type { EventLog } from './record';
import type { Fetched } from './upstream-gate';

/**
 * How one BlueKing answer is kept in the shared store: which lock holder made
 * the call (`token`), until when it may be served as a cached answer, and the
 * answer itself, as gzipped JSON (an event log's JSON shrinks about tenfold).
 */
export interface SharedAnswer {
  token: string;
  /** Epoch ms until which an ok answer is served from the cache; 0 = only for those waiting on this call. */
  freshUntil: number;
  fetched: Fetched;
}

// 2: ok answers carry their per-receiver results (search_action) beside the log.
const FORMAT = 2;
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

interface Wire {
  v: typeof FORMAT;
  token: string;
  freshUntil: number;
  kind: Fetched['kind'];
  log?: EventLog;
  deliveries?: WireDeliveries;
  error?: WireError;
}

type WireError = { kind: LookupErrorKind; code: string | null; upstreamMessage: string | null; requestId: string | null; httpStatus: number | null; retryAfterSec: number | null };
/** DeliveryLookup with its failure, if any, as plain fields (a LookupError does not survive JSON). */
type WireDeliveries = Exclude<DeliveryLookup, { kind: 'absent' }> | { kind: 'absent'; absence: { kind: 'off' | 'not_asked' } | { kind: 'failed'; error: WireError } };

export async function encodeSharedAnswer(answer: SharedAnswer): Promise<Buffer> {
  const { fetched } = answer;
  const wire: Wire = { v: FORMAT, token: answer.token, freshUntil: answer.freshUntil, kind: fetched.kind };
  if (fetched.kind === 'ok') {
    wire.log = fetched.log;
    wire.deliveries = wireDeliveries(fetched.deliveries);
  }
  if (fetched.kind === 'failed') wire.error = wireError(fetched.error);
  return gzipAsync(JSON.stringify(wire));
}

/** The answer, or null for bytes this version cannot read (another format, corruption): treated as a miss. */
export async function decodeSharedAnswer(bytes: Buffer): Promise<SharedAnswer | null> {
  let wire: Partial<Wire>;
  try {
    wire = JSON.parse((await gunzipAsync(bytes)).toString('utf8')) as Partial<Wire>;
  } catch {
    return null;
  }
  if (wire.v !== FORMAT || typeof wire.token !== 'string' || typeof wire.freshUntil !== 'number') return null;
  const fetched = fetchedOf(wire);
  return fetched ? { token: wire.token, freshUntil: wire.freshUntil, fetched } : null;
}

function fetchedOf(wire: Partial<Wire>): Fetched | null {
  if (wire.kind === 'busy') return { kind: 'busy' };
  if (wire.kind === 'ok' && wire.log && Array.isArray(wire.log.entries)) {
    const deliveries = deliveriesOf(wire.deliveries);
    return deliveries ? { kind: 'ok', log: wire.log, deliveries } : null;
  }
  const error = errorOf(wire.error);
  if (wire.kind === 'failed' && error) return { kind: 'failed', error };
  return null;
}

function wireError(error: LookupError): WireError {
  const { kind, code, upstreamMessage, requestId, httpStatus, retryAfterSec } = error;
  return { kind, code, upstreamMessage, requestId, httpStatus, retryAfterSec };
}

function errorOf(wire: WireError | undefined): LookupError | null {
  return wire && (LOOKUP_ERROR_KINDS as readonly string[]).includes(wire.kind) ? new LookupError(wire) : null;
}

function wireDeliveries(deliveries: DeliveryLookup): WireDeliveries {
  if (deliveries.kind === 'present' || deliveries.absence.kind !== 'failed') return deliveries as WireDeliveries;
  return { kind: 'absent', absence: { kind: 'failed', error: wireError(deliveries.absence.error) } };
}

/** The per-receiver results as stored; null (the whole answer a miss) when they cannot be read. */
function deliveriesOf(wire: WireDeliveries | undefined): DeliveryLookup | null {
  if (wire === undefined) return null;
  if (wire.kind === 'present') return Array.isArray(wire.report?.failed) ? wire : null;
  if (wire.absence.kind !== 'failed') return { kind: 'absent', absence: { kind: wire.absence.kind } };
  const error = errorOf(wire.absence.error);
  return error ? { kind: 'absent', absence: { kind: 'failed', error } } : null;
}
