/**
 * Gather the human-visible text of a Slack message (its `text`, every block and
 * legacy attachment) into one string of Slack markup, so the ID patterns can run
 * once over all of it. Walks `unknown` generically, with caps so a hostile or
 * huge message costs bounded time.
 */
import { escapeSlackEntities } from './slack-markup';

/** The parts of a Slack message we read; anything else in the payload is ignored. */
export interface SlackMessageLike {
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
}

/** Caps on the walk. Real messages stay far below them (Slack's own text limits are ~40k chars). */
export const MESSAGE_WALK_LIMITS = {
  /** Block Kit nests about 8 deep (attachment → blocks → rich_text → list → section → element). */
  maxDepth: 16,
  /** Object properties and array items visited. */
  maxNodes: 10_000,
  /** Characters of text gathered. */
  maxChars: 60_000,
} as const;

// Keys whose string value is text a person reads. `value` counts only inside legacy attachment `fields`;
// button values, `action_id`, `block_id`, `callback_id` and the like are machine data and never read.
const TEXT_KEYS: ReadonlySet<string> = new Set(['text', 'fallback', 'pretext', 'title', 'footer', 'author_name']);
const URL_KEYS: ReadonlySet<string> = new Set(['url', 'title_link', 'author_link', 'from_url', 'original_url']);
// Rich-text inline elements are joined without a break, so "告警ID: " + bold "123" reads as one line.
const INLINE_TYPES: ReadonlySet<string> = new Set(['text', 'link', 'emoji', 'user', 'channel', 'usergroup', 'broadcast', 'date']);
// These carry raw text rather than Slack markup, so `<` and `&` in them must be escaped before joining.
const RAW_TEXT_TYPES: ReadonlySet<string> = new Set(['text', 'link', 'plain_text']);

class TextBudget {
  private readonly parts: string[] = [];
  private chars = 0;
  private nodes = 0;
  private cut = false;

  get exhausted(): boolean {
    return this.cut || this.nodes >= MESSAGE_WALK_LIMITS.maxNodes;
  }

  /** Count one visited node; false once the node cap is reached. */
  visit(): boolean {
    this.nodes += 1;
    return !this.exhausted;
  }

  add(text: string): void {
    if (this.cut) return;
    const room = MESSAGE_WALK_LIMITS.maxChars - this.chars;
    this.cut = text.length > room;
    const kept = this.cut ? withoutLastWord(text.slice(0, room)) : text;
    this.parts.push(kept);
    this.chars += kept.length;
  }

  toString(): string {
    return this.parts.join('');
  }
}

/**
 * Drop the word cut by the cap: "告警ID: 164239028644167" cut to "告警ID: 16423"
 * must not read as ID 16423. A plain loop, as `/\S+$/` is quadratic on long text.
 */
function withoutLastWord(text: string): string {
  let end = text.length;
  while (end > 0 && !/\s/.test(text[end - 1])) end -= 1;
  return text.slice(0, end);
}

/** All readable text of a message as Slack markup, fields separated by line breaks. */
export function collectMessageText(message: SlackMessageLike): string {
  const budget = new TextBudget();
  if (typeof message.text === 'string') {
    budget.add(message.text);
    budget.add('\n');
  }
  walk(message.blocks, null, 0, budget);
  walk(message.attachments, null, 0, budget);
  return budget.toString();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Visit one node; `parentKey` is the property that holds it (array items inherit their array's key). */
function walk(node: unknown, parentKey: string | null, depth: number, budget: TextBudget): void {
  if (depth > MESSAGE_WALK_LIMITS.maxDepth || !budget.visit()) return;
  if (Array.isArray(node)) {
    for (const item of node) {
      if (budget.exhausted) return;
      walk(item, parentKey, depth + 1, budget);
    }
    return;
  }
  if (!isRecord(node)) return;
  const type = typeof node.type === 'string' ? node.type : '';
  const inline = INLINE_TYPES.has(type);
  const raw = RAW_TEXT_TYPES.has(type);
  const separator = inline ? '' : '\n';
  for (const [key, value] of Object.entries(node)) {
    if (!budget.visit()) return;
    if (typeof value === 'string') {
      if (URL_KEYS.has(key)) {
        // As a `<url>` token it is read as a link and adds nothing to the visible prose.
        budget.add(`<${value.replace(/[<>|\n]/g, encodeURIComponent)}>${separator}`);
      } else if (TEXT_KEYS.has(key) || (key === 'value' && parentKey === 'fields')) {
        budget.add((raw ? escapeSlackEntities(value) : value) + separator);
      }
    } else if (typeof value === 'object' && value !== null) {
      walk(value, key, depth + 1, budget);
    }
  }
  // A rich-text section, quote or list item ends a line.
  if (type.startsWith('rich_text')) budget.add('\n');
}
