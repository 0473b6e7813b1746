import { OLD_GENERATION_5310 } from '../fixtures/bk';
import { startHarness, type Harness, type HarnessOptions } from '../helpers/app-harness';
import type { StandInReply } from '../helpers/recording-server';
import { logLines, messageText } from '../helpers/message-text';
import { chatMessage, messageAction } from '../helpers/slack-payloads';
import { waitFor } from '../helpers/wait-for';

/** Slack's side failing: response_url refusing, chat.postMessage rate limited, the bot not in the channel. */

const ALERT_POST = chatMessage({ ts: '1700000000.000100', text: '【蓝鲸监控】告警ID: 5310 CPU 使用率过高' });

/** A "Show event log" message shortcut on the alert post, answered at a response_url of the harness. */
function showEventLogShortcut(h: Harness): Record<string, unknown> {
  return messageAction(ALERT_POST, `${h.responses.url}/shortcut/1`);
}

describe('Slack-side faults, end to end', () => {
  let h: Harness;

  async function start(options: HarnessOptions = {}): Promise<void> {
    h = await startHarness({ LOG_LEVEL: 'info' }, options);
    h.esb.setFallback({ status: 200, body: OLD_GENERATION_5310.body });
  }

  afterEach(async () => {
    await h?.close();
  });

  it('retries a response_url that answers 404 and then 500 exactly once, then logs that it gave up', async () => {
    await start();
    const answers: StandInReply[] = [
      { status: 404, body: 'expired_url' },
      { status: 500, body: 'internal error' },
    ];
    h.responses.setHandler(() => answers.shift() ?? { status: 200, body: 'ok' });

    await h.postCommand('5310');
    const [gaveUp] = await waitFor(() => logLines(h.logs, 'response_url.gave_up'), 1);
    expect(gaveUp).toMatchObject({ level: 'error', event_id: '5310', user: 'U0ALICE', channel: 'C0INCIDENT', attempts: 2 });
    expect(logLines(h.logs, 'response_url.failed')).toEqual([
      expect.objectContaining({ level: 'warn', attempt: 1, http_status: 404, slack_error: 'expired_url', event_id: '5310' }),
      expect.objectContaining({ level: 'warn', attempt: 2, http_status: 500, slack_error: null, event_id: '5310' }),
    ]);
    expect(h.responses.requests).toHaveLength(2);
    expect(h.responses.requests[1].body).toBe(h.responses.requests[0].body);

    // Still up: the next command is answered normally.
    await h.postCommand('5310');
    const all = await h.responses.waitForRequests(3);
    expect(messageText(JSON.parse(all[2].body))).toContain('Event 5310');
  });

  it('delivers on the retry when response_url fails only once, without giving up', async () => {
    await start();
    let calls = 0;
    h.responses.setHandler(() => (++calls === 1 ? { status: 500, body: '' } : { status: 200, body: 'ok' }));
    await h.postCommand('5310');
    await h.responses.waitForRequests(2);
    await waitFor(() => logLines(h.logs, 'lookup'), 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.responses.requests).toHaveLength(2);
    expect(logLines(h.logs, 'response_url.failed')).toHaveLength(1);
    expect(logLines(h.logs, 'response_url.gave_up')).toHaveLength(0);
  });

  it('honours Retry-After when chat.postMessage is rate limited, and posts the log on the retry', async () => {
    await start({ webApiRetries: 2 });
    const calledAt: number[] = [];
    h.slack.reply('chat.postMessage', (_args, index) => {
      calledAt.push(Date.now());
      return index === 0
        ? { status: 429, headers: { 'Retry-After': '1' }, body: { ok: false, error: 'ratelimited' } }
        : { body: { ok: true, channel: 'C0INCIDENT', ts: '1700000000.000900' } };
    });

    await h.postInteraction(showEventLogShortcut(h));
    const posts = await h.slack.waitForCall('chat.postMessage', 2, 8000);
    expect(posts).toHaveLength(2);
    expect(posts[1]).toMatchObject({ channel: 'C0INCIDENT', thread_ts: ALERT_POST.ts });
    expect(messageText(posts[1])).toContain('Event 5310');
    // Slack asked for one second; the client waited at least that long before trying again.
    expect(calledAt[1] - calledAt[0]).toBeGreaterThanOrEqual(1000);
    expect(h.logLines.join('')).toContain('Will retry in 1 seconds');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logLines(h.logs, 'slack.post_failed')).toHaveLength(0);
    expect(h.responses.requests).toHaveLength(0);
  }, 15_000);

  it('tells the requester how to invite the bot when chat.postMessage answers not_in_channel', async () => {
    await start();
    h.slack.reply('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });

    await h.postInteraction(showEventLogShortcut(h));
    const [told] = await h.responses.waitForRequests(1);
    const body = JSON.parse(told.body) as Record<string, unknown>;
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const said = messageText(body);
    expect(said).toContain('Could not post the log in this thread');
    expect(said).toContain('The bot is not in this channel. Invite it with /invite @eventlog');
    expect(said).toContain('Slack error: not_in_channel');
    expect(logLines(h.logs, 'slack.post_failed')).toEqual([
      expect.objectContaining({ level: 'warn', channel: 'C0INCIDENT', user: 'U0ALICE', slack_error: 'not_in_channel' }),
    ]);
    expect(h.esb.requests).toHaveLength(1);
  });
});
