import { mrkdwnToTerminal, stripTerminalControls } from '../../src/console/mrkdwn-text';
import { terminalStyle } from '../../src/console/terminal-style';

const plain = terminalStyle(false);
const tty = terminalStyle(true);
const BOLD = (s: string) => `\u001b[1m${s}\u001b[22m`;
const ITALIC = (s: string) => `\u001b[3m${s}\u001b[23m`;

describe('mrkdwnToTerminal', () => {
  it('shows a date token as its fallback text', () => {
    expect(mrkdwnToTerminal('✅ <!date^1710211080^{time}|10:38>  Created', plain)).toBe('✅ 10:38  Created');
  });

  it('shows a date token without a fallback as the instant in UTC', () => {
    expect(mrkdwnToTerminal('at <!date^1710211080^{time}>', plain)).toBe('at 2024-03-12T02:38:00Z');
  });

  it('shows a labelled link as label and address, and a bare link as its address', () => {
    expect(mrkdwnToTerminal('<https://bk.example.com/o/bk_monitorv3/?a=1&amp;b=2|Open in BlueKing> or <https://x.example>', plain)).toBe(
      'Open in BlueKing (https://bk.example.com/o/bk_monitorv3/?a=1&b=2) or https://x.example',
    );
  });

  it('shows mentions by name', () => {
    expect(mrkdwnToTerminal('shared by <@U024BE7LH> in <#C024BE7LR|ops>, <!here>, <@U1|lisi>, <!subteam^S1|@sre>', plain)).toBe(
      'shared by @U024BE7LH in #ops, @here, @lisi, @sre',
    );
  });

  it('unescapes &amp; &lt; &gt; once, after reading the markup', () => {
    expect(mrkdwnToTerminal('a &lt;!channel&gt; &amp;lt; b', plain)).toBe('a <!channel> &lt; b');
  });

  it('drops emphasis markers off a terminal', () => {
    expect(mrkdwnToTerminal('*Closed* after _53 min_ · ~old~ `code`', plain)).toBe('Closed after 53 min · old code');
  });

  it('turns bold and italics into ANSI on a terminal', () => {
    expect(mrkdwnToTerminal('*2 notifications failed*: _通知人为空_', tty)).toBe(`${BOLD('2 notifications failed')}: ${ITALIC('通知人为空')}`);
  });

  it('restores the dim of a context line after a bold span', () => {
    expect(mrkdwnToTerminal('x *y* z', tty, 'dim')).toBe('x \u001b[1my\u001b[22m\u001b[2m z');
  });

  it('leaves underscores and stars inside words alone', () => {
    expect(mrkdwnToTerminal('bk_biz_maintainer 2*3*4 a_b_', plain)).toBe('bk_biz_maintainer 2*3*4 a_b_');
  });

  it('keeps underscores inside words within italics', () => {
    expect(mrkdwnToTerminal('said: _APP [bk_eventlog_bot] may not call get_event_log_', tty)).toBe(
      `said: ${ITALIC('APP [bk_eventlog_bot] may not call get_event_log')}`,
    );
  });

  it('reads links inside bold text', () => {
    expect(mrkdwnToTerminal('*<https://a.example|Event 5310>*', plain)).toBe('Event 5310 (https://a.example)');
  });

  it('keeps a stray star or underscore as it is', () => {
    expect(mrkdwnToTerminal('5 * 3 and _ alone and *open', plain)).toBe('5 * 3 and _ alone and *open');
  });

  it('removes terminal control sequences that came from upstream text', () => {
    expect(mrkdwnToTerminal('ok\u001b[2J\u001b]0;pwned\u0007 \u202eevil', plain)).toBe('ok[2J]0;pwned evil');
  });

  it('reads a long line of unclosed markers back unchanged', () => {
    // Every opener lacks its closer; a backtracking reader would crawl here (jest's timeout would catch it).
    const hostile = '*a _b ~c <e _x_y '.repeat(20_000);
    const out = mrkdwnToTerminal(hostile, plain);
    expect(out.length).toBe(hostile.length);
    expect(out === hostile).toBe(true);
  });
});

describe('stripTerminalControls', () => {
  it('keeps newlines and tabs', () => {
    expect(stripTerminalControls('a\tb\nc\rd\u0000')).toBe('a\tb\ncd');
  });
});
