import { OLD_GENERATION_5310 } from '../fixtures/bk';
import { BK_SECRET, BOT_TOKEN, SIGNING_SECRET, startHarness, type Harness } from '../helpers/app-harness';
import type { EsbReply } from '../helpers/fake-esb';
import { parseSlackArgs } from '../helpers/fake-slack-api';
import { logLines, messageText } from '../helpers/message-text';
import type { RecordedRequest } from '../helpers/recording-server';
import { chatMessage, messageAction } from '../helpers/slack-payloads';
import { waitFor } from '../helpers/wait-for';

/**
 * No secret leaves by a door it should not: across successes and many faults,
 * in both credential styles, the app secret, bot token and signing secret
 * appear in no log line, no Slack payload and no ack. Upstream text that
 * tries to ping or disguise a link reaches Slack inert.
 */

const SECRETS = { BK_SECRET, BOT_TOKEN, SIGNING_SECRET };
/** Each secret with every form it could take: raw, URL-encoded, inside a JSON string. */
const SECRET_FORMS = Object.entries(SECRETS).map(([name, value]) => ({
  name,
  forms: [...new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])],
}));

const GOOD: EsbReply = { status: 200, body: OLD_GENERATION_5310.body };
const REQUEST_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

/** Upstream answers that echo the secret back, the way misconfigured proxies and chatty ESBs do. */
const ECHOING_FAULTS: EsbReply[] = [
  {
    body: JSON.stringify({ result: false, code: 1306000, message: `APP Secret verification failed [bk_app_secret=${BK_SECRET}]`, data: null, request_id: REQUEST_ID }),
  },
  {
    body: JSON.stringify({
      result: false,
      code: 1306406,
      message: `Parameters error [url=/get_event_log/?bk_app_secret=${encodeURIComponent(BK_SECRET)}&id=5310]`,
      data: null,
      request_id: REQUEST_ID,
    }),
  },
  {
    status: 401,
    headers: { 'X-Bkapi-Error-Code': '1640001', 'X-Bkapi-Error-Message': `app secret ${BK_SECRET} is incorrect`, 'X-Bkapi-Request-Id': REQUEST_ID },
    body: JSON.stringify({ result: false, code: 1640001, message: `bk_app_secret ${BK_SECRET} is incorrect`, data: null }),
  },
  { status: 200, headers: { 'Content-Type': 'text/html' }, body: `<html><head><title>Login ${BK_SECRET}</title></head><body></body></html>` },
  { status: 500, headers: { 'Content-Type': 'text/plain' }, body: `Traceback: bad secret ${BK_SECRET}` },
  { status: 500, body: JSON.stringify({ detail: `secret ${BK_SECRET} rejected` }) },
  { status: 200, headers: { 'Content-Type': 'text/plain' }, body: `not json ${BK_SECRET}` },
  { status: 302, headers: { Location: `https://login.example/?next=/api/&bk_app_secret=${BK_SECRET}` }, body: '' },
  { reset: 'before-headers' },
  { ...GOOD, trickle: { bytes: 8, everyMs: 100 } },
];

const ALERT_POST = chatMessage({ ts: '1700000000.000100', text: '告警ID: 5310' });

function shortcut(h: Harness, n: number): Record<string, unknown> {
  return messageAction(ALERT_POST, `${h.responses.url}/shortcut/${n}`);
}

/** Everything a stand-in received, except where a credential belongs: request lines, headers and bodies. */
function seenBy(requests: readonly RecordedRequest[], allowedHeader: string | null, body: (r: RecordedRequest) => string = (r) => r.body): string {
  return requests
    .map((r) => {
      const headers = Object.entries(r.headers).filter(([name]) => name !== allowedHeader);
      return `${r.method} ${r.path}?${r.query.toString()}\n${JSON.stringify(headers)}\n${body(r)}`;
    })
    .join('\n');
}

/** A Web API call's arguments without `token`, which Bolt's own auth.test sends in the body: the one other place the token belongs. */
function slackArgsWithoutToken(request: RecordedRequest): string {
  const { token: _token, ...args } = parseSlackArgs(request);
  return JSON.stringify(args);
}

describe.each(['header', 'query'] as const)('secrets with BK_AUTH_STYLE=%s', (style) => {
  let h: Harness;
  const acks: string[] = [];

  beforeAll(async () => {
    // Logs are captured unredacted: the point is that nothing even tries to log a secret; the redactor is a second net.
    h = await startHarness({ BK_AUTH_STYLE: style, BK_TIMEOUT_MS: '300', LOG_LEVEL: 'debug', BK_CACHE_TTL_MS: '0' }, { redactLogs: false });
    h.esb.setFallback(GOOD);

    const command = async (text: string, fields: Record<string, string> = {}): Promise<void> => {
      acks.push(await (await h.postCommand(text, fields)).text());
    };
    let delivered = 0;
    const settle = async (): Promise<void> => {
      delivered += 1;
      await h.responses.waitForRequests(delivered);
    };

    await command('5310');
    await settle();
    await command('5310 public');
    await settle();
    await settle();
    for (const fault of ECHOING_FAULTS) {
      h.esb.enqueue(fault);
      await command('5310');
      await settle();
    }
    await command('abc');
    await command('');
    // A thread answer through chat.postMessage, and one that fails with not_in_channel.
    acks.push(await (await h.postInteraction(shortcut(h, 1))).text());
    await h.slack.waitForCall('chat.postMessage', 1);
    h.slack.reply('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    acks.push(await (await h.postInteraction(shortcut(h, 2))).text());
    await settle();
    // A response_url that refuses twice.
    h.responses.setHandler(() => ({ status: 500, body: 'internal_error' }));
    await command('5310');
    await waitFor(() => logLines(h.logs, 'response_url.gave_up'), 1);
  }, 20_000);

  afterAll(() => h.close());

  it('exercised successes and faults alike', () => {
    const outcomes = new Set(logLines(h.logs, 'lookup').map((l) => l.outcome));
    expect([...outcomes].sort()).toEqual(
      ['app_credentials', 'bad_parameter', 'connection_reset', 'http_error', 'html_page', 'not_json', 'ok', 'timeout'].sort(),
    );
  });

  it.each(SECRET_FORMS)('never logs $name', ({ forms }) => {
    const logged = h.logLines.join('');
    for (const form of forms) expect(logged).not.toContain(form);
  });

  it.each(SECRET_FORMS)('never sends $name to Slack: not in acks, response_url calls or Web API calls', ({ forms }) => {
    const sent = [acks.join('\n'), seenBy(h.responses.requests, null), seenBy(h.slack.server.requests, 'authorization', slackArgsWithoutToken)];
    for (const form of forms) for (const place of sent) expect(place).not.toContain(form);
  });

  it('sends the bot token to the Slack Web API only as its credential', () => {
    const calls = h.slack.server.requests;
    expect(calls.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/auth.test', '/api/chat.postMessage']));
    for (const request of calls) {
      const inBody = parseSlackArgs(request).token;
      if (inBody === undefined) expect(request.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
      else expect(inBody).toBe(BOT_TOKEN);
    }
  });

  it(`puts the app secret only where ${style} style puts it, on the way to BlueKing`, () => {
    expect(h.esb.requests.length).toBeGreaterThan(0);
    for (const request of h.esb.requests) {
      const inUrl = request.query.get('bk_app_secret');
      const header = request.headers['x-bkapi-authorization'];
      if (style === 'header') {
        expect(JSON.parse(String(header))).toMatchObject({ bk_app_secret: BK_SECRET });
        expect(`${request.path}?${request.query.toString()}`).not.toContain(BK_SECRET);
        expect(seenBy([request], 'x-bkapi-authorization')).not.toContain(BK_SECRET);
      } else {
        expect(inUrl).toBe(BK_SECRET);
        expect(header).toBeUndefined();
        expect(`${JSON.stringify(request.headers)}\n${request.body}`).not.toContain(BK_SECRET);
      }
    }
  });

  it('still tells the user what failed when BlueKing echoed the secret', () => {
    const answers = h.responses.requests.map((r) => messageText(JSON.parse(r.body)));
    expect(answers.some((text) => text.includes('BlueKing rejected the app credentials') && text.includes('[redacted]'))).toBe(true);
  });
});

describe('upstream text that tries to ping or disguise a link', () => {
  const HOSTILE = 'ping <!channel> and <!here> and <@U123>, see <https://evil.example|click>, a &lt; b';
  const HOSTILE_LOG = JSON.stringify({
    result: true,
    code: 0,
    message: 'OK',
    request_id: '4b1e2a90c3d54f6e8a7b9c0d1e2f3a4b',
    data: [
      { status: 'SUCCESS', event_id: 'e1.1574439660.1.1.1', message: HOSTILE, operate: 'CREATE', extend_info: {}, create_time: '2019-11-23 00:21:00' },
      {
        status: 'FAILED',
        event_id: 'e1.1574439660.1.1.1',
        message: HOSTILE,
        operate: 'ANOMALY_NOTICE',
        extend_info: {
          action: { notice_group_list: [{ id: 1, name: '<!here> SRE', notice_receiver: [{ type: 'user', id: '<@U123>' }], notice_way: { '1': ['mail'] } }] },
          empty_receiver: true,
        },
        create_time: '2019-11-23 00:23:00',
      },
      { status: '', event_id: 'e1.1574439660.1.1.1', message: '', operate: 'ACK', extend_info: { message: HOSTILE }, create_time: '2019-11-23 00:25:00' },
      { status: 'SUCCESS', event_id: 'e1.1574439660.1.1.1', message: HOSTILE, operate: '<!channel>', extend_info: {}, create_time: '2019-11-23 00:26:00' },
    ],
  });

  let h: Harness;

  beforeEach(async () => {
    h = await startHarness({ LOG_LEVEL: 'info' });
  });

  afterEach(() => h.close());

  /** Nothing in a payload Slack receives can ping anyone or render as a link, in blocks or in the notification text. */
  function expectInert(payload: string): void {
    for (const live of ['<!channel>', '<!here>', '<@U123>', '<https://evil.example', 'a &lt; b']) expect(payload).not.toContain(live);
  }

  it('renders records, notice groups and ack notes inert, in the answer and its notification text', async () => {
    h.esb.setFallback({ status: 200, body: HOSTILE_LOG });
    await h.postCommand('5310');
    const [delivered] = await h.responses.waitForRequests(1);
    expectInert(delivered.body);
    const body = JSON.parse(delivered.body) as { text: string };
    expectInert(body.text);
    expect(messageText(body)).toContain('a &amp;lt; b');
    expect(messageText(body)).toContain('&lt;!channel&gt;');
  });

  it('renders a thread answer inert', async () => {
    h.esb.setFallback({ status: 200, body: HOSTILE_LOG });
    await h.postInteraction(shortcut(h, 1));
    const [posted] = await h.slack.waitForCall('chat.postMessage', 1);
    const payload = JSON.stringify(posted);
    expectInert(payload);
    expect(payload).toContain('&lt;!channel&gt;');
  });

  it('renders an upstream error message inert', async () => {
    h.esb.setFallback({ status: 200, body: JSON.stringify({ result: false, code: 1306402, message: HOSTILE, data: null, request_id: REQUEST_ID }) });
    await h.postCommand('5310');
    const [delivered] = await h.responses.waitForRequests(1);
    expectInert(delivered.body);
    expect(messageText(JSON.parse(delivered.body))).toContain('BlueKing said: _ping &lt;!channel&gt; and &lt;!here&gt;');
  });
});
