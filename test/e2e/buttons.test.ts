import { OLD_GENERATION_5310 } from '../fixtures/bk';
import { startHarness, type Harness } from '../helpers/app-harness';
import { harnessPerTest } from '../helpers/harness-per-test';
import { answerByEventId, probeLog, requestedIds } from '../helpers/esb-answers';
import { blockActions, chatMessage, messageAction, type ButtonContainer } from '../helpers/slack-payloads';
import { buttonOf, buttonsOf, clickButton, requireButton } from '../helpers/sent-messages';
import { waitFor } from '../helpers/wait-for';

const MONITOR_URL = 'https://paas.example.com/o/bk_monitorv3';
const EPHEMERAL_TS = '1700000300.000500';

/** Event 5310 as BlueKing tells it a little later: the same records plus one more acknowledgement. */
const LATER_5310 = (() => {
  const envelope = JSON.parse(OLD_GENERATION_5310.body) as { data: Array<Record<string, unknown>>; request_id?: string };
  const last = envelope.data[envelope.data.length - 1];
  envelope.data.push({ ...last, status: '', operate: 'ACK', message: '', extend_info: { message: 'postmortem filed' }, create_time: '2019-11-22 12:00:00' });
  envelope.request_id = 'b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5';
  return JSON.stringify(envelope);
})();

/** Click `actionId` on `message`; Slack must get a 200 with an empty body (the ack). */
async function click(h: Harness, message: Record<string, unknown>, actionId: string, container: ButtonContainer, name: string): Promise<void> {
  const res = await clickButton(h, message, actionId, container, `/click/${name}`);
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('');
}

describe('buttons on log messages, acked at once', () => {
  let h: Harness;

  beforeEach(async () => {
    // No cache, and a slow BlueKing: every click's answer waits on the ESB; the ack must not.
    h = await startHarness({ BK_MONITOR_URL: MONITOR_URL, BK_CACHE_TTL_MS: '0' });
    h.esb.setFallback((request) => ({ ...answerByEventId({ '7001': probeLog(60) })(request), delayMs: 400 }));
  });

  afterEach(() => h.close());

  it('acks every button at once, while BlueKing has not answered yet', async () => {
    await h.postCommand('7001');
    const [answer] = await waitFor(() => h.responseBodies(), 1);
    const container: ButtonContainer = { ephemeral: true, messageTs: EPHEMERAL_TS };
    const actionIds = ['eventlog_share', 'eventlog_refresh', 'eventlog_older', 'eventlog_open'];
    // Full log opens a modal instead of answering via response_url (test/e2e/full-log-modal.test.ts).
    expect(buttonsOf(answer).map((b) => b.action_id)).toEqual(['eventlog_share', 'eventlog_refresh', 'eventlog_older', 'eventlog_full_log', 'eventlog_open']);

    await Promise.all(actionIds.map((actionId) => click(h, answer, actionId, container, actionId)));
    expect(h.responses.requests).toHaveLength(1);
    await waitFor(() => h.responseBodies(), 4);
    expect(h.responses.requests.slice(1).map((r) => r.path).sort()).toEqual(['/click/eventlog_older', '/click/eventlog_refresh', '/click/eventlog_share']);
  });
});

describe('buttons on log messages, over real HTTP', () => {
  let h: Harness;
  harnessPerTest((started) => (h = started), { BK_MONITOR_URL: MONITOR_URL });

  /** `/eventlog 5310`, and the ephemeral answer it leads to. */
  async function lookUp5310(): Promise<Record<string, unknown>> {
    await h.postCommand('5310');
    const [answer] = await waitFor(() => h.responseBodies(), 1);
    return answer;
  }

  it('puts Share, Refresh, Full log and an Open-in-BlueKing link under a full answer', async () => {
    const answer = await lookUp5310();
    expect(buttonsOf(answer).map((b) => [b.action_id, b.text.text, b.value, b.url])).toEqual([
      ['eventlog_share', 'Share to channel', '5310:0:full', undefined],
      ['eventlog_refresh', 'Refresh', '5310:0:full', undefined],
      ['eventlog_full_log', 'Full log', '5310:0:full', undefined],
      ['eventlog_open', 'Open in BlueKing', '5310:0:full', `${MONITOR_URL}/#/event-center/detail/5310`],
    ]);
  });

  it('Share posts the same log in the channel, saying who shared it, without asking BlueKing again', async () => {
    const answer = await lookUp5310();
    await click(h, answer, 'eventlog_share', { ephemeral: true, messageTs: EPHEMERAL_TS }, 'share');

    const [, shared] = await waitFor(() => h.responseBodies(), 2);
    expect(h.responses.requests[1].path).toBe('/click/share');
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false, text: answer.text });
    const blocks = shared.blocks as Array<Record<string, unknown>>;
    expect(blocks.find((b) => b.block_id === 'eventlog_shared_by')).toEqual({
      type: 'context',
      block_id: 'eventlog_shared_by',
      elements: [{ type: 'mrkdwn', text: 'Shared by <@U0ALICE>' }],
    });
    // The same log: every block of the private answer but its buttons is in the shared one.
    const withoutButtons = (b: Array<Record<string, unknown>>) => b.filter((x) => x.type !== 'actions' && x.block_id !== 'eventlog_shared_by');
    expect(withoutButtons(blocks)).toEqual(withoutButtons(answer.blocks as Array<Record<string, unknown>>));
    expect(buttonOf(shared, 'eventlog_share')).toBeUndefined();
    expect(requestedIds(h.esb.requests)).toEqual(['5310']);
  });

  it('Refresh asks BlueKing again although the answer is cached, and replaces the message with what it says now', async () => {
    const answer = await lookUp5310();
    h.esb.enqueue({ status: 200, body: LATER_5310, delayMs: 300 });
    await click(h, answer, 'eventlog_refresh', { ephemeral: true, messageTs: EPHEMERAL_TS }, 'refresh');

    const [, refreshed] = await waitFor(() => h.responseBodies(), 2);
    expect(requestedIds(h.esb.requests)).toEqual(['5310', '5310']);
    expect(refreshed).toMatchObject({ replace_original: true });
    expect(refreshed.response_type).toBeUndefined();
    const shown = JSON.stringify(refreshed.blocks);
    expect(shown).toContain('postmortem filed');
    expect(shown).toContain('b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5');
    expect(JSON.stringify(answer.blocks)).not.toContain('postmortem filed');
  });

  it('Refresh on a shared log keeps who shared it and offers no Share button', async () => {
    const answer = await lookUp5310();
    await click(h, answer, 'eventlog_share', { ephemeral: true, messageTs: EPHEMERAL_TS }, 'share');
    const [, shared] = await waitFor(() => h.responseBodies(), 2);

    const inChannel = { ts: '1700000400.000600', text: String(shared.text), blocks: shared.blocks as unknown[] };
    await click(h, shared, 'eventlog_refresh', { ephemeral: false, message: inChannel }, 'refresh-shared');
    const [, , refreshed] = await waitFor(() => h.responseBodies(), 3);
    expect(refreshed).toMatchObject({ replace_original: true });
    expect(JSON.stringify(refreshed.blocks)).toContain('Shared by <@U0ALICE>');
    // 5310 is closed: nothing left to watch, so no Watch button.
    expect(buttonsOf(refreshed).map((b) => b.action_id)).toEqual(['eventlog_refresh', 'eventlog_full_log', 'eventlog_open']);
  });

  it('Refresh on a thread reply replaces it in place with the compact log', async () => {
    await h.postInteraction(messageAction(chatMessage({ ts: '1574390300.000100', text: '告警ID: 5310' }), `${h.responses.url}/shortcut`));
    const [post] = await h.slack.waitForCall('chat.postMessage');
    const reply = { ts: '1700000000.000100', thread_ts: '1574390300.000100', text: String(post.text), blocks: post.blocks as unknown[] };
    expect(requireButton(post, 'eventlog_refresh').value).toBe('5310:0:compact');
    expect(buttonOf(post, 'eventlog_share')).toBeUndefined();

    await click(h, post, 'eventlog_refresh', { ephemeral: false, message: reply }, 'refresh-thread');
    const [refreshed] = await waitFor(() => h.responseBodies(), 1);
    expect(refreshed).toMatchObject({ replace_original: true, text: post.text });
    expect(refreshed.blocks).toEqual(post.blocks);
    expect(requestedIds(h.esb.requests)).toEqual(['5310', '5310']);
  });

  it('acks a click on Open in BlueKing (a link) and does nothing else', async () => {
    const answer = await lookUp5310();
    await click(h, answer, 'eventlog_open', { ephemeral: true, messageTs: EPHEMERAL_TS }, 'open');
    // A Refresh after it: once that is answered, the Open click has long been handled.
    await click(h, answer, 'eventlog_refresh', { ephemeral: true, messageTs: EPHEMERAL_TS }, 'refresh');
    await waitFor(() => h.responseBodies(), 2);
    expect(h.responses.requests.map((r) => r.path)).toEqual([expect.stringMatching(/^\/commands\/\d+$/), '/click/refresh']);
    expect(requestedIds(h.esb.requests)).toEqual(['5310', '5310']);
  });

  it('answers a stale or forged button value with a clear private note, without asking BlueKing', async () => {
    const forged = ['5310:0:full; DROP TABLE', '5310:-1:full', '0:0:full', '5310:0:huge', `${'9'.repeat(21)}:0:full`, ''];
    for (const [i, value] of forged.entries()) {
      const res = await h.postInteraction(
        blockActions({ action_id: 'eventlog_refresh', value, text: 'Refresh' }, { ephemeral: true, messageTs: EPHEMERAL_TS }, `${h.responses.url}/forged/${i}`),
      );
      expect(res.status).toBe(200);
    }
    const notes = await waitFor(() => h.responseBodies(), forged.length);
    for (const note of notes) {
      expect(note).toMatchObject({
        response_type: 'ephemeral',
        replace_original: false,
        text: '⚠️ That button no longer works (it may be from an older version of the bot). Run /eventlog &lt;id&gt; again.',
      });
    }
    expect(h.esb.requests).toHaveLength(0);
    expect(h.logs.filter((line) => line.msg === 'button.stale_value')).toHaveLength(forged.length);
  });

  it('answers a forged "pick this ID" value with the same note, posting nothing in any thread', async () => {
    for (const [i, value] of ['5310@not-a-ts', '5310', 'abc@1642390290.000200', '5310@1642390290.000200@x'].entries()) {
      await h.postInteraction(
        blockActions({ action_id: 'eventlog_pick_0', value, text: '5310' }, { ephemeral: true, messageTs: EPHEMERAL_TS }, `${h.responses.url}/pick/${i}`),
      );
    }
    const notes = await waitFor(() => h.responseBodies(), 4);
    expect(notes.map((n) => n.text)).toEqual(Array(4).fill(notes[0].text));
    expect(String(notes[0].text)).toContain('That button no longer works');
    expect(h.slack.calls('chat.postMessage')).toHaveLength(0);
    expect(h.esb.requests).toHaveLength(0);
  });
});
