import { extractEventIds } from '../../src/ids/extract-ids';

// 2024-06-01T00:00:00Z: every alert ID below (January 2022) is in the past.
const NOW = Date.UTC(2024, 5, 1);
const ALERT = '164239028644167'; // began 2022-01-17 03:31:26 UTC
const MONITOR = 'https://paas.example.com/o/bk_monitorv3/?bizId=2';

const smsAlert = (id: string) =>
  [
    '【蓝鲸监控】[致命] 告警名称: CPU使用率过高',
    '告警级别: 致命',
    '告警业务: [2] 蓝鲸',
    '告警目标: 10.0.0.1',
    '告警维度: 主机=10.0.0.1',
    '首次异常: 2022-01-17 11:31:26',
    '告警内容: CPU使用率 >= 95.0%, 当前值 98.2%',
    `告警ID: ${id}`,
  ].join('\n');

describe('extractEventIds: text', () => {
  it('reads the 告警ID line of an SMS-style alert', () => {
    expect(extractEventIds({ text: smsAlert(ALERT) }, NOW)).toEqual([ALERT]);
  });

  it('reads an English install post', () => {
    expect(extractEventIds({ text: 'Alert name: CPU usage high\nAlert ID: 123\nSeverity: fatal' }, NOW)).toEqual(['123']);
  });

  it.each([
    ['告警 ID: 4821', '4821'],
    ['告警ID：4821', '4821'],
    ['事件ID: 4821', '4821'],
    ['Event ID 4821', '4821'],
    ['event id #4821', '4821'],
    ['ALERT_ID=4821', '4821'],
    ['*告警ID:* *4821*', '4821'],
    ['*Alert ID*: `4821`', '4821'],
    ['告警ID: <https://x.example.com/#/event-center/detail/4821|4821>', '4821'],
  ])('reads the labelled form %j', (text, id) => {
    expect(extractEventIds({ text }, NOW)).toEqual([id]);
  });

  it('reads a Slack-wrapped detail link, whatever its label', () => {
    expect(extractEventIds({ text: `新告警 <${MONITOR}#/event-center/detail/${ALERT}|点此查看>` }, NOW)).toEqual([ALERT]);
  });

  it('unescapes &amp; before reading URL parameters', () => {
    expect(extractEventIds({ text: `<${MONITOR}&amp;alertId=5&amp;specEvent=1|open>` }, NOW)).toEqual(['5']);
  });

  it.each([
    `${MONITOR}#/event-center?alert_id=77`,
    `${MONITOR}#/event-center?eventId=77`,
    `${MONITOR}#/event-center?queryString=id%20%3A%2077&from=now-7d`,
    `${MONITOR}#/event-center?queryString=id+:+77`,
    `${MONITOR}#/trace/alarm-center/detail/77?bizId=2`,
  ])('reads the ID in %s', (url) => {
    expect(extractEventIds({ text: `<${url}>` }, NOW)).toEqual(['77']);
  });

  it('never takes action, collect, strategy or business IDs', () => {
    const text = [
      `<${MONITOR}#/event-center?collectId=${ALERT}|查看详情>`,
      `<${MONITOR}#/event-center?actionId=${ALERT}>`,
      `<${MONITOR}#/event-center/action-detail/${ALERT}>`,
      `<${MONITOR}#/event-center?queryString=action_id%20%3A%20${ALERT}>`,
      `<${MONITOR}#/trace/alarm-center/detail/${ALERT}?alarmType=action>`,
      `<${MONITOR}#/strategy-config/detail/42?strategy_id=${ALERT}&bk_biz_id=${ALERT}>`,
      `action_id : ${ALERT}`,
      `actionId=${ALERT}`,
      `collect_id: ${ALERT}`,
      `strategy_id: ${ALERT}`,
      `bk_biz_id: ${ALERT}`,
      `策略ID: ${ALERT}`,
    ].join('\n');
    expect(extractEventIds({ text }, NOW)).toEqual([]);
  });

  it('takes a bare 15–20 digit number that begins with a plausible Unix time', () => {
    expect(extractEventIds({ text: `CPU high on web-01 (${ALERT}), please check` }, NOW)).toEqual([ALERT]);
  });

  it.each([
    ['a time before 2015', '141000000012345'],
    ['a time more than a day ahead of now', `${Math.floor(NOW / 1000) + 2 * 86_400}12345`],
    ['too few digits', '16423902864416'],
    ['too many digits', '164239028644167123456'],
    ['a card-like number', '6222021234567890123'],
    ['a leading zero', '016423902864416'],
  ])('ignores a bare number with %s', (_why, digits) => {
    expect(extractEventIds({ text: `ref ${digits} end` }, NOW)).toEqual([]);
  });

  it('accepts a bare number up to a day ahead of the clock', () => {
    const soon = `${Math.floor(NOW / 1000) + 3600}12345`;
    expect(extractEventIds({ text: `ref ${soon}` }, NOW)).toEqual([soon]);
  });

  it.each([
    ['a Slack permalink', `<https://acme.slack.com/archives/C0123/p1642390286441679>`],
    ['a raw URL path', `see https://grafana.example.com/d/${ALERT}/cpu`],
    ['a Slack timestamp', 'thread 1642390286.441679'],
    ['a version string', `build 1.${ALERT}`],
    ['a word', `host-${ALERT}`],
    ['a hex-looking run', `${ALERT}abc`],
  ])('does not take digits from %s', (_what, text) => {
    expect(extractEventIds({ text }, NOW)).toEqual([]);
  });

  it('returns several IDs in order of appearance, each once', () => {
    const text = [smsAlert('164239028644168'), smsAlert(ALERT), smsAlert('164239028644168')].join('\n\n');
    expect(extractEventIds({ text }, NOW)).toEqual(['164239028644168', ALERT]);
  });

  it('does not repeat a bare number that is also labelled', () => {
    expect(extractEventIds({ text: `${ALERT} 告警ID: ${ALERT}` }, NOW)).toEqual([ALERT]);
  });

  it('keeps appearance order across bare, labelled and linked IDs', () => {
    const text = `先 164239028644169，再 告警ID: 4821，最后 <${MONITOR}#/event-center/detail/55|详情>`;
    expect(extractEventIds({ text }, NOW)).toEqual(['164239028644169', '4821', '55']);
  });

  it('finds nothing in an ordinary message', () => {
    expect(extractEventIds({ text: 'deploy finished 🎉 v2.3.1 on 10.0.0.1, 98.2% healthy' }, NOW)).toEqual([]);
  });

  it('finds nothing in an empty message', () => {
    expect(extractEventIds({}, NOW)).toEqual([]);
  });

  it('ignores a zero or leading-zero labelled number', () => {
    expect(extractEventIds({ text: '告警ID: 0\nAlert ID: 0042' }, NOW)).toEqual([]);
  });
});

describe('extractEventIds: blocks', () => {
  // A chat-bot forwarding template: header, section with fields, context, a button.
  const forwarded = {
    text: '[致命] CPU使用率过高',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: '【蓝鲸监控】[致命] CPU使用率过高' } },
      {
        type: 'section',
        block_id: 'alert_164239028644999',
        fields: [
          { type: 'mrkdwn', text: '*告警级别:*\n致命' },
          { type: 'mrkdwn', text: '*告警目标:*\n10.0.0.1' },
          { type: 'mrkdwn', text: `*告警ID:*\n${ALERT}` },
        ],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '首次异常 2022-01-17 11:31:26' }] },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'ack_164239028644998',
            text: { type: 'plain_text', text: '确认' },
            value: '164239028644997',
          },
          {
            type: 'button',
            action_id: 'open_164239028644996',
            text: { type: 'plain_text', text: '查看详情' },
            url: `${MONITOR}#/event-center/detail/${ALERT}`,
          },
        ],
      },
    ],
  };

  it('reads the ID from fields and button links, never from action_id, block_id or button values', () => {
    expect(extractEventIds(forwarded, NOW)).toEqual([ALERT]);
  });

  it('reads a section whose text is the whole template', () => {
    const message = { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: smsAlert(ALERT) } }] };
    expect(extractEventIds(message, NOW)).toEqual([ALERT]);
  });

  it('joins rich-text pieces, so a label and a bold number in separate elements still read as one', () => {
    const message = {
      blocks: [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'text', text: '事件ID: ' },
                { type: 'text', text: '4821', style: { bold: true } },
                { type: 'text', text: ' 已恢复' },
              ],
            },
          ],
        },
      ],
    };
    expect(extractEventIds(message, NOW)).toEqual(['4821']);
  });

  it('reads a rich-text link element and items of a rich-text list', () => {
    const message = {
      blocks: [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_list',
              style: 'bullet',
              elements: [
                { type: 'rich_text_section', elements: [{ type: 'link', url: `${MONITOR}#/event-center/detail/11`, text: '告警一' }] },
                { type: 'rich_text_section', elements: [{ type: 'text', text: 'Alert ID: 12' }] },
              ],
            },
          ],
        },
      ],
    };
    expect(extractEventIds(message, NOW)).toEqual(['11', '12']);
  });

  it('reads raw rich text containing < and & without mistaking it for markup', () => {
    const message = {
      blocks: [
        {
          type: 'rich_text',
          elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'load <5 & 告警ID: 4821 >ok' }] }],
        },
      ],
    };
    expect(extractEventIds(message, NOW)).toEqual(['4821']);
  });
});

describe('extractEventIds: legacy attachments', () => {
  it('reads 告警ID from attachment text and ignores the action and collect IDs in the 查看详情 link', () => {
    const message = {
      text: '',
      attachments: [
        {
          color: '#EA3636',
          fallback: '[致命] CPU使用率过高',
          pretext: '【蓝鲸监控】',
          title: '[致命] CPU使用率过高',
          title_link: `${MONITOR}#/event-center?collectId=164239028644999&batchAction=ack`,
          text: `告警目标: 10.0.0.1\n告警ID：${ALERT}`,
          fields: [{ title: '告警级别', value: '致命', short: true }],
          actions: [
            {
              type: 'button',
              name: 'detail',
              text: '查看详情',
              url: `${MONITOR}#/event-center?queryString=action_id%20%3A%20164239028644555`,
            },
          ],
          footer: '蓝鲸监控',
          ts: 1642390286,
        },
      ],
    };
    expect(extractEventIds(message, NOW)).toEqual([ALERT]);
  });

  it('reads an ID split over a field title and value', () => {
    const message = { attachments: [{ fields: [{ title: '事件ID', value: '4821', short: true }] }] };
    expect(extractEventIds(message, NOW)).toEqual(['4821']);
  });

  it('reads a detail link in title_link and in action URLs', () => {
    const message = {
      attachments: [
        { title: 'CPU', title_link: `${MONITOR}#/event-center/detail/31` },
        { actions: [{ type: 'button', text: 'Open', url: `${MONITOR}#/event-center/detail/32` }] },
      ],
    };
    expect(extractEventIds(message, NOW)).toEqual(['31', '32']);
  });

  it('reads blocks nested inside an attachment', () => {
    const message = { attachments: [{ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Alert ID: 7' } }] }] };
    expect(extractEventIds(message, NOW)).toEqual(['7']);
  });

  it('reads text, then blocks, then attachments', () => {
    const message = {
      text: 'Alert ID: 1',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Alert ID: 2' } }],
      attachments: [{ text: 'Alert ID: 3' }],
    };
    expect(extractEventIds(message, NOW)).toEqual(['1', '2', '3']);
  });
});

describe('extractEventIds: hostile input', () => {
  it('survives nesting far deeper than Block Kit allows', () => {
    let node: unknown = { type: 'section', text: { type: 'mrkdwn', text: 'Alert ID: 9' } };
    for (let i = 0; i < 5000; i += 1) node = { elements: [node] };
    expect(extractEventIds({ blocks: [node] }, NOW)).toEqual([]);
  });

  it('terminates on a self-referencing object', () => {
    const loop: Record<string, unknown> = { type: 'section', text: 'Alert ID: 9' };
    loop.self = loop;
    expect(extractEventIds({ blocks: [loop] }, NOW)).toEqual(['9']);
  });

  it('reads only the first 60,000 characters of a huge message', () => {
    const filler = 'a'.repeat(70_000);
    expect(extractEventIds({ text: `Alert ID: 1 ${filler} Alert ID: 2` }, NOW)).toEqual(['1']);
  });

  it('never reads a number cut short by the cap as a shorter ID', () => {
    // The label ends at character 59,996, so the cap falls inside the number.
    expect(extractEventIds({ text: `${'x '.repeat(29_995)}告警ID: ${ALERT}` }, NOW)).toEqual([]);
  });

  it('stops after 10,000 nodes of a very wide message', () => {
    const blocks = Array.from({ length: 20_000 }, (_, i) => ({ type: 'section', text: { type: 'mrkdwn', text: `Alert ID: ${i + 1}` } }));
    const ids = extractEventIds({ blocks }, NOW);
    // What was read is a whole prefix of the message, in order.
    expect(ids.length).toBeGreaterThan(1000);
    expect(ids.length).toBeLessThan(10_000);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => String(i + 1)));
  });

  it('handles a long run of digits without labels', () => {
    expect(extractEventIds({ text: '9'.repeat(50_000) }, NOW)).toEqual([]);
  });

  it('ignores fields of the wrong type', () => {
    const message = { text: 42, blocks: [null, 7, 'Alert ID: 3', { text: ['Alert ID: 4'] }], attachments: [undefined] };
    expect(extractEventIds(message as unknown as Parameters<typeof extractEventIds>[0], NOW)).toEqual([]);
  });
});
