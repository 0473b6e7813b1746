import { describeLookupError } from '../../src/render/describe-error';
import { LOOKUP_ERROR_KINDS, LookupError, type LookupErrorDetails } from '../../src/eventlog/model/lookup-error';

const LANGS = ['en', 'zh-CN'] as const;
const SECRET = 's3cr3t-app-secret-value';

function err(details: Partial<LookupErrorDetails> & Pick<LookupErrorDetails, 'kind'>): LookupError {
  return new LookupError(details);
}

describe('describeLookupError', () => {
  it.each(LANGS.flatMap((lang) => LOOKUP_ERROR_KINDS.map((kind) => [lang, kind] as const)))('words %s %s without Slack markup', (lang, kind) => {
    const d = describeLookupError(err({ kind, httpStatus: 500 }), lang);
    expect(d.title.length).toBeGreaterThan(0);
    expect(d.explanation.length).toBeGreaterThan(0);
    for (const text of [d.title, d.explanation, d.hint ?? '']) expect(text).not.toMatch(/[<>*`]|&/);
    expect(d.hint === null).toBe(kind === 'cancelled');
  });

  it('gives different wording in English and Chinese', () => {
    const en = describeLookupError(err({ kind: 'not_found' }), 'en');
    const zh = describeLookupError(err({ kind: 'not_found' }), 'zh-CN');
    expect(en.title).toBe('No such event or alert');
    expect(zh.title).toBe('找不到该告警或事件');
  });

  it('points at the settings each kind depends on', () => {
    const hint = (kind: LookupErrorDetails['kind']): string => describeLookupError(err({ kind }), 'en').hint ?? '';
    expect(hint('app_credentials')).toContain('BK_APP_CODE and BK_APP_SECRET');
    expect(hint('user_identity')).toContain('skip-user-auth whitelist');
    expect(hint('user_identity')).toContain('BK_AUTH_STYLE=query');
    expect(hint('component_not_found')).toContain('BK_EVENT_LOG_PATH');
    expect(hint('timeout')).toContain('BK_TIMEOUT_MS');
    expect(hint('connection_refused')).toContain('BK_API_BASE_URL');
    expect(hint('unknown_host')).toContain('BK_API_BASE_URL');
    expect(hint('body_too_large')).toContain('BK_MAX_BODY_BYTES');
    expect(hint('not_found')).toContain('164239028644167');
  });

  it('says how long to wait when the upstream said so', () => {
    expect(describeLookupError(err({ kind: 'rate_limited', retryAfterSec: 30 }), 'en').hint).toBe('Wait 30 s and try again.');
    expect(describeLookupError(err({ kind: 'rate_limited', retryAfterSec: 30 }), 'zh-CN').hint).toBe('请等待 30 秒后重试。');
    expect(describeLookupError(err({ kind: 'rate_limited' }), 'en').hint).toBe('Wait 10 s and try again.');
  });

  it('words an HTTP error by its status', () => {
    const d = (httpStatus: number) => describeLookupError(err({ kind: 'http_error', httpStatus }), 'en');
    expect(d(302).title).toBe('BlueKing answered HTTP 302');
    expect(d(302).hint).toContain('not at a page that needs a login');
    expect(d(403).hint).toContain('BK_APP_CODE and BK_APP_SECRET');
    expect(d(500).hint).toContain('request ID');
    expect(describeLookupError(err({ kind: 'http_error' }), 'en').title).toBe('BlueKing answered with an HTTP error');
  });

  it('recognises a TLS certificate failure among network errors', () => {
    expect(describeLookupError(err({ kind: 'network', code: 'CERT_HAS_EXPIRED' }), 'en').hint).toContain('NODE_EXTRA_CA_CERTS');
    expect(describeLookupError(err({ kind: 'network', code: 'EHOSTUNREACH' }), 'en').hint).not.toContain('NODE_EXTRA_CA_CERTS');
  });

  it('never repeats the upstream message, so an echoed secret cannot leak through it', () => {
    for (const lang of LANGS) {
      for (const kind of LOOKUP_ERROR_KINDS) {
        const d = describeLookupError(err({ kind, upstreamMessage: `bad bk_app_secret=${SECRET}`, code: '1306000', requestId: 'r' }), lang);
        expect(JSON.stringify(d)).not.toContain(SECRET);
      }
    }
  });
});
