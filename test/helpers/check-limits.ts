import { SHARED_BY_BLOCK_ID, WATCH_BLOCK_ID } from '../../src/render/footer';
import { MODAL_LIMITS, SLACK_LIMITS } from '../../src/render/limits';
import type { SlackMessage } from '../../src/render/types';

/**
 * Every way a message would be refused by Slack (docs/slack-limits.md) or
 * would let untrusted text through unescaped. Returns one readable line per
 * violation; [] means the message is safe to send. Used by tests on every
 * rendered message. Walks the blocks as plain data, so it works for any
 * block type, known or not.
 *
 * "Unescaped" means: in mrkdwn text (and the top-level text), every `<…>` must
 * be one of ours: a `<!date^…|…>` token, an http(s) link, or the one user
 * mentions in the shared-by and watch-banner context blocks. Anything else (`<!channel>`,
 * `<!here>`, `<@U…>`, `<#C…>`, a stray `<` or `>`, a bare `&`) is reported.
 */
export function checkMessageLimits(message: SlackMessage): string[] {
  const problems: string[] = [];
  const L = SLACK_LIMITS;
  if (typeof message.text !== 'string' || message.text.trim() === '') {
    problems.push('top-level text: missing (push notifications and screen readers use only it)');
  } else {
    if (message.text.length > L.topLevelText) problems.push(`top-level text: ${message.text.length} chars > ${L.topLevelText}`);
    problems.push(...markupProblems('top-level text', message.text, false));
  }
  problems.push(...blockListProblems(message.blocks, L.blocksPerMessage));
  return problems;
}

/**
 * Every way a modal view would be refused by views.open / views.update: the
 * view's own limits (type, title/close/submit ≤ 24, private_metadata ≤ 3,000,
 * callback_id, 100 blocks), then every block as checkMessageLimits checks them.
 */
export function checkModalLimits(view: unknown): string[] {
  if (!isObject(view)) return ['view: not an object'];
  const M = MODAL_LIMITS;
  const problems: string[] = [];
  if (view.type !== 'modal') problems.push(`view: type ${JSON.stringify(view.type)} is not "modal"`);
  for (const key of ['title', 'close', 'submit'] as const) {
    if (key !== 'title' && view[key] === undefined) continue;
    const text = textOf(view[key]);
    if (!isObject(view[key]) || view[key].type !== 'plain_text') problems.push(`view ${key}: must be plain_text`);
    if (text === null || text.trim() === '') problems.push(`view ${key}: empty`);
    else if (text.length > M.title) problems.push(`view ${key}: ${text.length} chars > ${M.title}`);
  }
  if (view.private_metadata !== undefined) {
    if (typeof view.private_metadata !== 'string') problems.push('view private_metadata: not a string');
    else if (view.private_metadata.length > M.privateMetadata) problems.push(`view private_metadata: ${view.private_metadata.length} chars > ${M.privateMetadata}`);
  }
  if (typeof view.callback_id === 'string' && view.callback_id.length > M.callbackId) problems.push(`view callback_id: longer than ${M.callbackId}`);
  if (!Array.isArray(view.blocks) || view.blocks.length === 0) problems.push('view: no blocks');
  problems.push(...blockListProblems(view.blocks, M.blocks));
  return problems;
}

/**
 * Every way one chat.unfurl entry ({blocks} for one URL) would be refused:
 * the blocks as checkMessageLimits checks them (there is no top-level text).
 */
export function checkUnfurlLimits(unfurl: unknown): string[] {
  if (!isObject(unfurl)) return ['unfurl: not an object'];
  if (!Array.isArray(unfurl.blocks) || unfurl.blocks.length === 0) return ['unfurl: no blocks'];
  return blockListProblems(unfurl.blocks, SLACK_LIMITS.blocksPerMessage);
}

/** The blocks of a message or view: how many, each block's limits and markup, and all their text together. */
function blockListProblems(value: unknown, maxBlocks: number): string[] {
  const L = SLACK_LIMITS;
  const problems: string[] = [];
  const blocks: unknown[] = Array.isArray(value) ? value : [];
  if (blocks.length > maxBlocks) problems.push(`blocks: ${blocks.length} > ${maxBlocks}`);

  let totalText = 0;
  blocks.forEach((block, i) => {
    const where = `block ${i}`;
    if (!isObject(block)) {
      problems.push(`${where}: not an object`);
      return;
    }
    problems.push(...blockProblems(block, where));
    const mentionAllowed = block.block_id === SHARED_BY_BLOCK_ID || block.block_id === WATCH_BLOCK_ID;
    for (const text of textObjects(block)) {
      totalText += text.text.length;
      if (text.type === 'mrkdwn') problems.push(...markupProblems(where, text.text, mentionAllowed));
    }
  });
  if (totalText > L.totalBlockText) problems.push(`all block text: ${totalText} chars > ${L.totalBlockText} (msg_blocks_too_long)`);
  problems.push(...uniquenessProblems(blocks), ...textObjectProblems(blocks));
  return problems;
}

/**
 * block_id must be unique within a message or view (Slack: invalid_blocks), and
 * an action_id is kept unique across the whole payload too: a click handler
 * told apart by action_id alone must not be able to mistake one button for another.
 */
function uniquenessProblems(blocks: unknown[]): string[] {
  const problems: string[] = [];
  const blockIds = new Set<string>();
  const actionIds = new Map<string, number>();
  blocks.forEach((block, i) => {
    if (!isObject(block)) return;
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) problems.push(`block ${i}: duplicate block_id ${block.block_id}`);
      blockIds.add(block.block_id);
    }
    const elements = [...(Array.isArray(block.elements) ? block.elements : []), ...(isObject(block.accessory) ? [block.accessory] : [])];
    for (const element of elements) {
      if (!isObject(element) || typeof element.action_id !== 'string') continue;
      // Twice in one block is reported with that block.
      const first = actionIds.get(element.action_id);
      if (first !== undefined && first !== i) problems.push(`block ${i}: action_id ${element.action_id} used again in the same payload`);
      if (first === undefined) actionIds.set(element.action_id, i);
    }
  });
  return [...new Set(problems)];
}

/**
 * Text objects Slack refuses: empty text (min 1 character), `emoji` on mrkdwn
 * (only plain_text takes it), `verbatim` on plain_text (only mrkdwn takes it).
 */
function textObjectProblems(blocks: unknown[]): string[] {
  const problems: string[] = [];
  blocks.forEach((block, i) => {
    for (const text of rawTextObjects(block)) {
      if (typeof text.text !== 'string' || text.text === '') problems.push(`block ${i}: empty ${String(text.type)} text`);
      if (text.type === 'mrkdwn' && 'emoji' in text) problems.push(`block ${i}: emoji flag on mrkdwn text`);
      if (text.type === 'plain_text' && 'verbatim' in text) problems.push(`block ${i}: verbatim flag on plain_text text`);
    }
  });
  return problems;
}

function rawTextObjects(value: unknown, found: Json[] = [], depth = 0): Json[] {
  if (depth > 20) return found;
  if (Array.isArray(value)) for (const item of value) rawTextObjects(item, found, depth + 1);
  else if (isObject(value)) {
    if (value.type === 'mrkdwn' || value.type === 'plain_text') found.push(value);
    else for (const child of Object.values(value)) rawTextObjects(child, found, depth + 1);
  }
  return found;
}

type Json = Record<string, unknown>;

function blockProblems(block: Json, where: string): string[] {
  const L = SLACK_LIMITS;
  const problems: string[] = [];
  const type = block.type;
  if (typeof block.block_id === 'string' && block.block_id.length > L.blockId) problems.push(`${where}: block_id longer than ${L.blockId}`);
  if (type === 'header') {
    const text = textOf(block.text);
    if (text === null || text === '') problems.push(`${where} header: empty text`);
    else if (text.length > L.headerText) problems.push(`${where} header: ${text.length} chars > ${L.headerText}`);
    if (isObject(block.text) && block.text.type !== 'plain_text') problems.push(`${where} header: text must be plain_text`);
  } else if (type === 'section') {
    const text = textOf(block.text);
    const fields = Array.isArray(block.fields) ? block.fields : [];
    if ((text === null || text === '') && fields.length === 0) problems.push(`${where} section: needs text or fields`);
    if (text !== null && text.length > L.sectionText) problems.push(`${where} section: ${text.length} chars > ${L.sectionText}`);
    if (fields.length > L.sectionFields) problems.push(`${where} section: ${fields.length} fields > ${L.sectionFields}`);
    fields.forEach((field, j) => {
      const fieldText = textOf(field) ?? '';
      if (fieldText.length > L.sectionFieldText) problems.push(`${where} field ${j}: ${fieldText.length} chars > ${L.sectionFieldText}`);
    });
    if (isObject(block.accessory)) problems.push(...elementProblems(block.accessory, `${where} accessory`));
  } else if (type === 'context') {
    const elements = Array.isArray(block.elements) ? block.elements : [];
    if (elements.length === 0) problems.push(`${where} context: no elements`);
    if (elements.length > L.contextElements) problems.push(`${where} context: ${elements.length} elements > ${L.contextElements}`);
  } else if (type === 'actions') {
    const elements = Array.isArray(block.elements) ? block.elements : [];
    if (elements.length === 0) problems.push(`${where} actions: no elements`);
    if (elements.length > L.actionsElements) problems.push(`${where} actions: ${elements.length} elements > ${L.actionsElements}`);
    const ids = new Set<string>();
    elements.forEach((element, j) => {
      if (!isObject(element)) return;
      problems.push(...elementProblems(element, `${where} element ${j}`));
      if (typeof element.action_id === 'string') {
        if (ids.has(element.action_id)) problems.push(`${where}: duplicate action_id ${element.action_id}`);
        ids.add(element.action_id);
      }
    });
  }
  return problems;
}

function elementProblems(element: Json, where: string): string[] {
  const L = SLACK_LIMITS;
  const problems: string[] = [];
  if (typeof element.action_id === 'string' && element.action_id.length > L.actionId) problems.push(`${where}: action_id longer than ${L.actionId}`);
  if (element.type === 'static_select') return [...problems, ...selectProblems(element, where)];
  if (element.type !== 'button') return problems;
  const text = textOf(element.text) ?? '';
  if (text === '') problems.push(`${where} button: empty text`);
  if (text.length > L.buttonText) problems.push(`${where} button: text ${text.length} chars > ${L.buttonText}`);
  if (typeof element.value === 'string' && element.value.length > L.buttonValue) problems.push(`${where} button: value longer than ${L.buttonValue}`);
  if (typeof element.url === 'string' && element.url.length > L.buttonUrl) problems.push(`${where} button: url longer than ${L.buttonUrl}`);
  return problems;
}

function selectProblems(select: Json, where: string): string[] {
  const M = MODAL_LIMITS;
  const problems: string[] = [];
  const options = Array.isArray(select.options) ? select.options : [];
  if (options.length === 0) problems.push(`${where} select: no options`);
  if (options.length > M.selectOptions) problems.push(`${where} select: ${options.length} options > ${M.selectOptions}`);
  const values = new Set<string>();
  options.forEach((option, j) => {
    const text = isObject(option) ? textOf(option.text) : null;
    const value = isObject(option) && typeof option.value === 'string' ? option.value : null;
    if (text === null || text === '' || text.length > M.optionText) problems.push(`${where} option ${j}: text empty or over ${M.optionText} chars`);
    if (value === null || value.length > M.optionValue) problems.push(`${where} option ${j}: value missing or over ${M.optionValue} chars`);
    else values.add(value);
  });
  const placeholder = textOf(select.placeholder);
  if (placeholder !== null && (placeholder === '' || placeholder.length > M.placeholder)) problems.push(`${where} select: placeholder empty or over ${M.placeholder} chars`);
  const initial = isObject(select.initial_option) ? select.initial_option.value : undefined;
  if (initial !== undefined && (typeof initial !== 'string' || !values.has(initial))) problems.push(`${where} select: initial_option is not one of its options`);
  return problems;
}

// Our own markup: date tokens, http(s) links (optionally labelled), and (only in the shared-by and watch blocks) user mentions.
const DATE_TOKEN = /^!date\^\d+\^[^|<>]*(\|[^<>]*)?$/;
const LINK = /^https?:\/\/[^\s|<>]+(\|[^<>]*)?$/;
const USER_MENTION = /^@[UW][A-Z0-9]+$/;

/** Unescaped control characters and any `<…>` that is not ours. */
function markupProblems(where: string, text: string, mentionAllowed: boolean): string[] {
  const problems: string[] = [];
  const rest = text.replace(/<([^<>]*)>/g, (whole, inner: string) => {
    if (DATE_TOKEN.test(inner) || LINK.test(inner) || (mentionAllowed && USER_MENTION.test(inner))) return '';
    problems.push(`${where}: unescaped markup ${JSON.stringify(whole.slice(0, 60))}`);
    return '';
  });
  if (/[<>]/.test(rest)) problems.push(`${where}: unescaped "<" or ">"`);
  if (/&(?!amp;|lt;|gt;)/.test(rest)) problems.push(`${where}: unescaped "&"`);
  return problems;
}

/** Every text object (`{type: 'mrkdwn' | 'plain_text', text}`) anywhere inside a block. */
function textObjects(value: unknown, found: { type: string; text: string }[] = [], depth = 0): { type: string; text: string }[] {
  if (depth > 20) return found;
  if (Array.isArray(value)) {
    for (const item of value) textObjects(item, found, depth + 1);
  } else if (isObject(value)) {
    if ((value.type === 'mrkdwn' || value.type === 'plain_text') && typeof value.text === 'string') {
      found.push({ type: value.type, text: value.text });
    } else {
      for (const child of Object.values(value)) textObjects(child, found, depth + 1);
    }
  }
  return found;
}

function textOf(value: unknown): string | null {
  return isObject(value) && typeof value.text === 'string' ? value.text : null;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
