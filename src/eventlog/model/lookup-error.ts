/**
 * Why a lookup failed, as the domain hands it to Slack code: one kind for
 * every way the BlueKing call can fail (the BlueKing client, src/bk/, maps its
 * answers and transport faults onto these), plus the bot's own `cancelled` and
 * `internal`. Owned here so Slack code never depends on the BlueKing client.
 * The plain words for each kind are in src/i18n/<lang>/bk-errors.ts, chosen by
 * src/render/describe-error.ts.
 */

export const LOOKUP_ERROR_KINDS = [
  'app_credentials', // bad app code / secret (1306000 "APP Secret verification failed", 1640001)
  'user_identity', // operator missing or not verified (1306401, 1306000 "User authentication failed")
  'user_permission', // the BlueKing user may not see this (1306402)
  'app_permission', // the app may not call the component (1306403, 1640301)
  'component_not_found', // wrong path or ESB version (1306404, HTTP 404)
  'not_found', // no such event / alert (3324002, old generation 400 "event(…) not exists.")
  'bad_parameter', // parameter error (1306406, 3300002)
  'rate_limited', // 1306429, 16429xx, HTTP 429
  'upstream_failure', // the ESB could not reach Monitor (1306201, 1650200, HTTP 5xx)
  'gateway', // other API-gateway 16xxxxx errors
  'api_error', // result:false with a code we have no better word for
  'http_error', // non-2xx without a usable envelope
  'html_page', // an HTML page where JSON was expected (proxy, login page)
  'not_json', // a body that is not JSON
  'bad_shape', // JSON, but not the envelope we expect
  'body_too_large', // body over the configured cap
  'timeout', // no complete answer within BK_TIMEOUT_MS
  'connection_refused',
  'unknown_host',
  'connection_reset',
  'network', // any other transport failure
  'cancelled', // the caller's AbortSignal stopped the lookup before BlueKing answered
  'internal', // a bug in the bot itself, not a BlueKing fault (logged in full as lookup.unexpected)
] as const;
export type LookupErrorKind = (typeof LOOKUP_ERROR_KINDS)[number];

/** Seconds to wait after a rate limit that did not say how long. */
export const DEFAULT_RATE_LIMIT_RETRY_SEC = 10;
/** Longest pause the bot takes on BlueKing's word: a bogus Retry-After cannot silence it for long. */
export const MAX_RATE_LIMIT_RETRY_SEC = 60;

export interface LookupErrorDetails {
  kind: LookupErrorKind;
  /** Upstream code as sent (`code`, or `X-Bkapi-Error-Code`), as a string. */
  code?: string | null;
  /** Upstream message as sent; untrusted text, escape before showing. */
  upstreamMessage?: string | null;
  requestId?: string | null;
  httpStatus?: number | null;
  /** Seconds to wait before retrying, when the upstream said so. */
  retryAfterSec?: number | null;
}

/** A LookupError as plain data, every field present: for a worker thread or the shared store, where a class does not survive. */
export type PlainLookupError = Required<LookupErrorDetails>;

export function plainLookupError(err: LookupError): PlainLookupError {
  const { kind, code, upstreamMessage, requestId, httpStatus, retryAfterSec } = err;
  return { kind, code, upstreamMessage, requestId, httpStatus, retryAfterSec };
}

export class LookupError extends Error {
  readonly kind: LookupErrorKind;
  readonly code: string | null;
  readonly upstreamMessage: string | null;
  readonly requestId: string | null;
  readonly httpStatus: number | null;
  readonly retryAfterSec: number | null;

  constructor(details: LookupErrorDetails) {
    // The message is for logs: kind, code and request id only; never a URL (it may hold a secret in query style).
    super(
      `BlueKing ${details.kind}` +
        (details.code ? ` code=${details.code}` : '') +
        (details.httpStatus ? ` http=${details.httpStatus}` : '') +
        (details.requestId ? ` request_id=${details.requestId}` : ''),
    );
    this.name = 'LookupError';
    this.kind = details.kind;
    this.code = details.code ?? null;
    this.upstreamMessage = details.upstreamMessage ?? null;
    this.requestId = details.requestId ?? null;
    this.httpStatus = details.httpStatus ?? null;
    // A rate limit without Retry-After still gets a number: users are told when to try again,
    // and the service pauses calls for that long instead of hammering a throttled BlueKing.
    // Capped here, so the pause the bot takes and the wait users are told are the same number.
    const retryAfterSec = details.retryAfterSec ?? (details.kind === 'rate_limited' ? DEFAULT_RATE_LIMIT_RETRY_SEC : null);
    this.retryAfterSec = retryAfterSec === null ? null : Math.min(retryAfterSec, MAX_RATE_LIMIT_RETRY_SEC);
  }
}
