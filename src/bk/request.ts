import type { BkConfig } from '../config';

/**
 * The GET request for one event log, with credentials placed as configured:
 * in the X-Bkapi-Authorization header (default; keeps the secret out of URLs
 * and proxy logs) or as query parameters (older ESBs know only those).
 */

export interface EventLogRequest {
  /** Includes the secret in query style: never log or show it. */
  url: string;
  headers: Record<string, string>;
}

const USER_AGENT = 'bk-eventlog-slack';

/** Build the request for `id`, asking as `username` (omitted when null). */
export function buildEventLogRequest(cfg: BkConfig, id: string, username: string | null): EventLogRequest {
  const url = new URL(`${cfg.baseUrl}${cfg.eventLogPath}`);
  url.searchParams.set('id', id);
  const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': USER_AGENT };
  const credentials: Record<string, string> = { bk_app_code: cfg.appCode, bk_app_secret: cfg.appSecret };
  if (username !== null) credentials.bk_username = username;
  if (cfg.authStyle === 'query') {
    for (const [name, value] of Object.entries(credentials)) url.searchParams.set(name, value);
  } else {
    headers['X-Bkapi-Authorization'] = JSON.stringify(credentials);
  }
  return { url: url.toString(), headers };
}
