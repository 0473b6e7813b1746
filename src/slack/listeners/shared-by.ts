import { SHARED_BY_BLOCK_ID } from '../../render/footer';

const MENTION = /<@([UW][A-Z0-9]{2,30})>/;

/**
 * Who shared the log a button sits on, read back from its "Shared by <@U…>"
 * block; null when the message was not shared (or Slack did not send it, as
 * for ephemeral messages). Refreshing or paging a shared log keeps the
 * attribution, and no "Share" button reappears on a message already public.
 */
export function sharerOf(message: unknown): string | null {
  if (!isRecord(message) || !Array.isArray(message.blocks)) return null;
  const block: unknown = message.blocks.find((b: unknown) => isRecord(b) && b.block_id === SHARED_BY_BLOCK_ID);
  if (!isRecord(block) || !Array.isArray(block.elements)) return null;
  for (const element of block.elements as unknown[]) {
    const match = isRecord(element) && typeof element.text === 'string' ? MENTION.exec(element.text) : null;
    if (match) return match[1];
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
