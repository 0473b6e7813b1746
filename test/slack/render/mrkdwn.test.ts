import { clipInline, clipMiddle, clipPlain, escapeMrkdwn } from '../../../src/slack/render/mrkdwn';

describe('escapeMrkdwn', () => {
  it('escapes &, < and > and nothing else', () => {
    expect(escapeMrkdwn('a & b <c> *d* _e_')).toBe('a &amp; b &lt;c&gt; *d* _e_');
  });

  it('renders pings, links and existing entities inert', () => {
    expect(escapeMrkdwn('<!channel> <!here> <@U123> <https://evil.example|click> &lt;')).toBe(
      '&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; &amp;lt;',
    );
  });
});

describe('clipInline', () => {
  it('escapes and keeps short text as it is', () => {
    expect(clipInline('通知人为空 <@U1>', 100)).toBe('通知人为空 &lt;@U1&gt;');
  });

  it('collapses newlines, tabs and whitespace runs into single spaces and trims the ends', () => {
    expect(clipInline('  line 1\n\n\tline 2 \r\n ', 100)).toBe('line 1 line 2');
  });

  it('drops zero-width and bidi control characters but keeps emoji joiners', () => {
    expect(clipInline('a\u202eb\u200bc\ufeff👨\u200d👩', 100)).toBe('abc👨\u200d👩');
  });

  it('turns backticks into a look-alike so a stray ``` cannot open a code block', () => {
    expect(clipInline('```rm -rf```', 100)).toBe('ˋˋˋrm -rfˋˋˋ');
  });

  it('cuts to the limit counted after escaping, ending with an ellipsis', () => {
    expect(clipInline('abcdefghij', 5)).toBe('abcd…');
    expect(clipInline('abcdefghij', 10)).toBe('abcdefghij');
  });

  it('never cuts inside an entity', () => {
    expect(clipInline('ab<<<<', 8)).toBe('ab&lt;…');
    expect(clipInline('&&&&', 7)).toBe('&amp;…');
  });

  it('never splits a surrogate pair', () => {
    expect(clipInline('😀😀😀', 4)).toBe('😀…');
  });

  it('reads only as much of a huge string as it needs', () => {
    const huge = 'x'.repeat(5_000_000);
    expect(clipInline(huge, 10)).toBe('xxxxxxxxx…');
  });

  it('gives an empty string for a zero budget', () => {
    expect(clipInline('abc', 0)).toBe('');
  });
});

describe('clipPlain', () => {
  it('cuts trusted text to the limit with an ellipsis, whole code points only', () => {
    expect(clipPlain('Event 5310 · Closed', 50)).toBe('Event 5310 · Closed');
    expect(clipPlain('🔴🔴🔴', 4)).toBe('🔴…');
  });
});

describe('clipMiddle', () => {
  it('keeps a short identifier whole', () => {
    expect(clipMiddle('164239028644167', 40)).toBe('164239028644167');
  });

  it('shortens a long identifier in the middle, keeping its distinctive tail', () => {
    expect(clipMiddle('d751713988987e9331980363e24189ce.1574439660.88.118.1', 40)).toBe('d751713988987e933198…1574439660.88.118.1');
  });

  it('escapes what it keeps and stays within the limit for hostile input', () => {
    const out = clipMiddle('<!channel>'.repeat(1000), 40);
    expect(out.length).toBeLessThanOrEqual(40);
    expect(out).not.toMatch(/[<>]/);
    expect(out).toBe('&lt;!channel&gt;&lt;…&lt;!channel&gt;');
  });
});
