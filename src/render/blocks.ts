import type { types } from '@slack/bolt';
import { SLACK_LIMITS } from './limits';
import { clipPlain } from './mrkdwn';

/** Small Block Kit builders, so every block is made the same way. Text given here is already safe mrkdwn. */

/** A header; plain text, cut to Slack's 150 characters. */
export function headerBlock(text: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: clipPlain(text, SLACK_LIMITS.headerText), emoji: true } };
}

/** A mrkdwn section. */
export function sectionBlock(mrkdwn: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } };
}

/** A context block with one mrkdwn element per text; `blockId` only for blocks others must recognise. */
export function contextBlock(mrkdwnTexts: readonly string[], blockId?: string): types.ContextBlock {
  const elements = mrkdwnTexts.map((text): types.MrkdwnElement => ({ type: 'mrkdwn', text }));
  return blockId === undefined ? { type: 'context', elements } : { type: 'context', block_id: blockId, elements };
}

/** A divider between the summary and the timeline. */
export function dividerBlock(): types.DividerBlock {
  return { type: 'divider' };
}

/**
 * Pack lines into as few sections as possible, each within Slack's 3,000
 * characters. A line is never split (it may hold a date token); callers keep
 * lines far shorter than a section.
 */
export function packLines(lines: readonly string[], max: number = SLACK_LIMITS.sectionText): types.SectionBlock[] {
  const sections: types.SectionBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current !== '' && current.length + 1 + line.length > max) {
      sections.push(sectionBlock(current));
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') sections.push(sectionBlock(current));
  return sections;
}
