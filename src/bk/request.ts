import type { BkConfig } from '../config';

/**
 * The HTTP requests the bot sends the ESB, with credentials placed as
 * configured: in the X-Bkapi-Authorization header (default; keeps the secret
 * out of URLs and proxy logs) or, for older ESBs, where the sheet puts them
 * (query parameters of a GET, fields of a POST's JSON body).
 */

export interface EsbRequest {
  method: 'GET' | 'POST';
  /** Includes the secret in query style: never log or show it. */
  url: string;
  headers: Record<string, string>;
  /** The JSON body of a POST (includes the secret in query style). */
  body?: string;
}

/** The GET for one event log (kept as its own name: the bench and tests build it too). */
export type EventLogRequest = EsbRequest;

const USER_AGENT = 'bk-eventlog-slack';

/** Build the request for `id`, asking as `username` (omitted when null). */
export function buildEventLogRequest(cfg: BkConfig, id: string, username: string | null): EventLogRequest {
  const url = new URL(`${cfg.baseUrl}${cfg.eventLogPath}`);
  url.searchParams.set('id', id);
  const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': USER_AGENT };
  const credentials = credentialsFor(cfg, username);
  if (cfg.authStyle === 'query') {
    for (const [name, value] of Object.entries(credentials)) url.searchParams.set(name, value);
  } else {
    headers['X-Bkapi-Authorization'] = JSON.stringify(credentials);
  }
  return { method: 'GET', url: url.toString(), headers };
}

/** Build a JSON POST to `path` (e.g. search_action), asking as `username` (omitted when null). */
export function buildJsonPost(cfg: BkConfig, path: string, fields: Record<string, unknown>, username: string | null): EsbRequest {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json', 'User-Agent': USER_AGENT };
  const credentials = credentialsFor(cfg, username);
  let body: Record<string, unknown> = fields;
  if (cfg.authStyle === 'query') body = { ...credentials, ...fields };
  else headers['X-Bkapi-Authorization'] = JSON.stringify(credentials);
  return { method: 'POST', url: `${cfg.baseUrl}${path}`, headers, body: JSON.stringify(body) };
}

function credentialsFor(cfg: BkConfig, username: string | null): Record<string, string> {
  const credentials: Record<string, string> = { bk_app_code: cfg.appCode, bk_app_secret: cfg.appSecret };
  if (username !== null) credentials.bk_username = username;
  return credentials;
}
