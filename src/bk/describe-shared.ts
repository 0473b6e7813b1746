import type { BkError, BkErrorKind } from './errors';

/** Plain words for one failure: what happened, why, and what to do. No Slack markup. */
export interface BkErrorDescription {
  title: string;
  explanation: string;
  /** What to do about it, or null when there is nothing useful to say. */
  hint: string | null;
}

/** One language's texts: a describer for every kind, so a new kind fails to compile until worded. */
export type BkErrorTexts = Record<BkErrorKind, (err: BkError) => BkErrorDescription>;

/** Which flavour of HTTP failure an http_error is, for choosing its wording. */
export type HttpFailure = 'redirect' | 'refused' | 'server' | 'other';

/** Classify an http_error's status. */
export function httpFailureOf(err: BkError): HttpFailure {
  const status = err.httpStatus ?? 0;
  if (status >= 300 && status <= 399) return 'redirect';
  if (status === 401 || status === 403) return 'refused';
  if (status >= 500) return 'server';
  return 'other';
}

/** True when a transport failure was the TLS handshake (the system error code is kept in `code`). */
export function isTlsFailure(err: BkError): boolean {
  return /CERT|TLS|SSL|SELF_SIGNED/i.test(err.code ?? '');
}
