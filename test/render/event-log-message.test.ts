import { summarize } from '../../src/eventlog/summary/summarize';
import { checkMessageLimits } from '../helpers/check-limits';
import { renderEmptyLog, renderEventLog } from '../../src/render/event-log-message';
import type { RenderOptions, SlackMessage } from '../../src/render/types';
import { makeLog, newGenerationLog, notice, rec, shanghai, sketchLog, unreadable } from '../eventlog/summary/summarize-fixtures';

const OPTS: RenderOptions = {
  lang: 'en',
  timezone: 'Asia/Shanghai',
  monitorUrl: 'https://paas.example.com/o/bk_monitorv3',
  variant: 'full',
  page: 0,
  withActions: true,
  sharedBy: null,
};
/** When the tests read the logs (summarize's clock). */
const NOW_MS = shanghai('2020-01-01', '12:00:00');

function render(log: ReturnType<typeof sketchLog>, opts: Partial<RenderOptions> & { nowMs?: number } = {}): SlackMessage {
  const { nowMs = NOW_MS, ...rest } = opts;
  const message = renderEventLog(summarize(log, nowMs), { ...OPTS, ...rest });
  expect(checkMessageLimits(message)).toEqual([]);
  return message;
}

/** All mrkdwn/plain text of a message, one string, for "contains" checks. */
function allText(message: SlackMessage): string {
  const texts: string[] = [message.text];
  JSON.stringify(message.blocks, (key, value: unknown) => {
    if (key === 'text' && typeof value === 'string') texts.push(value);
    return value;
  });
  return texts.join('\n');
}

const at = (time: string): { timeMs: number; rawTime: string } => ({ timeMs: shanghai('2020-01-01', time), rawTime: `2020-01-01 ${time}` });

describe('renderEventLog: exact payloads', () => {
  it('renders the old-generation sketch event verdict first, failures called out, timeline, footer and buttons', () => {
    expect(render(sketchLog())).toEqual({
      text: '⚪ Event 5310 · Closed — 2 of 4 notices failed: 通知人为空 (no receivers)',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '⚪ Event 5310 · Closed', emoji: true } },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text:
              '*Closed* 53 min after it began · acked after 27 min by lisi\n' +
              '🚨 *2 of 4 notices failed*\n' +
              '• 通知人为空 (no receivers)\n' +
              '💡 The notice group resolves to nobody: fix the duty rota (user group) in BlueKing\n' +
              '9 records · 52 anomalies converged · 🔕 1 shielded',
          },
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text:
              '• <!date^1577846400^{time}|10:40> Anomaly notice → SRE 值班组 (WeChat, mail): *通知人为空 (no receivers)*\n' +
              '• <!date^1577847000^{time}|10:50> Anomaly notice, partly failed → SRE 值班组 (WeChat, mail): *mail 发送失败 (sending failed)*\n' +
              '🔕 1 shielded: 业务维护屏蔽',
          },
        },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text:
                'Converged 52 anomalies in 1 round · data <!date^1577846280^{time}|10:38>–<!date^1577849220^{time}|11:27> (49 min)' +
                ' · processed <!date^1577846400^{time}|10:40>–<!date^1577849340^{time}|11:29> (49 min)',
            },
          ],
        },
        { type: 'divider' },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: [
              '🔴 <!date^1577846280^{date_short_pretty} {time}|01-01 10:38>  Created',
              '🚨 <!date^1577846400^{time}|10:40>  Anomaly notice · 通知人为空 (no receivers)',
              '⚠️ <!date^1577847000^{time}|10:50>  Anomaly notice · mail 发送失败 (sending failed)',
              '🔕 <!date^1577847600^{time}|11:00>  Anomaly notice · shielded: 业务维护屏蔽',
              '🟠 <!date^1577847900^{time}|11:05>  Acknowledged · by lisi · “rolling back release 2.3”',
              '▫️ <!date^1577849340^{time}|11:29>  Converged · 52 anomalies',
              '🟢 <!date^1577849460^{time}|11:31>  Recovered · 告警已恢复 (recovered)',
              '✅ <!date^1577849460^{time}|11:31>  Recovery notice',
              '⚪ <!date^1577849460^{time}|11:31>  Closed · 事件已关闭',
            ].join('\n'),
          },
        },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: 'event `d75171398898…80.88.118.1` · request `4b1e2a90c3d44f5e8a7b6c5d4e3f2a1b` · 9 records',
            },
          ],
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'eventlog_share',
              text: { type: 'plain_text', text: 'Share to channel', emoji: true },
              value: '5310:0:full',
            },
            { type: 'button', action_id: 'eventlog_refresh', text: { type: 'plain_text', text: 'Refresh', emoji: true }, value: '5310:0:full' },
            { type: 'button', action_id: 'eventlog_full_log', text: { type: 'plain_text', text: 'Full log', emoji: true }, value: '5310:0:full' },
            {
              type: 'button',
              action_id: 'eventlog_open',
              text: { type: 'plain_text', text: 'Open in BlueKing', emoji: true },
              value: '5310:0:full',
              url: 'https://paas.example.com/o/bk_monitorv3/#/event-center/detail/5310',
              style: 'primary',
            },
          ],
        },
      ],
    });
  });

  it('renders a new-generation alert in Chinese, compact for a thread, oldest first', () => {
    expect(render(newGenerationLog(), { lang: 'zh-CN', variant: 'compact', monitorUrl: null, nowMs: shanghai('2022-01-17', '14:00:00') })).toEqual({
      text: '⚪ 致命 · 告警 164239028644167 · 已关闭',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '⚪ 致命 · 告警 164239028644167 · 已关闭', emoji: true } },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text:
              '*已关闭*（由系统关闭），持续 2 小时 55 分钟 · 17 分钟后由 admin 确认 · 级别上升 1 次\n' +
              '_avg(CPU使用率) &gt;= 90.0%, 当前值93.5%_\n' +
              '已触发通知 1 条，发送结果未知\n' +
              '6 条记录 · 收敛 1 次',
          },
        },
        { type: 'divider' },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: [
              '🔴 <!date^1642387468^{date_short_pretty} {time}|01-17 10:44>  告警产生 · avg(CPU使用率) &gt;= 90.0%, 当前值93.5%, 达到了触发告警条件（5周期内满足1次检测算法）',
              '▫️ <!date^1642387480^{time}|10:44>  告警收敛 · avg(CPU使用率) &gt;= 90.0%, 当前值96.1%',
              '▫️ <!date^1642387500^{time}|10:45>  处理动作 · 达到通知告警的执行条件【告警触发时】，已触发告警通知',
              '⚠️ <!date^1642388280^{time}|10:58>  级别上升 · 收到了更高级别的事件，告警级别上升为：致命',
              '🟠 <!date^1642388520^{time}|11:02>  告警确认 · admin · “扩容中”',
              '⚪ <!date^1642398000^{time}|13:40>  告警关闭（系统） · 长时间未收到新的异常事件，系统关闭告警',
            ].join('\n'),
          },
        },
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'eventlog_refresh', text: { type: 'plain_text', text: '刷新', emoji: true }, value: '164239028644167:0:compact' },
            { type: 'button', action_id: 'eventlog_full_log', text: { type: 'plain_text', text: '完整流水', emoji: true }, value: '164239028644167:0:compact' },
          ],
        },
      ],
    });
  });
});

describe('renderEventLog: verdict and push text', () => {
  it('says an open, unacknowledged event is open, for how long, and that nobody acknowledged it', () => {
    const log = makeLog('77', [rec({ operate: 'CREATE', ...at('10:00:00') }), rec({ operate: 'ANOMALY_NOTICE', ...at('10:01:00'), notice: notice() })]);
    const message = render(log);
    expect(message.text).toBe('🔴 Event 77 · Firing — not acknowledged');
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '🔴 Event 77 · Firing', emoji: true } });
    expect(message.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*Firing* for 2 h · not acknowledged\n✅ 1 notice sent\n2 records' } });
  });

  it('says who acknowledged an open event and how soon, in both languages, and that nobody was paged', () => {
    const log = makeLog('77', [rec({ operate: 'CREATE', ...at('10:00:00') }), rec({ operate: 'ACK', status: '', message: 'wangwu', ...at('10:12:00') })]);
    expect(render(log).text).toBe('🟠 Event 77 · Acknowledged — Nobody was paged: no notice went out');
    expect(render(log, { lang: 'zh-CN' }).text).toBe('🟠 事件 77 · 已确认——没有通知任何人：没有发出任何通知');
    expect(render(log).blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '🟠 Event 77 · Acknowledged', emoji: true } });
    expect(render(log).blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Acknowledged* for 2 h · acked after 12 min by wangwu\n⚠️ *Nobody was paged*: no notice went out\n2 records · no notices logged' },
    });
  });

  it('says when nobody was notified at all', () => {
    const log = makeLog('77', [rec({ operate: 'CREATE', ...at('10:00:00') }), rec({ operate: 'RECOVER', ...at('10:30:00') })]);
    expect(render(log).blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*Recovered* 30 min after it began\n2 records · no notices logged' } });
  });

  it('explains a failed notice without a reason as having no receivers', () => {
    const log = makeLog('77', [
      rec({ operate: 'CREATE', ...at('10:00:00') }),
      rec({ operate: 'ANOMALY_NOTICE', status: 'FAILED', ...at('10:01:00'), notice: notice({ emptyReceiver: true, groups: [] }) }),
    ]);
    const message = render(log);
    expect(message.text).toBe('🔴 Event 77 · Firing — Nobody was paged: every notice found 通知人为空 (no receivers)');
    expect(message.blocks[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*Firing* for 2 h · not acknowledged\n⚠️ *Nobody was paged*: every notice found 通知人为空 (no receivers)\n💡 The notice group resolves to nobody: fix the duty rota (user group) in BlueKing\n2 records',
      },
    });
    expect(message.blocks[2]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '• <!date^1577844060^{time}|10:01> Anomaly notice: *no receivers*' } });
  });

  it('lists running notices as in flight and caps the callout bullets with "and N more"', () => {
    const failures = Array.from({ length: 8 }, (_, i) =>
      rec({ operate: 'ANOMALY_NOTICE', status: 'FAILED', message: `boom ${i}`, ...at(`10:0${i}:00`), notice: notice({ groups: [] }) }),
    );
    const log = makeLog('77', [...failures, rec({ operate: 'RECOVERY_NOTICE', status: 'RUNNING', ...at('10:09:00') })]);
    const callout = render(log).blocks[2];
    expect(callout).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          ...[0, 1, 2, 3, 4].map((i) => `• <!date^${1577844000 + i * 60}^{time}|10:0${i}> Anomaly notice: *boom ${i}*`),
          '… and 3 more',
          '⏳ 1 notification still in flight',
        ].join('\n'),
      },
    });
    const compact = render(log, { variant: 'compact' }).blocks[2];
    expect(compact?.type === 'section' && compact.text?.text.split('\n')).toEqual([
      '• <!date^1577844000^{time}|10:00> Anomaly notice: *boom 0*',
      '• <!date^1577844060^{time}|10:01> Anomaly notice: *boom 1*',
      '• <!date^1577844120^{time}|10:02> Anomaly notice: *boom 2*',
      '… and 5 more',
      '⏳ 1 notification still in flight',
    ]);
  });
});

describe('renderEventLog: timeline details', () => {
  it('shows unknown operates and statuses raw, and unreadable records with their reason', () => {
    const log = makeLog('77', [
      rec({ operate: 'CREATE', ...at('10:00:00') }),
      rec({ operate: 'QUANTUM_FLIP', status: 'SUPERPOSED', message: 'hm', ...at('10:01:00') }),
      unreadable('operate: expected a string'),
      rec({ operate: 'ACK', status: '', timeMs: null, rawTime: '2020-13-45' }),
    ]);
    const timeline = render(log).blocks.find((b) => b.type === 'section' && b.text?.text.startsWith('🔴'));
    expect(timeline).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          '🔴 <!date^1577844000^{date_short_pretty} {time}|01-01 10:00>  Created',
          '⚠️ <!date^1577844060^{time}|10:01>  QUANTUM_FLIP [SUPERPOSED] · hm',
          '⚠️ unreadable record: could not be read (operate: expected a string)',
          '🟠 [2020-13-45]  Acknowledged',
        ].join('\n'),
      },
    });
    expect(render(log).blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Acknowledged* for 2 h · acked\n⚠️ *Nobody was paged*: no notice went out\n4 records · no notices logged · ⚠️ 1 unreadable' },
    });
  });

  it('uses Chinese labels throughout in zh-CN', () => {
    const text = allText(render(sketchLog(), { lang: 'zh-CN' }));
    for (const word of ['告警产生', '告警通知', '告警确认', '告警收敛', '告警恢复', '恢复通知', '告警关闭', '被屏蔽', '部分失败', '微信、邮件', '通知人为空', '事件 ', 'request_id ', '分享到频道', '刷新', '在蓝鲸中打开']) {
      expect(text).toContain(word);
    }
    expect(text).not.toMatch(/Anomaly notice|Created|records|Refresh/);
  });

  it('shows the date again when the timeline crosses midnight', () => {
    const log = makeLog('77', [rec({ operate: 'CREATE', ...at('23:50:00') }), rec({ operate: 'CLOSE', timeMs: shanghai('2020-01-02', '00:10:00'), rawTime: '' })]);
    const timeline = render(log).blocks.find((b) => b.type === 'section' && b.text?.text.startsWith('🔴'));
    expect(timeline?.type === 'section' && timeline.text?.text).toBe(
      '🔴 <!date^1577893800^{date_short_pretty} {time}|01-01 23:50>  Created\n' +
        '⚪ <!date^1577895000^{date_short_pretty} {time}|01-02 00:10>  Closed',
    );
  });
});

describe('renderEventLog: escaping', () => {
  const hostile = '<!channel> <!here> <@U123> <https://evil.example|click> &lt; *bold*';
  const escaped = '&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; &amp;lt; *bold*';

  it('renders every piece of upstream text inert: messages, notes, group and receiver names, shield details, reasons, IDs', () => {
    const log = makeLog(
      '77',
      [
        rec({ operate: 'CREATE', message: hostile, eventId: hostile, ...at('10:00:00') }),
        rec({
          operate: 'ANOMALY_NOTICE',
          status: 'FAILED',
          message: hostile,
          ...at('10:01:00'),
          notice: notice({ groups: [{ name: hostile, receivers: [hostile], ways: [hostile] }] }),
        }),
        rec({ operate: 'ANOMALY_NOTICE', status: 'SHIELDED', ...at('10:02:00'), notice: notice({ shield: { type: hostile, detail: hostile } }) }),
        rec({ operate: 'ACK', status: '', message: `${hostile}确认了该告警事件并备注：,${hostile}`, ...at('10:03:00') }),
        rec({ operate: hostile, status: hostile, message: hostile, ...at('10:04:00') }),
        unreadable(hostile),
      ],
      'old',
      hostile,
    );
    for (const lang of ['en', 'zh-CN'] as const) {
      const message = render(log, { lang });
      const text = allText(message);
      expect(text).not.toMatch(/<!channel>|<!here>|<@U123>|<https:\/\/evil/);
      expect(text).toContain(escaped.slice(0, 60));
      expect(message.text).toContain('&lt;!channel&gt;');
    }
  });

  it('does not let a hostile ID reach the header or buttons unescaped', () => {
    const message = render(makeLog('<!here>', [rec({ operate: 'CREATE', ...at('10:00:00') })]));
    expect(message.text).toBe('🔴 Event &lt;!here&gt; · Firing — Nobody was paged: no notice went out');
    // No button could carry such an ID, so none is offered.
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
  });
});

describe('renderEventLog: paging', () => {
  const longLog = () =>
    makeLog(
      '5310',
      Array.from({ length: 60 }, (_, i) =>
        // Records that are never folded into a run (as a storm of notices or convergence rounds is), so every page is full.
        rec({ operate: i === 0 ? 'CREATE' : 'DELAY_RECOVER', eventId: '', timeMs: shanghai('2020-01-01', '10:00:00') + i * 60_000, rawTime: '' }),
      ),
    );

  it('shows the first record and the newest ones on the default page, says how many are hidden and offers Older', () => {
    const message = render(longLog());
    const lines = message.blocks.flatMap((b) => (b.type === 'section' && b.text ? b.text.text.split('\n') : []));
    expect(lines.filter((l) => l.startsWith('_'))).toEqual(['_… 35 earlier records hidden — use Older_']);
    expect(lines.filter((l) => /  (Created|Recovery delayed)$/.test(l))).toHaveLength(25);
    expect(message.blocks.at(-2)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'records 1, 37–60 of 60' }] });
    const actions = message.blocks.at(-1);
    expect(actions?.type === 'actions' && actions.elements.map((e) => (e.type === 'button' ? [e.action_id, e.value] : []))).toEqual([
      ['eventlog_share', '5310:0:full'],
      ['eventlog_refresh', '5310:0:full'],
      ['eventlog_older', '5310:1:full'],
      ['eventlog_full_log', '5310:0:full'],
      ['eventlog_open', '5310:0:full'],
    ]);
    expect(actions?.type === 'actions' && actions.elements.map((e) => (e.type === 'button' ? e.style ?? '' : ''))).toEqual(['', '', '', '', 'primary']);
  });

  it('offers Newer and Older on a middle page, and only Newer on the oldest page', () => {
    const middle = render(longLog(), { page: 1 });
    const buttons = (m: SlackMessage) => {
      const last = m.blocks.at(-1);
      return last?.type === 'actions' ? last.elements.map((e) => (e.type === 'button' ? `${e.action_id}=${e.value}` : '')) : [];
    };
    expect(buttons(middle)).toEqual(['eventlog_share=5310:1:full', 'eventlog_refresh=5310:1:full', 'eventlog_older=5310:2:full', 'eventlog_newer=5310:0:full', 'eventlog_full_log=5310:0:full', 'eventlog_open=5310:1:full']);
    expect(middle.blocks.at(-2)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'records 12–36 of 60' }] });
    const oldest = render(longLog(), { page: 2 });
    expect(buttons(oldest)).toEqual(['eventlog_share=5310:2:full', 'eventlog_refresh=5310:2:full', 'eventlog_newer=5310:1:full', 'eventlog_full_log=5310:0:full', 'eventlog_open=5310:2:full']);
    // Nothing earlier for Older to show: the first record is on the first page, and the footer says which records these are.
    expect(allText(oldest)).not.toContain('earlier record');
    expect(allText(oldest)).toContain('records 2–11 of 60');
    expect(allText(oldest)).toContain('_… 49 newer records hidden — use Newer_');
  });

  it('clamps a page past the end to the oldest page', () => {
    expect(render(longLog(), { page: 99 })).toEqual(render(longLog(), { page: 2 }));
  });

  it('leaves the hints and buttons out when actions are off', () => {
    const message = render(longLog(), { withActions: false });
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(allText(message)).toContain('_… 35 earlier records hidden_');
  });
});

describe('renderEventLog: shared and empty', () => {
  it('says who shared it and drops the Share button once shared', () => {
    const message = render(sketchLog(), { sharedBy: 'U024BE7LH' });
    expect(message.blocks.at(-2)).toEqual({
      type: 'context',
      block_id: 'eventlog_shared_by',
      elements: [{ type: 'mrkdwn', text: 'Shared by <@U024BE7LH>' }],
    });
    const actions = message.blocks.at(-1);
    expect(actions?.type === 'actions' && actions.elements.map((e) => (e.type === 'button' ? e.action_id : ''))).toEqual(['eventlog_refresh', 'eventlog_full_log', 'eventlog_open']);
  });

  it('ignores a sharedBy that is not a Slack user ID', () => {
    const message = render(sketchLog(), { sharedBy: '<!channel>' });
    expect(message.blocks.some((b) => b.block_id === 'eventlog_shared_by')).toBe(false);
  });

  it('answers an empty log with a clear sentence, not an empty list', () => {
    const message = renderEventLog(summarize(makeLog('5310', [], 'old', 'abc123'), NOW_MS), OPTS);
    expect(message).toEqual({
      text: 'No records for event 5310: BlueKing returned an empty event log.',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '⚪ Event 5310 · No records', emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: 'No records for event 5310: BlueKing returned an empty event log.' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'request `abc123`' }] },
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'eventlog_share', text: { type: 'plain_text', text: 'Share to channel', emoji: true }, value: '5310:0:full' },
            { type: 'button', action_id: 'eventlog_refresh', text: { type: 'plain_text', text: 'Refresh', emoji: true }, value: '5310:0:full' },
            { type: 'button', action_id: 'eventlog_full_log', text: { type: 'plain_text', text: 'Full log', emoji: true }, value: '5310:0:full' },
            {
              type: 'button',
              action_id: 'eventlog_open',
              text: { type: 'plain_text', text: 'Open in BlueKing', emoji: true },
              value: '5310:0:full',
              url: 'https://paas.example.com/o/bk_monitorv3/#/event-center/detail/5310',
              style: 'primary',
            },
          ],
        },
      ],
    });
    expect(checkMessageLimits(message)).toEqual([]);
    expect(renderEmptyLog({ id: '5310', requestId: null }, { ...OPTS, lang: 'zh-CN', withActions: false })).toEqual({
      text: '事件 5310 没有流水记录：蓝鲸返回了空的流水。',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '⚪ 事件 5310 · 无记录', emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: '事件 5310 没有流水记录：蓝鲸返回了空的流水。' } },
      ],
    });
  });
});

describe('renderEventLog: footer link to BlueKing', () => {
  const footerOf = (message: SlackMessage): string => JSON.stringify(message.blocks.filter((b) => b.type === 'context').at(-1));

  it('links the event in BlueKing from the footer when BK_MONITOR_URL is set and no button offers it, keeping its query and escaping & in the URL', () => {
    const footer = footerOf(render(sketchLog(), { monitorUrl: 'https://paas.example.com/o/bk_monitorv3?bizId=2&x=1', withActions: false }));
    expect(footer).toContain('<https://paas.example.com/o/bk_monitorv3/?bizId=2&amp;x=1#/event-center/detail/5310|Open in BlueKing>');
    // With buttons, Open in BlueKing is the primary button: the footer stays one short line.
    expect(footerOf(render(sketchLog(), { monitorUrl: 'https://paas.example.com/o/bk_monitorv3' }))).not.toContain('Open in BlueKing');
  });

  it('leaves the link out when there is no monitor URL, or one that could break out of the link', () => {
    expect(footerOf(render(sketchLog(), { monitorUrl: null }))).not.toContain('Open in BlueKing');
    expect(footerOf(render(sketchLog(), { monitorUrl: 'https://x.example.com/a|b' }))).not.toContain('Open in BlueKing');
  });
});

describe('renderEventLog: the Watch button', () => {
  const actionIds = (message: SlackMessage): string[] =>
    message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => ('action_id' in e ? String(e.action_id) : '')) : []));
  const opened = [rec({ operate: 'CREATE', ...at('10:00:00') })];
  const closed = [...opened, rec({ operate: 'CLOSE', message: '事件已关闭', ...at('11:31:00') })];

  it('is offered on a channel answer while the event is not closed', () => {
    expect(actionIds(render(makeLog('5310', opened), { watch: { kind: 'offer' } }))).toContain('eventlog_watch');
  });

  it('is not offered once the event is closed: a click could only say there is nothing to watch', () => {
    expect(actionIds(render(makeLog('5310', closed), { watch: { kind: 'offer' } }))).not.toContain('eventlog_watch');
    expect(actionIds(render(makeLog('5310', closed), { watch: { kind: 'ended', banner: '👁 Stopped watching: the event was closed' } }))).not.toContain('eventlog_watch');
  });
});
