/**
 * What went wrong when we called Slack's Web API, reduced to the platform's
 * error string (not_in_channel, channel_not_found, is_archived, missing_scope,
 * ratelimited, …) so the user can be told what to fix.
 */
export function slackErrorCode(err: unknown): string {
  if (typeof err !== 'object' || err === null) return 'unknown_error';
  const data = 'data' in err ? (err as { data: unknown }).data : null;
  if (typeof data === 'object' && data !== null && 'error' in data && typeof data.error === 'string') return data.error;
  const code = 'code' in err ? String((err as { code: unknown }).code) : '';
  if (code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  if (code === 'slack_webapi_request_error') return 'request_error';
  if (code === 'slack_webapi_http_error') return 'http_error';
  return 'unknown_error';
}
