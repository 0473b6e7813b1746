/**
 * Making untrusted text safe and short for Slack mrkdwn. Every upstream
 * message, receiver name, ack note and piece of user input goes through
 * escapeMrkdwn (or clipInline, which escapes too) before it reaches a block,
 * so nothing can ping <!channel>/<!here>/<@U…> or disguise a link.
 */

const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ELLIPSIS = '…';
// C0/C1 controls and line breaks become a space; runs of whitespace collapse to one.
const BREAKING = /[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// Zero-width spaces, direction marks and bidi controls can make text read differently than it is; drop them.
// (The zero-width joiners U+200C/U+200D stay: emoji sequences and some scripts need them.)
const INVISIBLE = /[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/** Escape the three mrkdwn control characters: `&`→`&amp;`, `<`→`&lt;`, `>`→`&gt;`. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (c) => ENTITY[c] ?? c);
}

/**
 * Escape untrusted text for one line of mrkdwn and cut it to `max` characters
 * (counted after escaping, ending in "…" when cut). Newlines and whitespace
 * runs collapse to one space, invisible characters go, and backticks become
 * "ˋ" so a stray ``` cannot turn the rest of a section into a code block.
 * Never cuts inside an entity or a surrogate pair; stops reading once full,
 * so a 10 MB message costs no more than a short one.
 */
export function clipInline(text: string, max: number): string {
  return clipInlineMarked(text, max).text;
}

// Anything clipInline would change: entities, backticks, controls, line breaks, invisible characters,
// whitespace other than single inner spaces. Text without any of these (most of it) is returned as is.
const NEEDS_WORK = /[&<>`\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[^\S ]| {2}|^ | $/;

function clipInlineMarked(text: string, max: number): { text: string; cut: boolean } {
  if (max <= 0) return { text: '', cut: text !== '' };
  if (text.length <= max && !NEEDS_WORK.test(text)) return { text, cut: false };
  let out = '';
  for (const piece of inlinePieces(text)) {
    if (out.length + piece.length > max) return { text: cutWithEllipsis(out, max), cut: true };
    out += piece;
  }
  return { text: out, cut: false };
}

/** Cut plain (unescaped, trusted) text to `max` characters with a trailing "…", whole code points only. */
export function clipPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - ELLIPSIS.length) break;
    out += ch;
  }
  return out + ELLIPSIS;
}

/**
 * Like clipInline, but a long value loses its middle rather than its end:
 * "8c1f0e5a77b2…1574439660.12.7.1" keeps both the start and the distinctive tail.
 */
export function clipMiddle(text: string, max: number): string {
  const whole = clipInlineMarked(text, max);
  if (!whole.cut) return whole.text;
  const tailBudget = Math.floor((max - ELLIPSIS.length) / 2);
  const head = clipInline(text, max - tailBudget); // ends in "…"
  // Only the end of a huge value can reach the tail, so read no more of it than needed.
  const tailPieces = [...inlinePieces(text.slice(-4 * tailBudget - 4))];
  let tail = '';
  for (let i = tailPieces.length - 1; i >= 0; i -= 1) {
    const piece = tailPieces[i] ?? '';
    if (tail.length + piece.length > tailBudget) break;
    tail = piece + tail;
  }
  return head + tail.trimStart();
}

/**
 * The escaped pieces of untrusted text, one per kept character: whitespace
 * and control runs collapse to one leading space, invisible characters are
 * dropped, and backticks become "ˋ" so a stray ``` cannot open a code block.
 */
function* inlinePieces(text: string): Generator<string> {
  let started = false;
  let pendingSpace = false;
  for (const ch of text) {
    // Invisible first: \s counts U+FEFF as whitespace.
    if (INVISIBLE.test(ch)) continue;
    if (BREAKING.test(ch)) {
      pendingSpace = started;
      continue;
    }
    yield (pendingSpace ? ' ' : '') + (ch === '`' ? 'ˋ' : (ENTITY[ch] ?? ch));
    started = true;
    pendingSpace = false;
  }
}

function cutWithEllipsis(escaped: string, max: number): string {
  let out = escaped;
  while (out.length + ELLIPSIS.length > max) out = dropLastChar(out);
  return out.trimEnd() + ELLIPSIS;
}

/** Drop the last character, an escaped entity or a surrogate pair as one. */
function dropLastChar(text: string): string {
  const entity = /&(?:amp|lt|gt);$/.exec(text);
  if (entity) return text.slice(0, entity.index);
  const last = text.charCodeAt(text.length - 1);
  const isLowSurrogate = last >= 0xdc00 && last <= 0xdfff;
  return text.slice(0, isLowSurrogate && text.length >= 2 ? -2 : -1);
}

/**
 * How many characters a reader sees for our own mrkdwn: a date token counts
 * as its fallback, a link as its label, an entity as one character.
 */
export function visibleLength(mrkdwn: string): number {
  // Each replacement only where its first character occurs: most text has no token, link or entity.
  const shown = mrkdwn.includes('<') ? mrkdwn.replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1').replace(/<[^|>]*\|([^>]*)>/g, '$1') : mrkdwn;
  return codePointCount(shown.includes('&') ? shown.replace(/&(?:amp|lt|gt);/g, '&') : shown);
}

/** `[...text].length` without building the array: a surrogate pair is one code point, a lone surrogate one too. */
function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count -= 1;
        i += 1;
      }
    }
  }
  return count;
}

/** Cut text that is already escaped mrkdwn to `max` characters, never inside an entity, ending in "…". */
export function cutEscaped(escaped: string, max: number): string {
  return escaped.length <= max ? escaped : cutWithEllipsis(escaped, max);
}
