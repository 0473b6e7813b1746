import { slackSignatureHeaders } from '../helpers/slack-signature';
import { waitFor } from '../helpers/wait-for';
import { BK_SECRET, SIGNING_SECRET, startHarness, type Harness } from '../helpers/app-harness';

const OLD_GENERATION_LOG = {
  result: true,
  code: 0,
  message: 'OK',
  request_id: '4b1e2a90c3d54f6e8a7b9c0d1e2f3a4b',
  data: [
    {
      status: 'SUCCESS',
      event_id: '8c1f0e5a77b2d751713988987e9331980.1574439660.12.7.1',
      message: '',
      operate: 'CREATE',
      extend_info: {},
      create_time: '2019-11-23 00:21:00',
    },
    {
      status: 'FAILED',
      event_id: '8c1f0e5a77b2d751713988987e9331980.1574439660.12.7.1',
      message: '通知人为空',
      operate: 'ANOMALY_NOTICE',
      extend_info: { action: {}, empty_receiver: true },
      create_time: '2019-11-23 00:23:00',
    },
  ],
};

function envelope(body: object): { status: number; body: string } {
  return { status: 200, body: JSON.stringify(body) };
}

describe('/eventlog over real HTTP', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
    h.esb.setFallback(() => envelope(OLD_GENERATION_LOG));
  });

  afterEach(() => h.close());

  it('acks at once with an ephemeral placeholder, then replaces it with the rendered log via response_url', async () => {
    const res = await h.postCommand('5310');
    expect(res.status).toBe(200);
    const ack = (await res.json()) as { response_type: string; text: string };
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toContain('5310');

    const [delivered] = await h.responses.waitForRequests(1);
    expect(delivered.path).toMatch(/^\/commands\/\d+$/);
    const body = JSON.parse(delivered.body) as { response_type: string; replace_original: boolean; text: string; blocks: Array<{ type: string; text?: { text: string } }> };
    expect(body.response_type).toBe('ephemeral');
    expect(body.replace_original).toBe(true);
    expect(body.blocks[0].type).toBe('header');
    expect(body.blocks[0].text?.text).toContain('5310');
    expect(JSON.stringify(body.blocks)).toContain('通知人为空');
    expect(body.text).toContain('5310');
  });

  it('calls the ESB once with the ID and header credentials, keeping the secret out of the URL', async () => {
    await h.postCommand('5310');
    const [call] = await waitFor(() => h.esb.requests, 1);
    expect(call.method).toBe('GET');
    expect(call.path).toBe('/api/c/compapi/v2/monitor_v3/get_event_log/');
    expect(call.query.get('id')).toBe('5310');
    expect(JSON.parse(String(call.headers['x-bkapi-authorization']))).toEqual({
      bk_app_code: 'eventlog-bot',
      bk_app_secret: BK_SECRET,
      bk_username: 'oncall-bot',
    });
    expect(`${call.path}?${call.query.toString()}`).not.toContain(BK_SECRET);
    await h.responses.waitForRequests(1);
    expect(h.esb.requests).toHaveLength(1);
  });

  it('posts to the channel with "public", then removes the placeholder', async () => {
    await h.postCommand('5310 public');
    const [posted, removed] = await h.responses.waitForRequests(2);
    expect(JSON.parse(posted.body)).toMatchObject({ response_type: 'in_channel' });
    expect(JSON.parse(removed.body)).toEqual({ delete_original: true });
  });

  it('answers help and malformed IDs in the ack itself, without calling BlueKing', async () => {
    const help = (await (await h.postCommand('')).json()) as { text: string };
    expect(help.text).toContain('/eventlog');
    const bad = (await (await h.postCommand('12abc')).json()) as { response_type: string; text: string };
    expect(bad.response_type).toBe('ephemeral');
    expect(bad.text.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.esb.requests).toHaveLength(0);
    expect(h.responses.requests).toHaveLength(0);
  });

  it('rejects a bad signature and a stale timestamp with 401 and no upstream call', async () => {
    const body = new URLSearchParams({ command: '/eventlog', text: '5310', response_url: `${h.responses.url}/x` }).toString();
    const wrong = await h.postRaw(body, { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders('not-the-secret', body) });
    expect(wrong.status).toBe(401);
    const staleTs = Math.floor(Date.now() / 1000) - 10 * 60;
    const stale = await h.postRaw(body, { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(SIGNING_SECRET, body, staleTs) });
    expect(stale.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.esb.requests).toHaveLength(0);
  });

  it('tells the user in plain words when BlueKing refuses, with the code and request_id', async () => {
    h.esb.setFallback(() =>
      envelope({
        result: false,
        code: 1306000,
        message: 'APP Secret verification failed, please check bk_app_secret',
        data: null,
        request_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      }),
    );
    await h.postCommand('5310');
    const [delivered] = await h.responses.waitForRequests(1);
    const text = delivered.body;
    expect(text).toContain('1306000');
    expect(text).toContain('a1b2c3d4e5f60718293a4b5c6d7e8f90');
    expect(JSON.parse(text)).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(text).not.toContain(BK_SECRET);
  });

  it('serves /healthz, /readyz and /metrics on the same port', async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
    await h.postCommand('5310');
    await h.responses.waitForRequests(1);
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toContain('eventlog_lookups_total{outcome="ok"} 1');
  });
});
