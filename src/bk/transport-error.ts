import { LookupError, type LookupErrorKind } from '../eventlog/model/lookup-error';
import type { StopReason } from './deadline';

/**
 * A failed fetch → LookupError. Only the error's type and system code are read:
 * node-fetch messages contain the request URL, which in query style carries
 * the app secret, so they never reach the LookupError.
 */

const KIND_BY_SYSTEM_CODE: ReadonlyMap<string, LookupErrorKind> = new Map([
  ['ECONNREFUSED', 'connection_refused'],
  ['ENOTFOUND', 'unknown_host'],
  ['EAI_AGAIN', 'unknown_host'],
  ['EAI_NONAME', 'unknown_host'],
  ['EAI_NODATA', 'unknown_host'],
  ['ECONNRESET', 'connection_reset'],
  ['EPIPE', 'connection_reset'],
  ['ERR_STREAM_PREMATURE_CLOSE', 'connection_reset'],
]);

/** What was known when the failure happened: set once the response headers had arrived. */
export interface ResponseSoFar {
  httpStatus: number | null;
  requestId: string | null;
}

const NOTHING_YET: ResponseSoFar = { httpStatus: null, requestId: null };

/**
 * Classify a transport failure.
 * @param stopped why our own signal fired, if it did (it wins over what the aborted fetch reports)
 * @param soFar status and request ID when the headers had arrived (a body that trickled or broke)
 */
export function transportError(err: unknown, stopped: StopReason | null, soFar: ResponseSoFar = NOTHING_YET): LookupError {
  if (stopped !== null) return new LookupError({ kind: stopped, ...soFar });
  if (stringField(err, 'type') === 'max-size') return new LookupError({ kind: 'body_too_large', ...soFar });
  const code = stringField(err, 'code');
  const kind = code === null ? undefined : KIND_BY_SYSTEM_CODE.get(code);
  if (kind) return new LookupError({ kind, ...soFar });
  // Node reports a connection closed before any response as "socket hang up" (usually with ECONNRESET).
  if (/socket hang up/i.test(stringField(err, 'message') ?? '')) return new LookupError({ kind: 'connection_reset', ...soFar });
  // The system code (e.g. CERT_HAS_EXPIRED) is kept: it is the one clue for the catch-all kind.
  return new LookupError({ kind: 'network', code, ...soFar });
}

function stringField(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null || !(key in value)) return null;
  const field: unknown = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field !== '' ? field : null;
}
