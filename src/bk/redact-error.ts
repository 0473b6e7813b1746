import { LookupError } from '../eventlog/model/lookup-error';
import { createRedactor } from '../redact';

/**
 * The same error with every secret masked in its text fields. Upstream
 * messages may echo request parameters, and in query style those include
 * the app secret (raw or URL-encoded).
 */
export function redactSecrets(err: LookupError, secrets: readonly string[]): LookupError {
  // Every length counts here: an error's fields are not prose, so a short secret is still masked.
  const redact = createRedactor(secrets, 1);
  const mask = (text: string | null): string | null => (text === null ? null : redact(text));
  const upstreamMessage = mask(err.upstreamMessage);
  const code = mask(err.code);
  const requestId = mask(err.requestId);
  if (upstreamMessage === err.upstreamMessage && code === err.code && requestId === err.requestId) return err;
  return new LookupError({
    kind: err.kind,
    code,
    upstreamMessage,
    requestId,
    httpStatus: err.httpStatus,
    retryAfterSec: err.retryAfterSec,
  });
}
