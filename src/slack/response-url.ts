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

/**
 * POST to a response_url. One retry on any failure (Slack's hooks answer 404
 * or 5xx now and then), then give up and log: the user at least has the
 * placeholder, and the process stays up.
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
      await res.arrayBuffer(); // drain so the connection is reused
      if (res.ok) return true;
      log.warn('response_url.failed', { ...context, attempt, http_status: res.status });
    } catch (err) {
      log.warn('response_url.failed', { ...context, attempt, error: err instanceof Error ? err.name : 'unknown' });
    }
    if (attempt === 1) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
  }
  log.error('response_url.gave_up', context);
  return false;
}
