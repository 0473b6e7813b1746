import { SIGNING_SECRET, startHarness, type Harness } from '../helpers/app-harness';
import { logLines, messageText } from '../helpers/message-text';
import { slashCommand } from '../helpers/slack-payloads';
import { slackSignatureHeaders } from '../helpers/slack-signature';
import { OLD_GENERATION_5310 } from '../fixtures/bk';

/**
 * Requests that carry a valid signature but were crafted (or replayed) by
 * someone who holds one: each gets a prompt, specific HTTP answer, and none
 * is processed twice.
 */

const FORM = 'application/x-www-form-urlencoded';

describe('crafted signed requests', () => {
  let h: Harness;
  let n = 0;
  beforeAll(async () => {
    h = await startHarness({ USER_RATE_LIMIT_PER_MIN: '0' });
    h.esb.setFallback({ status: 200, body: OLD_GENERATION_5310.body });
  });
  afterAll(() => h.close());

  /** A slash command's form with `edit` applied to its fields (remove text, send it twice…). */
  const commandForm = (edit: (form: URLSearchParams) => void): string => {
    n += 1;
    const form = new URLSearchParams(slashCommand('5310', `${h.responses.url}/crafted/${n}`, { trigger_id: `crafted.${n}` }));
    edit(form);
    return form.toString();
  };
  const postSigned = (body: string, contentType = FORM, timestampSec?: number): Promise<Response> =>
    h.postRaw(body, { 'content-type': contentType, ...slackSignatureHeaders(SIGNING_SECRET, body, timestampSec) });

  it('answers a command without `text` with the usage help', async () => {
    const res = await postSigned(commandForm((form) => form.delete('text')));
    expect(res.status).toBe(200);
    expect(messageText(await res.json())).toContain('/eventlog');
  });

  it('reads a command with `text` twice as both values: two IDs are "one at a time"', async () => {
    const res = await postSigned(commandForm((form) => form.append('text', '5311')));
    expect(res.status).toBe(200);
    expect(logLines(h.logs, 'command.invalid').at(-1)).toMatchObject({ reason: 'several_ids' });
  });

  it.each([
    ['payload=null', 'payload=null', FORM],
    ['payload=[]', 'payload=%5B%5D', FORM],
    ['payload=7', 'payload=7', FORM],
    ['a JSON body of null', 'null', 'application/json'],
    ['a JSON body that is a string', '"x"', 'application/json'],
    ['a body that is not JSON', '{oops', 'application/json'],
  ])('answers 400 to %s, before Bolt sees it', async (_label, body, contentType) => {
    const res = await postSigned(body, contentType);
    expect(res.status).toBe(400);
    expect(logLines(h.logs, 'request.malformed').length).toBeGreaterThan(0);
  });

  it('answers a repeat of an identical signed request once only', async () => {
    const body = commandForm(() => undefined);
    const timestamp = Math.floor(Date.now() / 1000);
    const before = h.responses.requests.length;
    const answers = await Promise.all([postSigned(body, FORM, timestamp), postSigned(body, FORM, timestamp), postSigned(body, FORM, timestamp)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    await h.responses.waitForRequests(before + 1);
    // The one lookup's reply has arrived; the other two were dropped at the door.
    expect(logLines(h.logs, 'request.replayed')).toHaveLength(2);
    expect(logLines(h.logs, 'lookup').filter((l) => l.event_id === '5310' && l.channel === 'C0INCIDENT').length).toBeGreaterThan(0);
    expect(h.responses.requests.filter((r) => r.path === `/crafted/${n}`)).toHaveLength(1);
  });

  it.each([
    ['another host', (port: string) => `http://localhost:${port}/evil`],
    ['Slack host in the user part', (port: string) => `http://127.0.0.1@localhost:${port}/evil`],
    ['not a URL', () => 'hooks.slack.com/commands/1'],
    ["another port of Slack's hooks host", () => 'https://hooks.slack.com:8443/commands/T0001/1/x'],
  ])('refuses a command whose response_url is not Slack\'s (%s), and POSTs nothing there', async (_label, responseUrl) => {
    const before = h.responses.requests.length;
    const port = new URL(h.responses.url).port;
    const res = await postSigned(commandForm((form) => form.set('response_url', responseUrl(port))));
    expect(res.status).toBe(400);
    expect(logLines(h.logs, 'request.refused').at(-1)).toMatchObject({ reason: 'response_url_not_slack' });
    expect(h.responses.requests).toHaveLength(before);
  });

  it("lets Slack's redelivery of an event through to the listeners' own dedupe, but not a replayed command with a retry header", async () => {
    const event = JSON.stringify({ token: 'legacy', team_id: 'T0001', api_app_id: 'A0EVENTLOG', type: 'event_callback', event_id: 'Ev0RETRY', event_time: 1, event: { type: 'reaction_added' } });
    const timestamp = Math.floor(Date.now() / 1000);
    const retry = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
    const sign = (body: string): Record<string, string> => slackSignatureHeaders(SIGNING_SECRET, body, timestamp);
    const replayedBefore = logLines(h.logs, 'request.replayed').length;
    await h.postRaw(event, { 'content-type': 'application/json', ...sign(event) });
    await h.postRaw(event, { 'content-type': 'application/json', ...sign(event), ...retry });
    expect(logLines(h.logs, 'request.replayed')).toHaveLength(replayedBefore);
    const command = commandForm((form) => form.set('text', 'help'));
    await h.postRaw(command, { 'content-type': FORM, ...sign(command) });
    const again = await h.postRaw(command, { 'content-type': FORM, ...sign(command), ...retry });
    expect(await again.text()).toBe('');
    expect(logLines(h.logs, 'request.replayed')).toHaveLength(replayedBefore + 1);
  });

  it('refuses an unsigned or wrongly signed command with 401, says why in the log, and looks nothing up', async () => {
    const before = h.esb.requests.length;
    const body = commandForm(() => undefined);
    const unsigned = await h.postRaw(body, { 'content-type': FORM });
    expect(unsigned.status).toBe(401);
    expect(logLines(h.logs, 'request.refused').at(-1)).toMatchObject({ reason: 'no_signature', status: 401 });
    const wrong = await h.postRaw(body, { 'content-type': FORM, ...slackSignatureHeaders('not-the-secret', body) });
    expect(wrong.status).toBe(401);
    expect(logLines(h.logs, 'request.refused').at(-1)).toMatchObject({ reason: 'signature_mismatch', status: 401 });
    expect(h.esb.requests).toHaveLength(before);
  });

  it("answers Slack's unsigned SSL check, and runs nothing smuggled in beside it", async () => {
    const before = h.esb.requests.length;
    const res = await h.postRaw(`ssl_check=1&${commandForm(() => undefined)}`, { 'content-type': FORM });
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.esb.requests).toHaveLength(before);
  });

  it('refuses a request stamped more than 5 minutes in the future', async () => {
    const res = await postSigned(commandForm(() => undefined), FORM, Math.floor(Date.now() / 1000) + 6 * 60);
    expect(res.status).toBe(401);
    expect(logLines(h.logs, 'request.refused').at(-1)).toMatchObject({ reason: 'timestamp_in_future' });
  });

  it('still takes a request stamped a little ahead (clock skew)', async () => {
    const res = await postSigned(commandForm((form) => form.set('text', 'help')), FORM, Math.floor(Date.now() / 1000) + 60);
    expect(res.status).toBe(200);
  });
});
