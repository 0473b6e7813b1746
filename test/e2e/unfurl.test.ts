import { SIGNING_SECRET, type Harness } from '../helpers/app-harness';
import { requestedIds } from '../helpers/esb-answers';
import { harnessPerTest } from '../helpers/harness-per-test';
import { blockActions, eventCallback, linkShared } from '../helpers/slack-payloads';
import { requireButton } from '../helpers/sent-messages';
import { waitFor } from '../helpers/wait-for';
import { slackSignatureHeaders } from '../helpers/slack-signature';

const MONITOR = 'https://paas.example.com/o/bk_monitorv3';
const DETAIL = `${MONITOR}/?bizId=2#/event-center/detail/5310`;
const ALERT_PARAM = `${MONITOR}/#/event-center?alertId=164239028644167&specEvent=1`;
const ID_PARAM = `${MONITOR}/#/event-center?id=1`;
const OTHER_HOST = 'https://grafana.example.com/d/abc?alertId=5310';

type Json = Record<string, unknown>;

/** Wait until the app has logged `msg` (how a test knows a link_shared was handled when nothing is sent). */
async function loggedOnce(h: Harness, msg: string): Promise<Json> {
  const [line] = await waitFor(() => h.logs.filter((l) => l.msg === msg), 1);
  return line as Json;
}

function blocksOf(unfurl: unknown): Json[] {
  return ((unfurl as { blocks?: Json[] }).blocks ?? []) as Json[];
}

describe('BlueKing links unfurl, over real HTTP', () => {
  let h: Harness;
  harnessPerTest((started) => (h = started), { BK_MONITOR_URL: MONITOR });

  it('unfurls a pasted event link with the compact answer and a Full log button, keyed by the exact URL', async () => {
    const event = linkShared([DETAIL]);
    expect((await h.postEvent(event)).status).toBe(200);
    const [call] = await h.slack.waitForCall('chat.unfurl');
    // A posted message: named by channel and ts.
    expect(call).toMatchObject({ channel: 'C0INCIDENT', ts: event.message_ts });
    expect(call.unfurl_id).toBeUndefined();
    const unfurls = call.unfurls as Json;
    expect(Object.keys(unfurls)).toEqual([DETAIL]);
    const blocks = blocksOf(unfurls[DETAIL]);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: '⚪ Event 5310 · Closed' } });
    expect(JSON.stringify(blocks[1])).toContain('notices failed');
    // No timeline: no divider, no timeline lines.
    expect(blocks.some((b) => b.type === 'divider')).toBe(false);
    expect(blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [
        { action_id: 'eventlog_full_log', value: '5310:0:compact' },
        { action_id: 'eventlog_open', url: `${MONITOR}/#/event-center/detail/5310` },
      ],
    });
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'lookup', user: 'U0ALICE', event_id: '5310' }));
  });

  it('unfurls every link shape the bot reads on the BlueKing host, and leaves links to other hosts alone', async () => {
    await h.postEvent(linkShared([OTHER_HOST, ALERT_PARAM, DETAIL, ID_PARAM]));
    const [call] = await h.slack.waitForCall('chat.unfurl');
    expect(Object.keys(call.unfurls as Json).sort()).toEqual([ALERT_PARAM, DETAIL, ID_PARAM].sort());
    expect(requestedIds(h.esb.requests).sort()).toEqual(['1', '164239028644167', '5310']);
  });

  it('calls neither BlueKing nor chat.unfurl for links to other hosts only', async () => {
    await h.postEvent(linkShared([OTHER_HOST, 'https://paas.example.com.evil.example/#/event-center/detail/5310']));
    await loggedOnce(h, 'unfurl.no_links');
    expect(h.esb.requests).toEqual([]);
    expect(h.slack.calls('chat.unfurl')).toEqual([]);
  });

  it('unfurls a link still in the composer with its unfurl_id and source (its channel and ts are placeholders)', async () => {
    const event = linkShared([DETAIL], { source: 'composer' });
    await h.postEvent(event);
    const [call] = await h.slack.waitForCall('chat.unfurl');
    expect(call).toMatchObject({ unfurl_id: event.unfurl_id, source: 'composer' });
    expect(call.channel).toBeUndefined();
  });

  it('unfurls a posted link whose event carries no unfurl_id or source, by channel and ts', async () => {
    const { unfurl_id: _id, source: _source, ...event } = linkShared([DETAIL]);
    await h.postEvent(event);
    const [call] = await h.slack.waitForCall('chat.unfurl');
    expect(call).toMatchObject({ channel: 'C0INCIDENT', ts: event.message_ts });
  });

  it('leaves a link to an event BlueKing does not know as it is, saying nothing in the channel', async () => {
    await h.postEvent(linkShared([`${MONITOR}/#/event-center/detail/999`]));
    await loggedOnce(h, 'unfurl.nothing_to_show');
    expect(h.slack.calls('chat.unfurl')).toEqual([]);
    expect(h.slack.calls('chat.postMessage')).toEqual([]);
    expect(h.slack.calls('chat.postEphemeral')).toEqual([]);
  });

  it('answers from the cache a log that was just looked up', async () => {
    await h.postCommand('5310');
    await waitFor(() => h.responseBodies(), 1);
    await h.postEvent(linkShared([DETAIL]));
    await h.slack.waitForCall('chat.unfurl');
    expect(requestedIds(h.esb.requests)).toEqual(['5310']);
  });

  it('opens the Full log modal from the unfurl’s button', async () => {
    await h.postEvent(linkShared([DETAIL]));
    const [call] = await h.slack.waitForCall('chat.unfurl');
    const unfurl = (call.unfurls as Json)[DETAIL] as Json;
    const button = requireButton(unfurl, 'eventlog_full_log');
    await h.postInteraction(
      blockActions({ action_id: button.action_id, value: button.value, text: button.text.text }, { ephemeral: false, message: { ts: '1700000400.000001', text: '', blocks: [] } }, `${h.responses.url}/unfurl-click`),
    );
    const [open] = await h.slack.waitForCall('views.open');
    expect(JSON.parse(String((open.view as Json).private_metadata))).toMatchObject({ id: '5310' });
    await h.slack.waitForCall('views.update');
  });
});

describe('BlueKing links unfurl as the user who pasted them', () => {
  let h: Harness;
  harnessPerTest((started) => (h = started), { BK_MONITOR_URL: MONITOR, ALLOWED_USER_IDS: 'U0BOB' });

  it('does not unfurl for a user the allowlist refuses, and says nothing in the channel', async () => {
    await h.postEvent(linkShared([DETAIL]));
    await loggedOnce(h, 'unfurl.nothing_to_show');
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'lookup', outcome: 'refused_user', user: 'U0ALICE' }));
    expect(h.esb.requests).toEqual([]);
    expect(h.slack.calls('chat.unfurl')).toEqual([]);
    expect(h.slack.calls('chat.postEphemeral')).toEqual([]);
    expect(h.slack.calls('chat.postMessage')).toEqual([]);
  });

  it('unfurls the same link for a user the allowlist admits', async () => {
    await h.postEvent(linkShared([DETAIL], { user: 'U0BOB' }));
    const [call] = await h.slack.waitForCall('chat.unfurl');
    expect(Object.keys(call.unfurls as Json)).toEqual([DETAIL]);
  });
});

describe('a link_shared that Slack delivers again', () => {
  let h: Harness;
  harnessPerTest((started) => (h = started), { BK_MONITOR_URL: MONITOR, BK_CACHE_TTL_MS: '0' });

  it('is unfurled once: one BlueKing lookup, one chat.unfurl (keyed on the message, like a mention)', async () => {
    const body = JSON.stringify(eventCallback(linkShared([DETAIL]), 'Ev0UNFURL1'));
    const post = (retry: Record<string, string>): Promise<Response> =>
      h.postRaw(body, { 'content-type': 'application/json', ...retry, ...slackSignatureHeaders(SIGNING_SECRET, body) });
    expect((await post({})).status).toBe(200);
    await h.slack.waitForCall('chat.unfurl');
    expect((await post({ 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' })).status).toBe(200);
    expect(await loggedOnce(h, 'unfurl.duplicate')).toMatchObject({ retry_num: 1 });
    await h.running.tasks.drain(2000);
    expect(h.slack.calls('chat.unfurl')).toHaveLength(1);
    expect(requestedIds(h.esb.requests)).toEqual(['5310']);
  });
});

describe('BlueKing links without BK_MONITOR_URL', () => {
  let h: Harness;
  harnessPerTest((started) => (h = started));

  it('unfurls nothing: without the Monitor’s address no host is the BlueKing host', async () => {
    await h.postEvent(linkShared([DETAIL]));
    await loggedOnce(h, 'unfurl.no_links');
    expect(h.slack.calls('chat.unfurl')).toEqual([]);
  });
});
