import { parseEventLogResponse, type HeaderReader } from '../../src/bk/envelope';
import { LookupError, DEFAULT_RATE_LIMIT_RETRY_SEC } from '../../src/eventlog/model/lookup-error';
import type { EventLog } from '../../src/eventlog/model/record';
import { FAILURES, LOGIN_PAGE, NEW_GENERATION_164239028644167, NGINX_502_PAGE, OLD_GENERATION_5310, type RecordedReply } from '../fixtures/bk';

function headers(values: Record<string, string> = {}): HeaderReader {
  const lower = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  return { get: (name) => lower.get(name.toLowerCase()) ?? null };
}

function parse(reply: Partial<RecordedReply>, id = '5310'): EventLog {
  return parseEventLogResponse({ id, httpStatus: reply.status ?? 200, headers: headers(reply.headers), body: reply.body ?? '', zone: 'Asia/Shanghai' });
}

/** The LookupError a reply is read as (fails the test when it parses). */
function failure(reply: Partial<RecordedReply>): LookupError {
  try {
    parse(reply);
  } catch (err) {
    if (err instanceof LookupError) return err;
    throw err;
  }
  throw new Error('expected a LookupError');
}

/** The fields of a LookupError that tests compare. */
function fields(err: LookupError): Record<string, unknown> {
  const { kind, code, upstreamMessage, requestId, httpStatus, retryAfterSec } = err;
  return { kind, code, upstreamMessage, requestId, httpStatus, retryAfterSec };
}

const envelope = (fields: Record<string, unknown>): string => JSON.stringify({ result: true, code: 0, message: 'OK', data: [], ...fields });

describe('parseEventLogResponse on success', () => {
  it('reads an old-generation log with the request id from the body', () => {
    const log = parse({ body: OLD_GENERATION_5310.body });
    expect([log.id, log.generation, log.entries.length, log.requestId]).toEqual(['5310', 'old', 9, OLD_GENERATION_5310.requestId]);
  });

  it('reads a new-generation log answered with code 200', () => {
    const log = parse({ body: NEW_GENERATION_164239028644167.body }, NEW_GENERATION_164239028644167.id);
    expect([log.id, log.generation, log.entries.length, log.requestId]).toEqual([
      '164239028644167',
      'new',
      8,
      NEW_GENERATION_164239028644167.requestId,
    ]);
  });

  it('accepts code "0" as a string and an empty log', () => {
    expect(parse({ body: envelope({ code: '0', request_id: 'r1' }) })).toEqual({ id: '5310', entries: [], generation: 'unknown', requestId: 'r1' });
  });

  it('falls back to the gateway or proxy request id header', () => {
    expect(parse({ body: envelope({}), headers: { 'X-Bkapi-Request-Id': 'gw-1' } }).requestId).toBe('gw-1');
    expect(parse({ body: envelope({}), headers: { 'X-Request-Id': 'px-1' } }).requestId).toBe('px-1');
    expect(parse({ body: envelope({}) }).requestId).toBeNull();
  });
});

describe('parseEventLogResponse on result:false', () => {
  it.each(FAILURES.map((f) => [f.name, f] as const))('reads %s as its kind, code, message and request id', (_name, fixture) => {
    const err = failure(fixture.reply);
    const sent = JSON.parse(fixture.reply.body) as { message: string };
    const message = fixture.reply.headers['X-Bkapi-Error-Message'] ?? sent.message;
    expect(fields(err)).toEqual({
      kind: fixture.kind,
      code: fixture.code,
      upstreamMessage: message,
      requestId: fixture.requestId,
      httpStatus: fixture.reply.status,
      // A rate limit that does not say how long still gets the default wait.
      retryAfterSec: fixture.kind === 'rate_limited' ? DEFAULT_RATE_LIMIT_RETRY_SEC : null,
    });
  });

  it('accepts data {} and a string code', () => {
    const err = failure({ body: JSON.stringify({ result: false, code: '1306404', message: 'not found', data: {} }) });
    expect([err.kind, err.code]).toEqual(['component_not_found', '1306404']);
  });

  it('classifies by envelope code on a non-2xx status', () => {
    const body = JSON.stringify({ result: false, code: 1306201, message: 'Request Monitor error', data: null });
    expect(fields(failure({ status: 500, body }))).toMatchObject({ kind: 'upstream_failure', code: '1306201', httpStatus: 500 });
  });

  it('lets a telling status describe an unrecognised code', () => {
    const body = JSON.stringify({ result: false, code: 42, message: 'busy', data: null });
    expect(failure({ status: 503, body }).kind).toBe('upstream_failure');
    expect(failure({ status: 200, body }).kind).toBe('api_error');
  });

  it('shows a field-error object message as compact JSON', () => {
    const body = JSON.stringify({ result: false, code: 3300002, message: { id: ['请填写合法的整数值。'] }, data: null });
    expect(failure({ body }).upstreamMessage).toBe('{"id":["请填写合法的整数值。"]}');
  });

  it('carries Retry-After, or the gateway rate-limit reset, in seconds', () => {
    const body = JSON.stringify({ result: false, code: 1306429, message: 'slow down', data: null });
    expect(failure({ body, headers: { 'Retry-After': '30' } }).retryAfterSec).toBe(30);
    expect(failure({ body, headers: { 'X-Bkapi-RateLimit-Reset': '12' } }).retryAfterSec).toBe(12);
    expect(failure({ body, headers: { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' } }).retryAfterSec).toBe(DEFAULT_RATE_LIMIT_RETRY_SEC);
    expect(failure({ body }).retryAfterSec).toBe(DEFAULT_RATE_LIMIT_RETRY_SEC);
  });
});

describe('parseEventLogResponse on gateway headers', () => {
  it('classifies by X-Bkapi-Error-Code even without a JSON body', () => {
    const err = failure({ status: 403, headers: { 'X-Bkapi-Error-Code': '1640301', 'X-Bkapi-Error-Message': 'App has no permission to the resource' } });
    expect(fields(err)).toEqual({
      kind: 'app_permission',
      code: '1640301',
      upstreamMessage: 'App has no permission to the resource',
      requestId: null,
      httpStatus: 403,
      retryAfterSec: null,
    });
  });

  it('ignores an X-Bkapi-Error-Code of 0', () => {
    expect(parse({ body: envelope({}), headers: { 'X-Bkapi-Error-Code': '0' } }).entries).toEqual([]);
  });
});

describe('parseEventLogResponse on answers that are not the envelope', () => {
  it('reads an nginx 502 page as an upstream failure with the page title', () => {
    expect(fields(failure(NGINX_502_PAGE))).toEqual({
      kind: 'upstream_failure',
      code: null,
      upstreamMessage: '502 Bad Gateway',
      requestId: null,
      httpStatus: 502,
      retryAfterSec: null,
    });
  });

  it('reads a login page served with 200 as html_page with its trimmed title', () => {
    expect(fields(failure(LOGIN_PAGE))).toMatchObject({ kind: 'html_page', upstreamMessage: '蓝鲸智云 | 登录', httpStatus: 200 });
  });

  it('reads an HTML error page on an unmapped status as html_page', () => {
    const err = failure({ status: 403, headers: {}, body: '<!DOCTYPE html><html><head><title>Access &amp; Denied</title></head></html>' });
    expect(fields(err)).toMatchObject({ kind: 'html_page', upstreamMessage: 'Access & Denied', httpStatus: 403 });
  });

  it('spots HTML by its first character when the content type says nothing', () => {
    expect(failure({ body: '  <html><body><h1>Maintenance</h1></body></html>' })).toMatchObject({ kind: 'html_page', upstreamMessage: 'Maintenance' });
  });

  it('reads a plain-text 500 as http_error with the start of the text', () => {
    expect(fields(failure({ status: 500, headers: { 'Content-Type': 'text/plain' }, body: 'Internal Server Error\n' }))).toMatchObject({
      kind: 'http_error',
      upstreamMessage: 'Internal Server Error',
      httpStatus: 500,
    });
  });

  it('maps bare 404, 429 and 504 statuses to their kinds', () => {
    expect(failure({ status: 404, body: 'Not Found' }).kind).toBe('component_not_found');
    expect(failure({ status: 429, body: '', headers: { 'Retry-After': '5' } })).toMatchObject({ kind: 'rate_limited', retryAfterSec: 5 });
    expect(failure({ status: 504, body: 'upstream request timeout' }).kind).toBe('upstream_failure');
  });

  it('reads a redirect as http_error naming the target without its query', () => {
    const err = failure({ status: 302, headers: { Location: 'https://paas.example.com/login/?c_url=%2Fapi%3Fbk_app_secret%3Dx#top' }, body: '<html>302</html>' });
    expect(fields(err)).toMatchObject({ kind: 'http_error', upstreamMessage: 'https://paas.example.com/login/', httpStatus: 302 });
  });

  it('reads a non-JSON 200 as not_json, and an empty body as not_json without a message', () => {
    expect(fields(failure({ body: 'upstream connect error or disconnect/reset before headers' }))).toMatchObject({
      kind: 'not_json',
      upstreamMessage: 'upstream connect error or disconnect/reset before headers',
    });
    expect(fields(failure({ body: '' }))).toMatchObject({ kind: 'not_json', upstreamMessage: null });
  });

  it('reads JSON that is not the envelope as bad_shape', () => {
    expect(failure({ body: '[]' }).kind).toBe('bad_shape');
    expect(failure({ body: '"ok"' }).kind).toBe('bad_shape');
    expect(fields(failure({ body: '{"detail":"Authentication credentials were not provided."}' }))).toMatchObject({
      kind: 'bad_shape',
      upstreamMessage: 'Authentication credentials were not provided.',
    });
  });

  it('reads result:true with data null or {} as bad_shape, keeping the request id', () => {
    expect(fields(failure({ body: envelope({ data: null, request_id: 'r9' }) }))).toMatchObject({ kind: 'bad_shape', requestId: 'r9', code: '0' });
    expect(failure({ body: envelope({ data: {} }) }).kind).toBe('bad_shape');
  });

  it('cuts a long upstream text to one short line', () => {
    const err = failure({ status: 500, body: `${'x'.repeat(1000)}\n` });
    expect(err.upstreamMessage).toBe(`${'x'.repeat(299)}…`);
  });
});
