import type { Harness } from '../helpers/app-harness';
import { harnessPerTest } from '../helpers/harness-per-test';
import { requestedIds } from '../helpers/esb-answers';
import { appMention, BOT_USER_ID, CHANNEL, ALICE } from '../helpers/slack-payloads';

const ALERT_ID = '164239028644167';
const PARENT_TS = '1642390290.000200';

/** conversations.replies as Slack answers it for a thread whose parent is `parentText`. */
function threadWithParent(parentText: string): { body: Record<string, unknown> } {
  return {
    body: {
      ok: true,
      has_more: true,
      messages: [
        {
          type: 'message',
          subtype: 'bot_message',
          bot_id: 'B0ALERTS',
          text: parentText,
          ts: PARENT_TS,
          thread_ts: PARENT_TS,
          reply_count: 3,
        },
      ],
      response_metadata: { next_cursor: 'bmV4dF90czoxNjQyMzkwNDAwMDAwMzAw' },
    },
  };
}

describe('@mention in a thread, over real HTTP', () => {
  let h: Harness;
  harnessPerTest((started) => (h = started));

  it('answers "@bot 123" inside a thread in that thread', async () => {
    const res = await h.postEvent(appMention({ text: `<@${BOT_USER_ID}> 5310`, ts: '1642390400.000300', thread_ts: PARENT_TS }));
    expect(res.status).toBe(200);

    const [post] = await h.slack.waitForCall('chat.postMessage');
    expect(post.channel).toBe(CHANNEL.id);
    expect(post.thread_ts).toBe(PARENT_TS);
    expect(String(post.text)).toMatch(/^⚪ Event 5310 · Closed/);
    expect(requestedIds(h.esb.requests)).toEqual(['5310']);
    expect(h.slack.calls('conversations.replies')).toHaveLength(0);
  });

  it('reads the thread\'s parent post for a bare "@bot" and answers with the ID found there', async () => {
    h.slack.reply('conversations.replies', threadWithParent(`【蓝鲸监控】告警通知\n告警ID: ${ALERT_ID}\n告警级别: 致命`));
    await h.postEvent(appMention({ text: `<@${BOT_USER_ID}>`, ts: '1642390400.000300', thread_ts: PARENT_TS }));

    const [post] = await h.slack.waitForCall('chat.postMessage');
    const [read] = h.slack.calls('conversations.replies');
    expect(read).toMatchObject({ channel: CHANNEL.id, ts: PARENT_TS, limit: '1', inclusive: 'true' });
    expect(post.thread_ts).toBe(PARENT_TS);
    expect(requestedIds(h.esb.requests)).toEqual([ALERT_ID]);
  });

  it('tells only the person who asked when neither the mention nor the parent post names an ID', async () => {
    h.slack.reply('conversations.replies', threadWithParent('大家注意：今晚 22:00 发布窗口'));
    await h.postEvent(appMention({ text: `<@${BOT_USER_ID}>`, ts: '1642390400.000300', thread_ts: PARENT_TS }));

    const [note] = await h.slack.waitForCall('chat.postEphemeral');
    expect(note).toMatchObject({ channel: CHANNEL.id, user: ALICE.id, thread_ts: PARENT_TS, text: '⚠️ No BlueKing event ID found in this message' });
    expect(h.esb.requests).toHaveLength(0);
    expect(h.slack.calls('chat.postMessage')).toHaveLength(0);
  });

  it('explains privately, and posts nothing, when the parent post cannot be read', async () => {
    h.slack.reply('conversations.replies', { body: { ok: false, error: 'missing_scope', needed: 'channels:history', provided: 'chat:write' } });
    await h.postEvent(appMention({ text: `<@${BOT_USER_ID}>`, ts: '1642390400.000300', thread_ts: PARENT_TS }));

    const [note] = await h.slack.waitForCall('chat.postEphemeral');
    expect(note).toMatchObject({ user: ALICE.id, thread_ts: PARENT_TS });
    expect(h.slack.calls('chat.postMessage')).toHaveLength(0);
    expect(h.logs.some((line) => line.msg === 'slack.thread_read_failed' && line.slack_error === 'missing_scope')).toBe(true);
  });

  it('offers a private choice when the parent post names several IDs', async () => {
    h.slack.reply('conversations.replies', threadWithParent(`告警合并通知\n告警ID: ${ALERT_ID}\n告警ID: 5310`));
    await h.postEvent(appMention({ text: `<@${BOT_USER_ID}>`, ts: '1642390400.000300', thread_ts: PARENT_TS }));

    const [chooser] = await h.slack.waitForCall('chat.postEphemeral');
    expect(chooser).toMatchObject({ user: ALICE.id, thread_ts: PARENT_TS, text: '💡 This message mentions 2 event IDs' });
    expect(JSON.stringify(chooser.blocks).match(/"value":"[^"]*"/g)).toEqual([`"value":"${ALERT_ID}@${PARENT_TS}"`, `"value":"5310@${PARENT_TS}"`]);
    expect(h.esb.requests).toHaveLength(0);
  });

  it('answers a mention once when Slack delivers it again', async () => {
    const mention = appMention({ text: `<@${BOT_USER_ID}> 5310`, ts: '1642390400.000300', thread_ts: PARENT_TS });
    await h.postEvent(mention);
    await h.postEvent(mention);
    await h.postEvent(appMention({ text: `<@${BOT_USER_ID}> 1`, ts: '1642390401.000400', thread_ts: PARENT_TS }));

    await h.slack.waitForCall('chat.postMessage', 2);
    expect(requestedIds(h.esb.requests).sort()).toEqual(['1', '5310']);
    expect(h.slack.calls('chat.postMessage')).toHaveLength(2);
    expect(h.logs.filter((line) => line.msg === 'mention.duplicate')).toHaveLength(1);
  });

  it('ignores mentions written by bots, so two bots never answer each other', async () => {
    await h.postEvent(appMention({ text: `<@${BOT_USER_ID}> 5310`, ts: '1642390400.000300', thread_ts: PARENT_TS, bot_id: 'B0OTHER', user: 'U0OTHERBOT' }));
    // A mention the app does answer, sent after: once it is answered, the bot's mention has been seen and dropped.
    await h.postEvent(appMention({ text: `<@${BOT_USER_ID}> 1`, ts: '1642390401.000400', thread_ts: PARENT_TS }));

    const posts = await h.slack.waitForCall('chat.postMessage');
    expect(requestedIds(h.esb.requests)).toEqual(['1']);
    expect(posts).toHaveLength(1);
    expect(String(posts[0].text)).toMatch(/^🔴 Event 1 · Firing/);
  });
});
