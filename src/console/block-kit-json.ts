import type { SlackMessage } from '../slack/render/types';

const BUILDER_URL = 'https://app.slack.com/block-kit-builder#';

/** The exact payload the bot would send, `{text, blocks}`, as indented JSON. */
export function messageJson(message: SlackMessage): string {
  return JSON.stringify({ text: message.text, blocks: message.blocks }, null, 2);
}

/** A Block Kit Builder link that opens the message's blocks for a visual check. */
export function blockKitBuilderUrl(message: SlackMessage): string {
  return BUILDER_URL + encodeURIComponent(JSON.stringify({ blocks: message.blocks }));
}
