/**
 * "Made for phones" as checkable rules on a rendered message: the verdict
 * comes first (header, then a short section), no two-column fields with long
 * values, short timeline lines, and a top-level text that reads well as a
 * push notification. Each rule returns readable problems; [] means it holds.
 */

/** The longest timeline line a phone shows without wrapping into a wall of text. */
export const MAX_TIMELINE_LINE = 160;
/**
 * The verdict section: at most this many lines (state and people; what it is; paging; a failed action;
 * who was reached; next steps; counts) of at most this many visible characters.
 */
export const MAX_VERDICT_LINES = 8;
/** A whole answer, every line of every block: a phone screen or three, not a wall. */
export const MAX_MESSAGE_LINES = 45;
export const MAX_VERDICT_LINE = 160;
/** A section field this long wraps badly in the two columns phones give fields. */
export const MAX_FIELD = 30;
/** Push notifications cut around here; the text must make its point before that. */
export const MAX_PUSH_TEXT = 200;

type Json = Record<string, unknown>;

export interface MessageLike {
  text?: unknown;
  blocks?: unknown;
}

/**
 * What a reader sees of a line of mrkdwn: a date token counts as its fallback
 * (never shorter than what Slack renders), a link as its label, entities as
 * one character each. Counted in code points.
 */
export function visibleText(mrkdwn: string): string {
  return mrkdwn
    .replace(/<!date\^[^|<>]*\|([^<>]*)>/g, '$1')
    .replace(/<(?:https?:\/\/[^|<>]*)\|([^<>]*)>/g, '$1')
    .replace(/<([^<>|]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function visibleLength(mrkdwn: string): number {
  return [...visibleText(mrkdwn)].length;
}

function blocksOf(message: MessageLike): Json[] {
  return Array.isArray(message.blocks) ? message.blocks.filter((b): b is Json => typeof b === 'object' && b !== null) : [];
}

function textOf(value: unknown): string {
  return typeof value === 'object' && value !== null && 'text' in value && typeof value.text === 'string' ? value.text : '';
}

/** The timeline: the text of every section after the first divider, split into lines. */
export function timelineLinesOf(message: MessageLike): string[] {
  const blocks = blocksOf(message);
  const divider = blocks.findIndex((b) => b.type === 'divider');
  if (divider < 0) return [];
  return blocks
    .slice(divider + 1)
    .filter((b) => b.type === 'section')
    .flatMap((b) => textOf(b.text).split('\n'));
}

/** Verdict first: a header, then a section of a few short lines; no long fields anywhere. */
export function layoutProblems(message: MessageLike): string[] {
  const problems: string[] = [];
  const blocks = blocksOf(message);
  if (blocks[0]?.type !== 'header') problems.push(`block 0 is ${String(blocks[0]?.type)}, not the header`);
  const verdict = blocks[1];
  if (verdict?.type !== 'section' || textOf(verdict.text) === '') {
    problems.push(`block 1 is ${String(verdict?.type)}, not the verdict section`);
  } else {
    const lines = textOf(verdict.text).split('\n');
    if (lines.length > MAX_VERDICT_LINES) problems.push(`verdict has ${lines.length} lines > ${MAX_VERDICT_LINES}`);
    for (const line of lines) {
      if (visibleLength(line) > MAX_VERDICT_LINE) problems.push(`verdict line of ${visibleLength(line)} chars > ${MAX_VERDICT_LINE}`);
    }
  }
  blocks.forEach((block, i) => {
    const fields: unknown[] = Array.isArray(block.fields) ? block.fields : [];
    fields.forEach((field, j) => {
      const length = visibleLength(textOf(field));
      if (length > MAX_FIELD) problems.push(`block ${i} field ${j}: ${length} chars > ${MAX_FIELD} in two columns`);
    });
  });
  const allLines = blocks.flatMap((b) => [b.text, ...(Array.isArray(b.elements) ? b.elements : [])].flatMap((t) => (textOf(t) === '' ? [] : textOf(t).split('\n'))));
  if (allLines.length > MAX_MESSAGE_LINES) problems.push(`message has ${allLines.length} lines > ${MAX_MESSAGE_LINES}`);
  for (const line of timelineLinesOf(message)) {
    const length = visibleLength(line);
    if (length > MAX_TIMELINE_LINE) problems.push(`timeline line of ${length} chars > ${MAX_TIMELINE_LINE}: ${visibleText(line).slice(0, 60)}…`);
  }
  return problems;
}

/** What the push notification needs: short, opens with the event and its state, names failed notices. */
export interface PushExpectation {
  /** e.g. "Event 5310 closed" / "事件 5310 已关闭". */
  opensWith: string;
  /** Words that must appear when notices failed (e.g. "notifications failed"); null when none failed. */
  failedNotices: string | null;
}

export function pushTextProblems(message: MessageLike, expected: PushExpectation): string[] {
  const problems: string[] = [];
  const text = typeof message.text === 'string' ? message.text : '';
  const length = [...text].length;
  if (length === 0 || length > MAX_PUSH_TEXT) problems.push(`top-level text is ${length} chars, expected 1–${MAX_PUSH_TEXT}`);
  if (!text.startsWith(expected.opensWith)) problems.push(`top-level text ${JSON.stringify(text)} does not open with ${JSON.stringify(expected.opensWith)}`);
  if (expected.failedNotices !== null && !text.includes(expected.failedNotices)) {
    problems.push(`top-level text ${JSON.stringify(text)} does not mention ${JSON.stringify(expected.failedNotices)}`);
  }
  if (expected.failedNotices === null && /fail|失败/i.test(text)) problems.push(`top-level text ${JSON.stringify(text)} mentions failures where none happened`);
  return problems;
}
