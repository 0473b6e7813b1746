import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBkClient, type BkClient } from '../../src/bk/client';
import { LookupError } from '../../src/eventlog/model/lookup-error';
import { DEFAULT_EVENT_LOG_PATH, DEFAULT_TRIAGE_PATHS, type BkConfig } from '../../src/config';
import type { EventLog } from '../../src/eventlog/model/record';
import { FAILURES, LOGIN_PAGE, NEW_GENERATION_164239028644167, NGINX_502_PAGE, OLD_GENERATION_5310 } from '../fixtures/bk';
import { bkConfig } from '../helpers/bk-config';
import { startFakeEsb, type FakeEsb } from '../helpers/fake-esb';

const SECRET = 'Zq9-app-secret/with+chars=';
const MB = 1024 * 1024;

let esb: FakeEsb;
const clients: BkClient[] = [];

beforeAll(async () => {
  esb = await startFakeEsb();
});
afterAll(() => esb.close());
afterEach(() => {
  clients.splice(0).forEach((c) => c.close());
  esb.requests.length = 0;
});

function config(overrides: Partial<BkConfig> = {}): BkConfig {
  return bkConfig({ baseUrl: esb.url, appSecret: SECRET, timeoutMs: 3000, maxBodyBytes: 5 * MB, ...overrides });
}

function client(overrides: Partial<BkConfig> = {}): BkClient {
  const c = createBkClient(config(overrides), { zone: 'Asia/Shanghai' });
  clients.push(c);
  return c;
}

async function fetchLog(c: BkClient, id = '5310', username: string | null = null): Promise<EventLog> {
  return c.fetchEventLog(id, { username });
}

/** The LookupError a lookup fails with (fails the test when it succeeds). */
async function failure(c: BkClient, id = '5310', signal?: AbortSignal): Promise<LookupError> {
  try {
    await c.fetchEventLog(id, { username: null }, signal);
  } catch (err) {
    if (err instanceof LookupError) return err;
    throw err;
  }
  throw new Error('expected a LookupError');
}

function leaks(err: LookupError): string {
  return JSON.stringify({ message: err.message, code: err.code, upstream: err.upstreamMessage, requestId: err.requestId });
}

describe('BlueKing client: successful lookups', () => {
  it('fetches an old-generation log with credentials in the X-Bkapi-Authorization header only', async () => {
    esb.enqueue({ body: OLD_GENERATION_5310.body });
    const log = await fetchLog(client());

    expect([log.id, log.generation, log.entries.length, log.requestId]).toEqual(['5310', 'old', 9, OLD_GENERATION_5310.requestId]);
    const [request] = esb.requests;
    expect([request.method, request.path, [...request.query]]).toEqual(['GET', DEFAULT_EVENT_LOG_PATH, [['id', '5310']]]);
    expect(JSON.parse(String(request.headers['x-bkapi-authorization']))).toEqual({ bk_app_code: 'bk-eventlog', bk_app_secret: SECRET, bk_username: 'admin' });
    expect(request.headers.accept).toBe('application/json');
  });

  it('fetches a new-generation log, keeping the echoed numeric ID as digits and newest first', async () => {
    esb.enqueue({ body: NEW_GENERATION_164239028644167.body });
    const log = await fetchLog(client(), '164239028644167');

    expect(log.generation).toBe('new');
    expect(log.entries.map((e) => (e.kind === 'record' ? [e.operate, e.eventId] : e.kind)).slice(0, 2)).toEqual([
      ['ACTION', '164239028644167'],
      ['RECOVER', '164239028644167'],
    ]);
    expect(esb.requests[0].query.get('id')).toBe('164239028644167');
  });

  it("asks as the lookup's user when one is given, else as the configured one, else as nobody", async () => {
    const c = client();
    esb.enqueue({ body: OLD_GENERATION_5310.body }, { body: OLD_GENERATION_5310.body });
    await fetchLog(c, '5310', 'lisi');
    await fetchLog(c, '5310', null);
    const users = esb.requests.map((r) => (JSON.parse(String(r.headers['x-bkapi-authorization'])) as { bk_username?: string }).bk_username);
    expect(users).toEqual(['lisi', 'admin']);

    esb.enqueue({ body: OLD_GENERATION_5310.body });
    await fetchLog(client({ username: null }));
    expect(JSON.parse(String(esb.requests[2].headers['x-bkapi-authorization']))).toEqual({ bk_app_code: 'bk-eventlog', bk_app_secret: SECRET });
  });

  it('sends the credentials as query parameters in query style, and no authorization header', async () => {
    esb.enqueue({ body: OLD_GENERATION_5310.body });
    await fetchLog(client({ authStyle: 'query' }), '5310', 'lisi');

    const [request] = esb.requests;
    expect(Object.fromEntries(request.query)).toEqual({ id: '5310', bk_app_code: 'bk-eventlog', bk_app_secret: SECRET, bk_username: 'lisi' });
    expect(request.headers['x-bkapi-authorization']).toBeUndefined();
  });

  it('reuses one kept-alive connection for consecutive lookups, and close() ends it', async () => {
    const opened = esb.connectionsOpened;
    const c = client();
    esb.enqueue({ body: OLD_GENERATION_5310.body }, { body: OLD_GENERATION_5310.body }, { body: OLD_GENERATION_5310.body });
    for (let i = 0; i < 3; i++) await fetchLog(c);

    expect(esb.connectionsOpened - opened).toBe(1);
    c.close();
    await esb.waitForNoConnections();
    expect(esb.connectionsOpen).toBe(0);
  });
});

describe('BlueKing client: failures BlueKing reports', () => {
  it.each(FAILURES.map((f) => [f.name, f] as const))('reads %s', async (_name, fixture) => {
    esb.enqueue(fixture.reply);
    const err = await failure(client());
    expect([err.kind, err.code, err.requestId, err.httpStatus]).toEqual([fixture.kind, fixture.code, fixture.requestId, fixture.reply.status]);
  });

  it('reads a 500 without an envelope as http_error', async () => {
    esb.enqueue({ status: 500, headers: { 'Content-Type': 'text/plain' }, body: 'Internal Server Error' });
    const err = await failure(client());
    expect([err.kind, err.httpStatus, err.upstreamMessage]).toEqual(['http_error', 500, 'Internal Server Error']);
  });

  it('reads a proxy 502 page as an upstream failure titled by the page', async () => {
    esb.enqueue(NGINX_502_PAGE);
    const err = await failure(client());
    expect([err.kind, err.httpStatus, err.upstreamMessage]).toEqual(['upstream_failure', 502, '502 Bad Gateway']);
  });

  it('reads a login page as html_page', async () => {
    esb.enqueue(LOGIN_PAGE);
    expect((await failure(client())).kind).toBe('html_page');
  });

  it('reads invalid JSON as not_json', async () => {
    esb.enqueue({ body: '{"result": true, "data": [' });
    expect((await failure(client())).kind).toBe('not_json');
  });

  it('reads JSON of the wrong shape, and data:null on result:true, as bad_shape', async () => {
    esb.enqueue({ body: '{"status": "ok"}' }, { body: '{"result": true, "code": 0, "message": "OK", "data": null, "request_id": "abc"}' });
    const c = client();
    expect((await failure(c)).kind).toBe('bad_shape');
    const nullData = await failure(c);
    expect([nullData.kind, nullData.requestId]).toEqual(['bad_shape', 'abc']);
  });

  it('does not follow a redirect, which would re-send the credentials elsewhere', async () => {
    esb.enqueue({ status: 302, headers: { Location: `${esb.url}/login/?next=%2F` }, body: '' });
    const err = await failure(client());
    expect([err.kind, err.httpStatus, err.upstreamMessage]).toEqual(['http_error', 302, `${esb.url}/login/`]);
    expect(esb.requests).toHaveLength(1);
  });
});

describe('BlueKing client: transport failures', () => {
  const sixMegabytes = Buffer.alloc(6 * MB, 0x20);

  it('refuses a body whose declared length is over the cap', async () => {
    esb.enqueue({ body: sixMegabytes, headers: { 'X-Request-Id': 'big-1' } });
    const err = await failure(client());
    expect([err.kind, err.httpStatus, err.requestId]).toEqual(['body_too_large', 200, 'big-1']);
  });

  it('stops reading a chunked body once it passes the cap', async () => {
    esb.enqueue({ body: sixMegabytes, chunked: true });
    const err = await failure(client());
    expect([err.kind, err.httpStatus]).toEqual(['body_too_large', 200]);
  });

  it('reports a body still trickling in at the timeout as a timeout', async () => {
    esb.enqueue({ body: OLD_GENERATION_5310.body, trickle: { bytes: 16, everyMs: 40 } });
    const err = await failure(client({ timeoutMs: 300 }));
    expect([err.kind, err.httpStatus]).toEqual(['timeout', 200]);
  });

  it('reports no answer within the timeout as a timeout', async () => {
    esb.enqueue({ body: OLD_GENERATION_5310.body, delayMs: 1000 });
    const err = await failure(client({ timeoutMs: 150 }));
    expect([err.kind, err.httpStatus]).toEqual(['timeout', null]);
  });

  it('reports a connection cut before the answer as connection_reset', async () => {
    esb.enqueue({ reset: 'before-headers' });
    expect((await failure(client())).kind).toBe('connection_reset');
  });

  it('reports a connection cut mid-body as connection_reset, with or without Content-Length', async () => {
    esb.enqueue({ body: OLD_GENERATION_5310.body, reset: 'mid-body' }, { body: OLD_GENERATION_5310.body, reset: 'mid-body', chunked: true });
    const c = client();
    for (const err of [await failure(c), await failure(c)]) expect([err.kind, err.httpStatus]).toEqual(['connection_reset', 200]);
  });

  it('reports a closed port as connection_refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    expect((await failure(client({ baseUrl: `http://127.0.0.1:${port}` }))).kind).toBe('connection_refused');
  });

  it('reports a host that does not resolve as unknown_host', async () => {
    expect((await failure(client({ baseUrl: 'http://bk-esb.invalid' }))).kind).toBe('unknown_host');
  });

  it("reports the caller's abort as cancelled, and sends nothing for an already-aborted signal", async () => {
    esb.enqueue({ body: OLD_GENERATION_5310.body, delayMs: 1000 });
    const c = client();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect((await failure(c, '5310', controller.signal)).kind).toBe('cancelled');

    const before = esb.requests.length;
    expect((await failure(c, '5310', AbortSignal.abort())).kind).toBe('cancelled');
    expect(esb.requests.length).toBe(before);
  });

  it('refuses an ID that is not digits without calling BlueKing', async () => {
    expect((await failure(client(), '12&bk_app_code=x')).kind).toBe('bad_parameter');
    expect(esb.requests).toHaveLength(0);
  });

  it('holds IDs to the one event-ID rule: zero, a leading zero or 21 digits never reach BlueKing', async () => {
    const c = client();
    for (const id of ['0', '007', '05310', '123456789012345678901']) expect((await failure(c, id)).kind).toBe('bad_parameter');
    expect(esb.requests).toHaveLength(0);
  });
});

describe('BlueKing client: secrets', () => {
  it('keeps the secret out of the URL in header style', async () => {
    esb.enqueue({ body: OLD_GENERATION_5310.body });
    await fetchLog(client());
    const { path, query } = esb.requests[0];
    expect(`${path}?${query.toString()}`).not.toContain(encodeURIComponent(SECRET));
    expect(`${path}?${query.toString()}`).not.toContain(SECRET);
  });

  it('masks a secret the ESB echoes back in its message', async () => {
    const message = `APP Secret verification failed, bk_app_secret=${SECRET} (${encodeURIComponent(SECRET)})`;
    esb.enqueue({ body: JSON.stringify({ result: false, code: 1306000, message, data: null, request_id: 'r1' }) });
    const err = await failure(client({ authStyle: 'query' }));
    expect(err.upstreamMessage).toBe('APP Secret verification failed, bk_app_secret=[redacted] ([redacted])');
  });

  it('puts neither the secret nor the URL into any transport error in query style', async () => {
    // Only the timeout case gets a short limit: on a busy machine the others must not race it.
    const c = client({ authStyle: 'query' });
    const impatient = client({ authStyle: 'query', timeoutMs: 150 });
    esb.enqueue(
      { reset: 'before-headers' },
      { body: OLD_GENERATION_5310.body, delayMs: 1000 },
      { body: Buffer.alloc(6 * MB, 0x20), chunked: true },
      { body: 'not json' },
    );
    const errors = [await failure(c), await failure(impatient), await failure(c), await failure(c)];
    const unknownHost = await failure(client({ authStyle: 'query', baseUrl: 'http://bk-esb.invalid' }));
    for (const err of [...errors, unknownHost]) {
      expect(leaks(err)).not.toContain(SECRET);
      expect(leaks(err)).not.toContain(encodeURIComponent(SECRET));
      expect(leaks(err)).not.toContain('bk_app_secret');
      expect(leaks(err)).not.toContain('127.0.0.1');
      expect(leaks(err)).not.toContain('bk-esb.invalid');
    }
    expect(errors.map((e) => e.kind)).toEqual(['connection_reset', 'timeout', 'body_too_large', 'not_json']);
  });
});

describe('BlueKing client: acting on an alert', () => {
  it('POSTs ack_event as the acting user, with the credentials in the body in query style, and blanks the secret from a refusal', async () => {
    esb.enqueue({ body: JSON.stringify({ result: true, code: 200, message: 'OK', data: null }) });
    await client({ authStyle: 'query', triagePaths: { ...DEFAULT_TRIAGE_PATHS, ackEvent: '/custom/ack_event/' } }).triage.ackAlert(
      { alertId: '164239028644167', bizId: 2, note: 'on it' },
      { username: 'lisi' },
    );
    const [request] = esb.requests;
    expect([request.method, request.path]).toEqual(['POST', '/custom/ack_event/']);
    expect(JSON.parse(request.body)).toEqual({ bk_app_code: 'bk-eventlog', bk_app_secret: SECRET, bk_username: 'lisi', bk_biz_id: 2, id: 164239028644167, message: 'on it' });

    esb.enqueue({ body: JSON.stringify({ result: false, code: 3300001, message: `当前用户无权限新增2业务屏蔽配置 ${SECRET}`, data: null }) });
    const refused = await client()
      .triage.addShield({ alertId: '164239028644167', bizId: 2, beginMs: 0, endMs: 60_000, description: 'x' }, { username: 'lisi' })
      .catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(LookupError);
    expect((refused as LookupError).kind).toBe('user_permission');
    expect(leaks(refused as LookupError)).not.toContain(SECRET);
  });

  it('asks business_list_by_actions for view_event_v2 as the user it asks about', async () => {
    esb.enqueue({ body: JSON.stringify({ result: true, code: 200, message: 'OK', data: [{ id: 2, text: '蓝鲸' }] }) });
    expect(await client().triage.businessesWithView('bob', { username: 'bob' })).toEqual([2]);
    const [request] = esb.requests;
    expect(request.path).toBe(DEFAULT_TRIAGE_PATHS.businessList);
    expect(JSON.parse(String(request.headers['x-bkapi-authorization']))).toMatchObject({ bk_username: 'bob' });
    expect(JSON.parse(request.body)).toEqual({ username: 'bob', action_ids: ['view_event_v2'] });
  });
});
