import type { Harness } from '../helpers/app-harness';
import { harnessPerTest } from '../helpers/harness-per-test';
import { requestedIds } from '../helpers/esb-answers';
import { blockActions, chatMessage, messageAction, CHANNEL, type PayloadMessage } from '../helpers/slack-payloads';
import { buttonsOf } from '../helpers/sent-messages';
import { waitFor } from '../helpers/wait-for';

const ALERT_ID = '164239028644167';
const ALERT_TS = '1642390290.000200';

/** How the BlueKing chat-bot template forwards an alert (text only). */
const ALERT_POST_TEXT = [
  '【蓝鲸监控】告警通知',
  '告警级别: 致命',
  `告警ID: ${ALERT_ID}`,
  '告警目标: 10.0.5.17',
  '告警内容: CPU使用率 >= 90.0%, 当前值96.2%',
].join('\n');

/** The default "查看详情" link: its action and collect IDs are not alert IDs. */
const DETAIL_LINK_ONLY_TEXT = [
  '【蓝鲸监控】CPU使用率告警 已触发',
  'action_id : 1642390286441670012',
  '<https://paas.example.com/o/bk_monitorv3/?bizId=2#/event-center?queryString=action_id%20%3A%201642390286441670012&collectId=1642390286441670012|查看详情>',
].join('\n');

describe('"Show event log" message shortcut, over real HTTP', () => {
  let h: Harness;
  harnessPerTest((started) => (h = started));

  /** Run the shortcut on `message`; its response_url is `/shortcut/<name>` on the recorder. */
  async function runShortcut(message: PayloadMessage, name = 'one'): Promise<void> {
    const res = await h.postInteraction(messageAction(message, `${h.responses.url}/shortcut/${name}`));
    expect(res.status).toBe(200);
  }

  it('posts the log of the alert named by "告警ID: …" in the alert post\'s thread', async () => {
    await runShortcut(chatMessage({ ts: ALERT_TS, text: ALERT_POST_TEXT }));

    const [post] = await h.slack.waitForCall('chat.postMessage');
    expect(post.channel).toBe(CHANNEL.id);
    expect(post.thread_ts).toBe(ALERT_TS);
    expect(requestedIds(h.esb.requests)).toEqual([ALERT_ID]);
    expect(String(post.text)).toMatch(/^🟢 Fatal · CPU使用率告警 · 10\.0\.3\.8 · Recovered/);
    const blocks = post.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '🟢 Fatal · CPU使用率告警 · 10.0.3.8 · Recovered', emoji: true } });
    expect(JSON.stringify(blocks)).toContain('正在扩容 web-03');
    expect(h.responses.requests).toHaveLength(0);
  });

  it('answers a reply in the parent thread, not in a thread of its own', async () => {
    const parentTs = '1642390290.000100';
    await runShortcut(chatMessage({ ts: '1642390400.000300', thread_ts: parentTs, text: `看下这个 告警 ID: ${ALERT_ID}` }));

    const [post] = await h.slack.waitForCall('chat.postMessage');
    expect(post.thread_ts).toBe(parentTs);
    expect(requestedIds(h.esb.requests)).toEqual([ALERT_ID]);
  });

  it('finds the ID inside Block Kit blocks when the text says nothing', async () => {
    const blocks = [
      { type: 'header', block_id: 'h', text: { type: 'plain_text', text: '【蓝鲸监控】告警通知', emoji: true } },
      {
        type: 'rich_text',
        block_id: 'r',
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'text', text: '告警ID: ', style: { bold: true } },
              { type: 'text', text: ALERT_ID },
            ],
          },
        ],
      },
    ];
    await runShortcut(chatMessage({ ts: ALERT_TS, text: '【蓝鲸监控】告警通知', blocks }));

    const [post] = await h.slack.waitForCall('chat.postMessage');
    expect(post.thread_ts).toBe(ALERT_TS);
    expect(requestedIds(h.esb.requests)).toEqual([ALERT_ID]);
  });

  const LEGACY_ATTACHMENTS: Array<[string, unknown[]]> = [
    [
      'a field titled 告警ID',
      [
        {
          id: 1,
          color: 'ff0000',
          fallback: '[蓝鲸监控] CPU使用率告警',
          title: 'CPU使用率告警',
          fields: [
            { title: '告警ID', value: ALERT_ID, short: true },
            { title: '告警级别', value: '致命', short: true },
          ],
        },
      ],
    ],
    [
      'the title link to the event detail page',
      [
        {
          id: 1,
          color: 'ff0000',
          fallback: '[蓝鲸监控] CPU使用率告警',
          title: 'CPU使用率告警',
          title_link: `https://paas.example.com/o/bk_monitorv3/?bizId=2#/event-center/detail/${ALERT_ID}`,
          fields: [{ title: '告警目标', value: '10.0.5.17', short: true }],
        },
      ],
    ],
  ];

  it.each(LEGACY_ATTACHMENTS)('finds the ID in a legacy attachment: %s', async (_name, attachments) => {
    await runShortcut(chatMessage({ ts: ALERT_TS, text: '', attachments, bot_id: 'B0ALERTS' }));

    const [post] = await h.slack.waitForCall('chat.postMessage');
    expect(post.thread_ts).toBe(ALERT_TS);
    expect(requestedIds(h.esb.requests)).toEqual([ALERT_ID]);
  });

  it('says privately that no ID was found when the post only has the "查看详情" action link, and asks BlueKing nothing', async () => {
    await runShortcut(chatMessage({ ts: ALERT_TS, text: DETAIL_LINK_ONLY_TEXT }));

    const [reply] = await h.responses.waitForRequests(1);
    expect(reply.path).toBe('/shortcut/one');
    const body = JSON.parse(reply.body) as { response_type: string; replace_original: boolean; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.replace_original).toBe(false);
    expect(body.text).toBe('⚠️ No BlueKing event ID found in this message');
    const shown = JSON.stringify(body.blocks);
    expect(shown).toContain('action_id, collectId');
    expect(shown).toContain('/eventlog &lt;id&gt; works in any channel');
    expect(h.esb.requests).toHaveLength(0);
    expect(h.slack.calls('chat.postMessage')).toHaveLength(0);
  });

  it('says how many IDs the chooser left out when the post names more than it offers', async () => {
    const text = Array.from({ length: 25 }, (_, i) => `告警ID: ${5400 + i}`).join('\n');
    await runShortcut(chatMessage({ ts: ALERT_TS, text }), 'many');
    const [chooserRequest] = await h.responses.waitForRequests(1);
    const chooser = JSON.parse(chooserRequest.body) as Record<string, unknown>;
    expect(chooser).toMatchObject({ text: '💡 This message mentions 25 event IDs' });
    expect(buttonsOf(chooser)).toHaveLength(10);
    expect(JSON.stringify(chooser.blocks)).toContain('Only the first 10 are offered; 15 more were left out');
  });

  it('offers a private choice when the post names several IDs, and posts the picked one in the thread', async () => {
    const text = `告警合并通知\n告警ID: ${ALERT_ID}\n告警ID: 5310\n告警ID: 1`;
    await runShortcut(chatMessage({ ts: ALERT_TS, text }), 'several');

    const [chooserRequest] = await h.responses.waitForRequests(1);
    const chooser = JSON.parse(chooserRequest.body) as Record<string, unknown>;
    expect(chooser).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: '💡 This message mentions 3 event IDs' });
    const choices = buttonsOf(chooser);
    expect(choices.map((b) => [b.action_id, b.text.text])).toEqual([
      ['eventlog_pick_0', ALERT_ID],
      ['eventlog_pick_1', '5310'],
      ['eventlog_pick_2', '1'],
    ]);
    expect(h.esb.requests).toHaveLength(0);

    const picked = choices[1];
    const click = blockActions(
      { action_id: picked.action_id, value: String(picked.value), text: picked.text.text },
      { ephemeral: true, messageTs: '1642390500.000400' },
      `${h.responses.url}/pick/1`,
    );
    expect((await h.postInteraction(click)).status).toBe(200);

    const [post] = await h.slack.waitForCall('chat.postMessage');
    expect(post.channel).toBe(CHANNEL.id);
    expect(post.thread_ts).toBe(ALERT_TS);
    expect(String(post.text)).toMatch(/^⚪ Event 5310 · Closed/);
    expect(requestedIds(h.esb.requests)).toEqual(['5310']);
    const [, removal] = await waitFor(() => h.responseBodies(), 2);
    expect(h.responses.requests[1].path).toBe('/pick/1');
    expect(removal).toEqual({ delete_original: true });
  });
});
