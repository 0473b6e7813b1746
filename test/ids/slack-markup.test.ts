import { escapeSlackEntities, scanSlackText, unescapeSlackEntities } from '../../src/ids/slack-markup';

describe('scanSlackText', () => {
  it('keeps link labels as prose and records the link where it stood', () => {
    expect(scanSlackText('see <https://x.example.com/a?b=1&amp;c=2|the alert> now')).toEqual({
      prose: 'see the alert now',
      links: [{ url: 'https://x.example.com/a?b=1&c=2', at: 4 }],
      hasMention: false,
    });
  });

  it('records an unlabelled link and a raw URL without adding their digits to the prose', () => {
    expect(scanSlackText('a <https://x.example.com/1> b https://y.example.com/2 c')).toEqual({
      prose: 'a  b   c',
      links: [
        { url: 'https://x.example.com/1', at: 2 },
        { url: 'https://y.example.com/2', at: 5 },
      ],
      hasMention: false,
    });
  });

  it('flags user, channel and broadcast mentions', () => {
    expect(scanSlackText('<@U123>').hasMention).toBe(true);
    expect(scanSlackText('<#C123|ops>').hasMention).toBe(true);
    expect(scanSlackText('<!here>').hasMention).toBe(true);
    expect(scanSlackText('<!subteam^S1|@sre>')).toEqual({ prose: '@sre', links: [], hasMention: true });
  });

  it('reads a date token as its fallback text, not as a mention', () => {
    expect(scanSlackText('at <!date^1642390286^{time}|11:31>')).toEqual({ prose: 'at 11:31', links: [], hasMention: false });
  });

  it('unescapes entities in prose', () => {
    expect(scanSlackText('a &lt;b&gt; &amp; c').prose).toBe('a <b> & c');
  });
});

describe('entity escaping', () => {
  it('round-trips text through escape and unescape', () => {
    const text = 'x < y && y > z';
    expect(escapeSlackEntities(text)).toBe('x &lt; y &amp;&amp; y &gt; z');
    expect(unescapeSlackEntities(escapeSlackEntities(text))).toBe(text);
  });
});
