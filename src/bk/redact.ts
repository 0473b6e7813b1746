import { BkError } from './errors';

const MASK = '[redacted]';

/**
 * The same error with every secret masked in its text fields. Upstream
 * messages may echo request parameters, and in query style those include
 * the app secret (raw or URL-encoded).
 */
export function redactSecrets(err: BkError, secrets: readonly string[]): BkError {
  const variants = secrets.filter((s) => s.length > 0).flatMap((s) => [s, encodeURIComponent(s)]);
  const mask = (text: string | null): string | null =>
    text === null ? null : variants.reduce((out, secret) => out.split(secret).join(MASK), text);
  const upstreamMessage = mask(err.upstreamMessage);
  const code = mask(err.code);
  const requestId = mask(err.requestId);
  if (upstreamMessage === err.upstreamMessage && code === err.code && requestId === err.requestId) return err;
  return new BkError({
    kind: err.kind,
    code,
    upstreamMessage,
    requestId,
    httpStatus: err.httpStatus,
    retryAfterSec: err.retryAfterSec,
  });
}
