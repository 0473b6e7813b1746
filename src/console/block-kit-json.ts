import type { types } from '@slack/bolt';
import type { SlackMessage } from '../render/types';

const BUILDER_URL = 'https://app.slack.com/block-kit-builder#';

/** The exact payload the bot would send, `{text, blocks}`, as indented JSON. */
export function messageJson(message: SlackMessage): string {
  return JSON.stringify({ text: message.text, blocks: message.blocks }, null, 2);
}

/** The exact view the bot would send with views.open / views.update, as indented JSON (Block Kit Builder takes it as a modal). */
export function viewJson(view: types.ModalView): string {
  return JSON.stringify(view, null, 2);
}

/** A Block Kit Builder link that opens a message's blocks, or a whole modal view, for a visual check. */
export function blockKitBuilderUrl(shown: SlackMessage | types.ModalView): string {
  const payload = 'type' in shown && shown.type === 'modal' ? shown : { blocks: shown.blocks };
  return BUILDER_URL + encodeURIComponent(JSON.stringify(payload));
}
