/**
 * A Slack message's Block Kit as readable terminal text (pure). Lines are not
 * wrapped: the terminal does that, and copying stays faithful.
 */
import type { types } from '@slack/bolt';
import { displayWidth } from './display-width';
import { mrkdwnToTerminal, plainToTerminal } from './mrkdwn-text';
import { terminalStyle, type LineAttr, type TerminalStyle } from './terminal-style';

/** The rule printed for a divider block. */
export const DIVIDER_RULE = '─'.repeat(40);
/** What starts each line of a context block, so it reads as an aside even without colour. */
export const CONTEXT_PREFIX = '› ';

/** A text object as it may arrive (typed loosely: the console must not crash on odd input). */
type TextLike = { type?: string; text?: unknown } | undefined;

/**
 * Render blocks for a terminal. Header: bold and underlined (TTY) or
 * underlined with ═. Sections and fields: mrkdwn made plain. Context: dimmed
 * and prefixed. Divider: a rule. Actions: `[Label]`, or `[Label → url]` for
 * link buttons. Sections and actions are set off by a blank line.
 */
export function blocksToTerminalText(blocks: readonly types.KnownBlock[], opts: { isTTY: boolean }): string {
  const style = terminalStyle(opts.isTTY);
  const lines: string[] = [];
  let previous: string | null = null;
  for (const block of blocks) {
    const type = block?.type ?? 'unknown';
    const standsApart = type === 'header' || type === 'section' || type === 'actions' || type === 'image';
    if (previous !== null && previous !== 'divider' && standsApart) lines.push('');
    lines.push(...blockLines(block, style));
    previous = type;
  }
  return lines.join('\n');
}

function blockLines(block: types.KnownBlock, style: TerminalStyle): string[] {
  switch (block?.type) {
    case 'header':
      return headerLines(plainToTerminal(textOf(block.text)), style);
    case 'section': {
      const lines = block.text ? textLines(block.text, style) : [];
      for (const field of block.fields ?? []) lines.push(...textLines(field, style));
      if (block.accessory) lines.push(elementLabel(block.accessory));
      return lines;
    }
    case 'context':
      return contextLines(block.elements ?? [], style);
    case 'divider':
      return [DIVIDER_RULE];
    case 'actions':
      return [(block.elements ?? []).map(elementLabel).join(' ')];
    case 'image':
      return [`[image: ${plainToTerminal(block.alt_text ?? '')}]`];
    case 'markdown':
      return plainToTerminal(block.text ?? '').split('\n');
    default:
      return [`[${plainToTerminal(String(block?.type ?? 'unknown'))} block]`];
  }
}

function headerLines(text: string, style: TerminalStyle): string[] {
  if (style.isTTY) return [style.line('headline', text)];
  return [text, '═'.repeat(Math.max(1, displayWidth(text)))];
}

function contextLines(elements: readonly types.ContextBlockElement[], style: TerminalStyle): string[] {
  const parts = elements.map((element) => {
    if (element.type === 'image') return `[${plainToTerminal('alt_text' in element ? element.alt_text : '')}]`;
    return renderText(element, style, 'dim');
  });
  return parts
    .join('  ')
    .split('\n')
    .map((line) => style.line('dim', `${CONTEXT_PREFIX}${line}`));
}

function textLines(text: TextLike, style: TerminalStyle): string[] {
  return renderText(text, style).split('\n');
}

function renderText(text: TextLike, style: TerminalStyle, base?: LineAttr): string {
  const raw = textOf(text);
  return text?.type === 'mrkdwn' ? mrkdwnToTerminal(raw, style, base) : plainToTerminal(raw);
}

function textOf(text: TextLike): string {
  return typeof text?.text === 'string' ? text.text : '';
}

/** `[Label]` for an interactive element; link buttons show where they go. */
function elementLabel(element: {
  type: string;
  text?: TextLike;
  url?: unknown;
  placeholder?: TextLike;
  alt_text?: unknown;
  initial_option?: { text?: TextLike };
}): string {
  if (element.type === 'image') return `[image: ${plainToTerminal(String(element.alt_text ?? ''))}]`;
  // A select shows its current choice, as Slack draws it.
  const chosen = textOf(element.initial_option?.text);
  if (chosen) return `[${plainToTerminal(chosen)} ▾]`;
  const label = plainToTerminal(textOf(element.text) || textOf(element.placeholder) || element.type);
  const url = typeof element.url === 'string' ? plainToTerminal(element.url) : null;
  return url ? `[${label} → ${url}]` : `[${label}]`;
}
