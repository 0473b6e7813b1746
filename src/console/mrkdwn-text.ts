/**
 * Slack mrkdwn → terminal text, in one left-to-right pass (linear time: every
 * pattern stops at the next delimiter or line end, so nothing backtracks far).
 */
import type { LineAttr, TerminalStyle } from './terminal-style';

// One alternative per construct. Emphasis needs a non-space just inside and no
// ASCII letter or digit just outside, as Slack does, so snake_case stays put.
const TOKEN = new RegExp(
  [
    /<([^<>\n]*)>/.source, // 1: <url|label>, <!date^…|fallback>, <@U…>, <#C…|name>, <!here>
    /```([^`]*)```/.source, // 2: code block
    /`([^`\n]+)`/.source, // 3: inline code
    /(?<![A-Za-z0-9*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![A-Za-z0-9*])/.source, // 4: *bold*
    // 5: _italic_; an underscore inside a word (bk_biz_id) does not end it
    /(?<![A-Za-z0-9_])_(?!\s)((?:[^_\n]|(?<=[A-Za-z0-9])_(?=[A-Za-z0-9]))+?)(?<!\s)_(?![A-Za-z0-9_])/.source,
    /(?<![A-Za-z0-9~])~(?!\s)([^~\n]+?)(?<!\s)~(?![A-Za-z0-9~])/.source, // 6: ~strike~
  ].join('|'),
  'g',
);

// C0/C1 controls (but tab and newline) and bidi overrides: untrusted upstream
// text must not move the cursor, recolour the terminal or reorder what is shown.
const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Remove characters that could drive the terminal instead of being shown. */
export function stripTerminalControls(text: string): string {
  return text.replace(UNSAFE_CHARS, '');
}

/**
 * Render mrkdwn for a terminal: links become `label (url)`, `<!date^…|x>`
 * becomes its fallback x, mentions become @name/#name, emphasis becomes ANSI
 * (or nothing, off a terminal), and `&amp; &lt; &gt;` are unescaped last.
 * `base` is the line's own style (dim for context), kept across spans.
 */
export function mrkdwnToTerminal(mrkdwn: string, style: TerminalStyle, base?: LineAttr): string {
  return unescapeEntities(renderSpans(stripTerminalControls(mrkdwn), style, base));
}

/** Plain text is shown as-is (Slack does not parse it), minus terminal controls. */
export function plainToTerminal(text: string): string {
  return stripTerminalControls(text);
}

function renderSpans(text: string, style: TerminalStyle, base: LineAttr | undefined): string {
  return text.replace(
    TOKEN,
    (whole: string, angle?: string, block?: string, code?: string, bold?: string, italic?: string, strike?: string) => {
      if (angle !== undefined) return resolveAngle(angle);
      if (block !== undefined) return style.inline('code', block.replace(/^\n/, ''), base);
      if (code !== undefined) return style.inline('code', code, base);
      if (bold !== undefined) return style.inline('bold', renderSpans(bold, style, base), base);
      if (italic !== undefined) return style.inline('italic', renderSpans(italic, style, base), base);
      if (strike !== undefined) return style.inline('strike', renderSpans(strike, style, base), base);
      return whole;
    },
  );
}

/** The text Slack shows for one `<…>` control sequence. */
function resolveAngle(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? null : inner.slice(bar + 1);
  if (target.startsWith('!date^')) return label ?? dateWithoutFallback(target);
  if (target.startsWith('!subteam^')) return label ?? '@group';
  if (target.startsWith('!')) return `@${target.slice(1)}`;
  if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
  if (target.startsWith('#')) return label ? `#${label.replace(/^#/, '')}` : target;
  return label && label !== target ? `${label} (${target})` : target;
}

/** Slack requires a fallback; without one, show the instant in UTC rather than the raw token. */
function dateWithoutFallback(target: string): string {
  const seconds = Number(target.split('^')[1]);
  // Date covers ±8.64e15 ms; past that toISOString would throw.
  const valid = Number.isFinite(seconds) && Math.abs(seconds) <= 8.64e12;
  return valid ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z') : target;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

function unescapeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}
