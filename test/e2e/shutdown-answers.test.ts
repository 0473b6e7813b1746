import { startHarness, type Harness } from '../helpers/app-harness';
import { messageText } from '../helpers/message-text';
import { chatMessage, messageAction } from '../helpers/slack-payloads';
import { waitFor } from '../helpers/wait-for';

/**
 * Shutdown while BlueKing hangs: at the drain deadline every lookup still in
 * flight is answered "the bot is restarting", instead of a "Looking up…"
 * placeholder that never changes.
 */
describe('drain deadline with a hung BlueKing', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ BK_TIMEOUT_MS: '30000', USER_RATE_LIMIT_PER_MIN: '0' });
    h.esb.setFallback({ delayMs: 60_000, body: '{}' });
  });
  afterEach(() => h.close());

  it('answers a slash command still waiting, replacing its placeholder', async () => {
    await h.postCommand('5310');
    await waitFor(() => h.esb.requests, 1);
    expect(await h.running.stop(200)).toBe(false);
    const [reply] = await h.responses.waitForRequests(1);
    const body = JSON.parse(reply.body) as Record<string, unknown>;
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(messageText(body)).toContain('The bot is restarting');
    expect(messageText(body)).toContain('try again in a moment');
  });

  it('tells the one who used the shortcut, privately', async () => {
    await h.postInteraction(messageAction(chatMessage({ ts: '1700000000.000100', text: '告警ID: 5310' }), `${h.responses.url}/shortcut/1`));
    await waitFor(() => h.esb.requests, 1);
    expect(await h.running.stop(200)).toBe(false);
    const [reply] = await h.responses.waitForRequests(1);
    expect(JSON.parse(reply.body)).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(messageText(JSON.parse(reply.body))).toContain('The bot is restarting');
  });

  it('keeps "the bot is restarting" for a lookup cut by our own shutdown, when the connection to BlueKing then drops (no blame on BlueKing)', async () => {
    await h.postCommand('5310');
    await waitFor(() => h.esb.requests, 1);
    expect(await h.running.stop(200)).toBe(false);
    await h.responses.waitForRequests(1);
    // The connections close as the process goes down: the lookup ends with a cut connection.
    await h.esb.close();
    await waitFor(() => h.logs.filter((l) => l.msg === 'lookup'), 1);
    await h.running.tasks.drain(5_000);
    const texts = h.responseBodies().map((body) => messageText(body));
    expect(texts.at(-1)).toContain('The bot is restarting');
    for (const text of texts) expect(text).not.toContain('BlueKing was cut');
  });
});
