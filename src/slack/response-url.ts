import http from 'node:http';
import https from 'node:https';
import fetch from 'node-fetch';
import type { Logger, LogFields } from '../log';
import type { SlackMessage } from '../render/types';

/** A message for a response_url, with how it should land. */
export interface ResponsePayload extends Partial<SlackMessage> {
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  delete_original?: boolean;
}

const RESPONSE_TIMEOUT_MS = 10_000;
// One keep-alive agent per scheme for every reply: Slack's hooks host is always the same, so
// connections are reused, and node-fetch's own timeout frees each request as soon as it ends.
const AGENTS = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
const agentFor = (url: URL): http.Agent => (url.protocol === 'https:' ? AGENTS.https : AGENTS.http);
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
        agent: agentFor,
        timeout: RESPONSE_TIMEOUT_MS,
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

/** node-fetch reports timeouts by `type` and socket errors by their system `code`; those are the useful parts. */
function transportFailure(err: unknown): string {
  if (!(err instanceof Error)) return 'unknown';
  const type = 'type' in err ? err.type : null;
  if (type === 'request-timeout' || type === 'body-timeout') return 'TimeoutError';
  if ('code' in err && typeof err.code === 'string') return err.code;
  return err.name;
}
