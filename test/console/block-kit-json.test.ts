import { blockKitBuilderUrl, messageJson } from '../../src/console/block-kit-json';
import type { SlackMessage } from '../../src/render/types';

const MESSAGE: SlackMessage = {
  text: 'Event 1 & more',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'a & b' } }],
};

describe('messageJson', () => {
  it('prints exactly {text, blocks} and nothing else', () => {
    const withExtra = { ...MESSAGE, response_type: 'ephemeral' } as SlackMessage;
    expect(messageJson(withExtra)).toBe(
      '{\n  "text": "Event 1 & more",\n  "blocks": [\n    {\n      "type": "section",\n      "text": {\n        "type": "mrkdwn",\n        "text": "a & b"\n      }\n    }\n  ]\n}',
    );
  });
});

describe('blockKitBuilderUrl', () => {
  it('links the Block Kit Builder with the URL-encoded blocks', () => {
    expect(blockKitBuilderUrl(MESSAGE)).toBe(
      'https://app.slack.com/block-kit-builder#%7B%22blocks%22%3A%5B%7B%22type%22%3A%22section%22%2C%22text%22%3A%7B%22type%22%3A%22mrkdwn%22%2C%22text%22%3A%22a%20%26%20b%22%7D%7D%5D%7D',
    );
    expect(JSON.parse(decodeURIComponent(blockKitBuilderUrl(MESSAGE).split('#')[1] ?? ''))).toEqual({ blocks: MESSAGE.blocks });
  });
});
