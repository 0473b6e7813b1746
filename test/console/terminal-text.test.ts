import type { types } from '@slack/bolt';
import { blocksToTerminalText } from '../../src/console/terminal-text';

const RULE = '─'.repeat(40);

const SKETCH: types.KnownBlock[] = [
  { type: 'header', text: { type: 'plain_text', text: '🔴 Event 5310 · Closed', emoji: true } },
  {
    type: 'section',
    text: { type: 'mrkdwn', text: '*Closed* 53 min after it began · acked after 27 min\n9 records · ⚠ 2 of 4 notices failed' },
  },
  {
    type: 'section',
    text: { type: 'mrkdwn', text: '🚨 *2 notifications failed*\n• <!date^1710211200^{time}|10:40> Anomaly notice → SRE 值班组: *通知人为空*' },
  },
  { type: 'context', elements: [{ type: 'mrkdwn', text: '📦 Converged 52 anomalies · data <!date^1710211080^{time}|10:38>–11:27' }] },
  { type: 'divider' },
  { type: 'section', text: { type: 'mrkdwn', text: '✅ <!date^1710211080^{time}|10:38>  Created\n❌ 10:40  Anomaly notice · 通知人为空' } },
  {
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: 'event 8c1f0e5a…1574439660.12.7.1' },
      { type: 'plain_text', text: 'request 4b1e2a90' },
    ],
  },
  {
    type: 'actions',
    elements: [
      { type: 'button', text: { type: 'plain_text', text: 'Share to channel' }, action_id: 'share', value: '5310' },
      { type: 'button', text: { type: 'plain_text', text: 'Refresh' }, action_id: 'refresh', value: '5310' },
      { type: 'button', text: { type: 'plain_text', text: 'Open in BlueKing' }, action_id: 'open', url: 'https://bk.example.com/o/bk_monitorv3/#/event-center/detail/5310' },
    ],
  },
];

describe('blocksToTerminalText', () => {
  it('lays out a whole message as plain text for a pipe', () => {
    expect(blocksToTerminalText(SKETCH, { isTTY: false })).toBe(
      [
        '🔴 Event 5310 · Closed',
        '═'.repeat(22), // 🔴 takes two columns
        '',
        'Closed 53 min after it began · acked after 27 min',
        '9 records · ⚠ 2 of 4 notices failed',
        '',
        '🚨 2 notifications failed',
        '• 10:40 Anomaly notice → SRE 值班组: 通知人为空',
        '› 📦 Converged 52 anomalies · data 10:38–11:27',
        RULE,
        '✅ 10:38  Created',
        '❌ 10:40  Anomaly notice · 通知人为空',
        '› event 8c1f0e5a…1574439660.12.7.1  request 4b1e2a90',
        '',
        '[Share to channel] [Refresh] [Open in BlueKing → https://bk.example.com/o/bk_monitorv3/#/event-center/detail/5310]',
      ].join('\n'),
    );
  });

  it('makes the header bold and underlined, and dims context lines, on a terminal', () => {
    const out = blocksToTerminalText(
      [
        { type: 'header', text: { type: 'plain_text', text: 'Event 1' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'a\nb' }] },
      ],
      { isTTY: true },
    );
    expect(out).toBe('\u001b[1;4mEvent 1\u001b[24;22m\n\u001b[2m› a\u001b[22m\n\u001b[2m› b\u001b[22m');
  });

  it('shows plain_text as written, without reading markup or entities in it', () => {
    const out = blocksToTerminalText([{ type: 'section', text: { type: 'plain_text', text: '*not bold* &amp; <x|y>' } }], { isTTY: false });
    expect(out).toBe('*not bold* &amp; <x|y>');
  });

  it('puts each section field on its own line and shows an accessory button', () => {
    const out = blocksToTerminalText(
      [
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Status*\nClosed' },
            { type: 'mrkdwn', text: '*Records*\n9' },
          ],
          accessory: { type: 'button', text: { type: 'plain_text', text: 'Older' }, action_id: 'older' },
        },
      ],
      { isTTY: false },
    );
    expect(out).toBe('Status\nClosed\nRecords\n9\n[Older]');
  });

  it('shows a select by its current choice, as Slack draws it', () => {
    const option = (text: string, value: string) => ({ text: { type: 'plain_text' as const, text }, value });
    const out = blocksToTerminalText(
      [{ type: 'actions', elements: [{ type: 'static_select', action_id: 'f', options: [option('All', 'all'), option('Failures <b>', 'f')], initial_option: option('Failures <b>', 'f') }] }],
      { isTTY: false },
    );
    expect(out).toBe('[Failures <b> ▾]');
  });

  it('shows images by their alt text and unknown blocks by their type', () => {
    const out = blocksToTerminalText(
      [
        { type: 'image', image_url: 'https://x.example/a.png', alt_text: 'CPU graph' },
        { type: 'video', title: { type: 'plain_text', text: 't' }, video_url: 'https://v', thumbnail_url: 'https://t', alt_text: 'v' },
      ],
      { isTTY: false },
    );
    expect(out).toBe('[image: CPU graph]\n[video block]');
  });

  it('prints nothing for no blocks', () => {
    expect(blocksToTerminalText([], { isTTY: false })).toBe('');
  });

  it('does not crash on blocks that break their own types', () => {
    const broken = [{ type: 'section' }, { type: 'context' }, { type: 'actions' }, { type: 'header' }, null] as unknown as types.KnownBlock[];
    expect(blocksToTerminalText(broken, { isTTY: false })).toBe('› \n\n\n\n\n═\n[unknown block]');
  });
});
