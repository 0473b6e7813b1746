import { describeLookupError } from '../../src/render/describe-error';
import { LOOKUP_ERROR_KINDS, LookupError } from '../../src/eventlog/model/lookup-error';
import { checkMessageLimits } from '../helpers/check-limits';
import { renderLookupError } from '../../src/render/error-message';
import { renderPlainMessage, renderUsage } from '../../src/render/plain-message';

describe('renderLookupError', () => {
  const err = new LookupError({
    kind: 'app_credentials',
    code: '1306000',
    upstreamMessage: 'APP Secret verification failed, please check bk_app_secret <!channel>',
    requestId: 'c0ffee00c0ffee00c0ffee00c0ffee00',
  });

  it('shows the title, explanation, what BlueKing said (escaped), the hint, and the code and request_id', () => {
    const d = describeLookupError(err, 'en');
    expect(renderLookupError('5310', err, { lang: 'en' })).toEqual({
      text: `⚠️ Event 5310: ${d.title}`,
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: [
              `⚠️ *${d.title}*`,
              d.explanation,
              'BlueKing said: _APP Secret verification failed, please check bk_app_secret &lt;!channel&gt;_',
              `💡 ${d.hint ?? ''}`,
            ].join('\n'),
          },
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Event 5310 · code `1306000` · request `c0ffee00c0ffee00c0ffee00c0ffee00`' }] },
      ],
    });
  });

  it('speaks Chinese in zh-CN', () => {
    const message = renderLookupError('5310', err, { lang: 'zh-CN' });
    expect(message.text).toBe(`⚠️ 事件 5310：${describeLookupError(err, 'zh-CN').title}`);
    expect(message.blocks[1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '事件 5310 · 错误码 `1306000` · request_id `c0ffee00c0ffee00c0ffee00c0ffee00`' }],
    });
  });

  it('renders every failure kind within Slack limits, in both languages, without upstream markup', () => {
    for (const kind of LOOKUP_ERROR_KINDS) {
      for (const lang of ['en', 'zh-CN'] as const) {
        const hostile = new LookupError({ kind, code: '<@U1>', upstreamMessage: `<!here> ${'x'.repeat(20_000)}`, requestId: '<!channel>', httpStatus: 502, retryAfterSec: 30 });
        expect(checkMessageLimits(renderLookupError('5310', hostile, { lang }))).toEqual([]);
      }
    }
  });

  it('leaves out what it does not know', () => {
    const bare = new LookupError({ kind: 'timeout' });
    const message = renderLookupError('7', bare, { lang: 'en' });
    expect(message.blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Event 7' }] });
    expect(JSON.stringify(message)).not.toContain('BlueKing said');
  });
});

describe('renderPlainMessage', () => {
  it('escapes every part, since callers pass plain text', () => {
    expect(renderPlainMessage({ emoji: '🚫', title: 'Not allowed <!here>', lines: ['You typed: <@U1> & more'], context: '<#C1>' })).toEqual({
      text: '🚫 Not allowed &lt;!here&gt;',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: '🚫 *Not allowed &lt;!here&gt;*\nYou typed: &lt;@U1&gt; &amp; more' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: '&lt;#C1&gt;' }] },
      ],
    });
  });

  it('works with a title alone and cuts runaway lines', () => {
    expect(renderPlainMessage({ title: 'Looking up event 123…' })).toEqual({
      text: 'Looking up event 123…',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Looking up event 123…*' } }],
    });
    expect(checkMessageLimits(renderPlainMessage({ title: 'x', lines: Array.from({ length: 20 }, () => '<'.repeat(10_000)) }))).toEqual([]);
  });
});

describe('renderUsage', () => {
  it('speaks of a renamed command by its own name, and names no demo ID', () => {
    const text = JSON.stringify(renderUsage('en', '/bk-eventlog'));
    expect(text).toContain('How to use /bk-eventlog');
    expect(text).toContain('`/bk-eventlog &lt;id&gt; public`');
    expect(text).not.toContain('/eventlog');
    expect(text).not.toMatch(/164239028644167|5310/);
    // Only a sane command name is put in; anything else keeps the catalog's.
    expect(JSON.stringify(renderUsage('en', '/<!here>'))).toContain('How to use /eventlog');
  });

  it('lists every way to ask, in English', () => {
    const message = renderUsage('en');
    expect(message.text).toBe('💡 How to use /eventlog');
    expect(message.blocks[0]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          '💡 *How to use /eventlog*',
          '• `/eventlog &lt;id&gt;` — show a BlueKing event’s log (only you see it)',
          '• `/eventlog &lt;id&gt; public` — post it in the channel',
          '• `/eventlog &lt;id&gt; --all` — the whole log in a window, with filters (also the *Full log* button under every answer)',
          '• `/eventlog &lt;id&gt; watch` — post it in the channel and keep it current until the event ends, with a thread reply for each change (also the *Watch* button, and `@bot watch &lt;id&gt;`)',
          '• `/eventlog help` — this help',
          '• Message shortcut *Show event log* on an alert post — answers in its thread',
          '• `@bot &lt;id&gt;` in a thread — answers in that thread',
        ].join('\n'),
      },
    });
    expect(checkMessageLimits(message)).toEqual([]);
  });

  it('lists every way to ask, in Chinese', () => {
    const message = renderUsage('zh-CN');
    expect(message.text).toBe('💡 /eventlog 用法');
    const text = JSON.stringify(message.blocks);
    for (const form of ['/eventlog &lt;id&gt;`', '/eventlog &lt;id&gt; public', '/eventlog &lt;id&gt; --all', '/eventlog &lt;id&gt; watch', '/eventlog help', '*查看流水*', '@eventlog &lt;id&gt;']) expect(text).toContain(form);
    expect(checkMessageLimits(message)).toEqual([]);
  });
});
