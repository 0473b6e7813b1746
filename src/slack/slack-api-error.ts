/**
 * What went wrong when we called Slack's Web API, reduced to the platform's
 * error string (not_in_channel, channel_not_found, is_archived, missing_scope,
 * ratelimited, …) so the user can be told what to fix.
 */
import type { SlackApiFailure } from '../render/types';

export type { SlackApiFailure };

// Scopes are lowercase words joined by ':' and '.', listed with commas ("chat:write,chat:write.public").
const SCOPE_LIST = /^[a-z][a-z_.:]*(?:,[a-z][a-z_.:]*)*$/;
const MAX_SCOPE_LIST = 200;

/** The failure of a Web API call, read from the error the WebClient threw. */
export function slackApiFailure(err: unknown): SlackApiFailure {
  const data = typeof err === 'object' && err !== null && 'data' in err ? (err as { data: unknown }).data : null;
  if (typeof data === 'object' && data !== null && 'error' in data && typeof data.error === 'string') {
    const needed = 'needed' in data ? data.needed : null;
    const neededScope = typeof needed === 'string' && needed.length <= MAX_SCOPE_LIST && SCOPE_LIST.test(needed) ? needed : null;
    return { code: data.error, neededScope };
  }
  return { code: transportCode(err), neededScope: null };
}

/** Slack's error string for a failed Web API call (see slackApiFailure). */
export function slackErrorCode(err: unknown): string {
  return slackApiFailure(err).code;
}

/** The WebClient's own error codes for failures without a Slack answer. */
function transportCode(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  if (code === 'slack_webapi_request_error') return 'request_error';
  if (code === 'slack_webapi_http_error') return 'http_error';
  return 'unknown_error';
}
