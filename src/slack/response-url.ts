import type { Logger, LogFields } from '../log';
import type { SlackMessage } from './render/types';

/** A message for a response_url, with how it should land. */
export interface ResponsePayload extends Partial<SlackMessage> {
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  delete_original?: boolean;
}

const RESPONSE_TIMEOUT_MS = 10_000;
const RETRY_DELAY_MS = 500;
/** Slack's hooks answer errors with a short word (expired_url, used_url, no_text); longer bodies are not worth logging. */
const SLACK_ERROR_WORD = /^[a-z_]{1,40}$/;

/**
 * POST to a response_url. One retry on any failure (Slack's hooks answer 404
 * or 5xx now and then), then give up and log: the user at least has the
 * placeholder, and the process stays up. Resolves true when Slack took it.
 */
export async function postToResponseUrl(
  responseUrl: string,
  payload: ResponsePayload,
  log: Logger,
  context: LogFields,
): Promise<boolean> {
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const res = await fetch(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(RESPONSE_TIMEOUT_MS),
      });
      const body = await res.text(); // read whole, so the connection is reused
      if (res.ok) return true;
      const word = body.trim();
      log.warn('response_url.failed', { ...context, attempt, http_status: res.status, slack_error: SLACK_ERROR_WORD.test(word) ? word : null });
    } catch (err) {
      log.warn('response_url.failed', { ...context, attempt, error: transportFailure(err) });
    }
    if (attempt === 1) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
  }
  log.error('response_url.gave_up', { ...context, attempts: 2 });
  return false;
}

/** fetch wraps socket errors as TypeError("fetch failed") with the system code in `cause`; the code is the useful part. */
function transportFailure(err: unknown): string {
  if (!(err instanceof Error)) return 'unknown';
  const cause: unknown = err.cause;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return err.name;
}
