import { clipInline, clipMiddle, clipPlain, escapeMrkdwn, visibleLength } from '../../src/render/mrkdwn';

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

describe('clipInline fast path', () => {
  // The rules, spelled out independently: drop invisible characters, collapse whitespace and
  // controls to single inner spaces, escape &<>, turn backticks into ˋ.
  const reference = (text: string): string =>
    text
      .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
      .replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .trim()
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/`/g, 'ˋ');

  it('gives the same result as the full walk for plain and awkward text alike', () => {
    const alphabet = ['a', 'Z', '9', ' ', '  ', '\t', '\n', '&', '<', '>', '`', '\u200b', '\u3000', '\u00a0', '通知', '😀', '\u0007', '.'];
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = next() % 12;
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      expect(clipInline(text, 1000)).toBe(reference(text));
    }
  });
});

describe('visibleLength', () => {
  it('counts a date token as its fallback, a link as its label, an entity as one character', () => {
    expect(visibleLength('❌ <!date^1714957350^{time}|09:02>  Anomaly')).toBe('❌ 09:02  Anomaly'.length);
    expect(visibleLength('see <https://x.example/a|the log> &amp; more')).toBe('see the log & more'.length);
  });

  it('counts code points: an emoji outside the BMP is one, a lone surrogate is one', () => {
    expect(visibleLength('😀 ok')).toBe(4);
    expect(visibleLength('a\ud83d b')).toBe(4);
    expect(visibleLength('\ude00\ud83d')).toBe(2);
    expect(visibleLength('')).toBe(0);
  });
});
