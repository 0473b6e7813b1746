import { collectMessageText } from '../../src/ids/message-text';

describe('collectMessageText', () => {
  it('gathers text, block text and attachment text on separate lines', () => {
    const text = collectMessageText({
      text: 'top',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'block' } }],
      attachments: [{ pretext: 'pre', text: 'body', footer: 'foot' }],
    });
    expect(text).toBe('top\nblock\npre\nbody\nfoot\n');
  });

  it('writes URLs as Slack link tokens', () => {
    expect(collectMessageText({ attachments: [{ title_link: 'https://x.example.com/a|b' }] })).toBe('<https://x.example.com/a%7Cb>\n');
  });

  it('leaves out identifiers and button values', () => {
    const text = collectMessageText({
      blocks: [
        {
          type: 'actions',
          block_id: 'b1',
          elements: [{ type: 'button', action_id: 'a1', value: 'v1', text: { type: 'plain_text', text: 'Ack' } }],
        },
      ],
    });
    expect(text).toBe('Ack\n');
  });

  it('reads legacy field values but not other values', () => {
    expect(collectMessageText({ attachments: [{ fields: [{ title: 'T', value: 'V' }], value: 'X' }] })).toBe('T\nV\n');
  });

  it('joins rich-text inline elements and escapes their raw text', () => {
    const text = collectMessageText({
      blocks: [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'text', text: 'a<b ' },
                { type: 'link', url: 'https://x.example.com', text: 'c&d' },
              ],
            },
          ],
        },
      ],
    });
    expect(text).toBe('a&lt;b <https://x.example.com>c&amp;d\n\n');
  });

  it('stops gathering at 60,000 characters', () => {
    const text = collectMessageText({ text: 'word '.repeat(20_000), attachments: [{ text: 'more' }] });
    expect(text).toHaveLength(60_000);
    expect(text.endsWith('word ')).toBe(true);
  });

  it('drops the word cut by the cap rather than keep part of it', () => {
    expect(collectMessageText({ text: `${'x '.repeat(29_999)}abcdef`, attachments: [{ text: 'more' }] })).toBe('x '.repeat(29_999));
  });
});
