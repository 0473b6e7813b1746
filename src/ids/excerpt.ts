/**
 * Short, readable quotes of user input for error messages, and the invisible
 * characters that make a pasted ID silently wrong.
 */

/** Longest excerpt, in characters (code points), including the ellipsis. */
export const EXCERPT_MAX_CHARS = 40;

// Zero-width and bidi controls (U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF), plus other
// characters that render as nothing: C0/C1 controls (tab and line breaks excepted), soft hyphen,
// Arabic letter mark, Mongolian vowel separator.
const INVISIBLE_CLASS = String.raw`[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]`;
const INVISIBLE = new RegExp(INVISIBLE_CLASS);
const INVISIBLE_ALL = new RegExp(INVISIBLE_CLASS, 'g');

// Enough context before the first invisible character for the user to find it.
const CONTEXT_BEFORE = 10;
// Never look at more than this much input when quoting it, however long it is.
const QUOTE_WINDOW = EXCERPT_MAX_CHARS * 10;

/** Offset of the first invisible character, or -1. */
export function indexOfInvisible(text: string): number {
  return text.search(INVISIBLE);
}

/**
 * Quote input for a message: starting near `from`, invisible characters shown as `[U+200B]`,
 * whitespace runs collapsed, at most EXCERPT_MAX_CHARS characters ending in "…" when cut.
 * The result is raw text; the renderer escapes it.
 */
export function excerpt(text: string, from = 0): string {
  let start = Math.max(0, from - CONTEXT_BEFORE);
  // Do not cut an emoji or other astral character in half.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start -= 1;
  const prefix = start > 0 ? '…' : '';
  const shown =
    prefix +
    unescapeSlack(text.slice(start, start + QUOTE_WINDOW))
      .replace(INVISIBLE_ALL, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`)
      .replace(/\s+/g, ' ')
      .trim();
  const chars = Array.from(shown);
  return chars.length <= EXCERPT_MAX_CHARS ? shown : `${chars.slice(0, EXCERPT_MAX_CHARS - 1).join('')}…`;
}

/** Slack sends typed `<`, `>`, `&` as entities; quote what the user typed, the renderer escapes it again. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
