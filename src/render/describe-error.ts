import type { Lang } from '../config';
import { messagesFor } from '../i18n/catalog';
import type { BkErrorDescription, BkErrorFacts, HttpFailure } from '../i18n/messages';
import type { LookupError } from '../eventlog/model/lookup-error';

/**
 * Plain words for an on-call engineer: a title, what happened and what to do.
 * Built only from the error's kind and its safe fields (status, retry delay,
 * transport code), never from credentials; the texts carry no Slack markup.
 */
export function describeLookupError(err: LookupError, lang: Lang): BkErrorDescription {
  return messagesFor(lang).bkErrors[err.kind](errorFacts(err));
}

/** The facts a failure's wording may choose by. */
function errorFacts(err: LookupError): BkErrorFacts {
  return {
    httpStatus: err.httpStatus,
    retryAfterSec: err.retryAfterSec,
    httpFailure: httpFailureOf(err.httpStatus ?? 0),
    tls: isTlsFailure(err.code),
  };
}

/** Classify an http_error's status. */
function httpFailureOf(status: number): HttpFailure {
  if (status >= 300 && status <= 399) return 'redirect';
  if (status === 401 || status === 403) return 'refused';
  if (status >= 500) return 'server';
  return 'other';
}

/** True when a transport failure was the TLS handshake (the system error code is kept in `code`). */
function isTlsFailure(code: string | null): boolean {
  return /CERT|TLS|SSL|SELF_SIGNED/i.test(code ?? '');
}
