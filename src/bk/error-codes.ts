import type { LookupErrorKind } from '../eventlog/model/lookup-error';

/**
 * Upstream codes → error kinds. One table for the ESB (1306xxx), Monitor
 * (3324002, 3300002, old 400) and the API gateway (16xxxxx); codes are compared
 * as strings because they arrive as numbers or strings.
 */

const EXACT_CODES: ReadonlyMap<string, LookupErrorKind> = new Map([
  ['1306401', 'user_identity'],
  ['1306402', 'user_permission'],
  ['1306403', 'app_permission'],
  ['1306404', 'component_not_found'],
  ['1306406', 'bad_parameter'],
  ['1306429', 'rate_limited'],
  ['1306201', 'upstream_failure'],
  ['3324002', 'not_found'],
  ['3300002', 'bad_parameter'],
  // bk-monitor's IAM refusal: 当前用户无 [<action>] 权限.
  ['9900403', 'user_permission'],
  ['1640301', 'app_permission'],
  ['1640401', 'component_not_found'],
]);

// ESB 1306000 and gateway 1640001 both cover "bad app credentials" and "no verified user".
const USER_IDENTITY_TEXT = /user authentication|user identity|bk_username|bk_token|access_token|用户/i;
const APP_CREDENTIALS_TEXT = /app secret|app code|bk_app_code|bk_app_secret|signature|应用|密钥/i;
const NOT_EXISTS_TEXT = /not exists?|does not exist|不存在/i;
// bk-monitor's own permission checks under other codes, e.g. add_shield's 当前用户无权限新增2业务屏蔽配置.
const NO_PERMISSION_TEXT = /无权限|无\s*\[[^\]]*\]\s*权限|permission denied|no permission/i;
const GATEWAY_RATE_LIMIT = /^16429\d\d$/;
const GATEWAY_BACKEND = /^165\d{4}$/;
const GATEWAY = /^16\d{5}$/;

/**
 * The kind for a `result: false` answer (or an `X-Bkapi-Error-Code` header).
 * @param code the upstream code as a string
 * @param message the upstream message; some codes are split by its wording
 */
export function kindForCode(code: string, message: string): LookupErrorKind {
  const exact = EXACT_CODES.get(code);
  if (exact) return exact;
  if (code === '1306000') return credentialKind(message) ?? 'api_error';
  if (code === '1640001') return credentialKind(message) ?? 'app_credentials';
  // The old generation answers a missing event with code 400 "event(…) not exists.".
  if (code === '400') return NOT_EXISTS_TEXT.test(message) ? 'not_found' : 'api_error';
  if (GATEWAY_RATE_LIMIT.test(code)) return 'rate_limited';
  if (GATEWAY_BACKEND.test(code)) return 'upstream_failure';
  if (GATEWAY.test(code)) return 'gateway';
  if (NO_PERMISSION_TEXT.test(message)) return 'user_permission';
  return 'api_error';
}

/**
 * The kind a bare HTTP status implies when the body is no envelope, or null
 * when the status alone says nothing more specific than "HTTP error".
 */
export function kindForHttpStatus(status: number): LookupErrorKind | null {
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'upstream_failure';
  if (status === 404) return 'component_not_found';
  // 401/403 without an envelope usually come from a proxy or firewall, not from BlueKing's
  // credential checks, so they stay http_error (describeLookupError's wording hints at both).
  return null;
}

function credentialKind(message: string): LookupErrorKind | null {
  // User first: user-identity messages never mention the app secret, but some app messages name no user.
  if (USER_IDENTITY_TEXT.test(message)) return 'user_identity';
  if (APP_CREDENTIALS_TEXT.test(message)) return 'app_credentials';
  return null;
}
