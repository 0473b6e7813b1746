import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { LOOKUP_ERROR_KINDS, LookupError, type LookupErrorKind } from './lookup-error';
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

const FORMAT = 1;
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

interface Wire {
  v: typeof FORMAT;
  token: string;
  freshUntil: number;
  kind: Fetched['kind'];
  log?: EventLog;
  error?: { kind: LookupErrorKind; code: string | null; upstreamMessage: string | null; requestId: string | null; httpStatus: number | null; retryAfterSec: number | null };
}

export async function encodeSharedAnswer(answer: SharedAnswer): Promise<Buffer> {
  const { fetched } = answer;
  const wire: Wire = { v: FORMAT, token: answer.token, freshUntil: answer.freshUntil, kind: fetched.kind };
  if (fetched.kind === 'ok') wire.log = fetched.log;
  if (fetched.kind === 'failed') {
    const { kind, code, upstreamMessage, requestId, httpStatus, retryAfterSec } = fetched.error;
    wire.error = { kind, code, upstreamMessage, requestId, httpStatus, retryAfterSec };
  }
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
  if (wire.kind === 'ok' && wire.log && Array.isArray(wire.log.entries)) return { kind: 'ok', log: wire.log };
  if (wire.kind === 'failed' && wire.error && (LOOKUP_ERROR_KINDS as readonly string[]).includes(wire.error.kind)) {
    return { kind: 'failed', error: new LookupError(wire.error) };
  }
  return null;
}
