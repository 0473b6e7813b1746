/**
 * Reading Slack's message markup (`<url|label>`, `<@U123>`, `<!here>`, `&amp;`)
 * into plain prose plus the links it carries, so ID patterns can run on each.
 */

/** A link found in the text, and where it sat in the prose (for ordering). */
export interface LinkAnchor {
  url: string;
  /** Offset in `prose` where the link was. */
  at: number;
}

export interface ScannedText {
  /** The visible text: link labels kept, URLs and markup removed, entities unescaped. */
  prose: string;
  links: LinkAnchor[];
  /** Whether the text held a user, channel or broadcast mention (`<@U…>`, `<#C…>`, `<!here>`). */
  hasMention: boolean;
}

// `<…>` markup, or a bare URL (block text and attachment fields may carry raw URLs).
const MARKUP_OR_URL = /<([^<>\n]*)>|\bhttps?:\/\/[^\s<>]+/gi;

/** Turn Slack's three escaped characters back into text. */
export function unescapeSlackEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}

/** Escape text so it can be joined into Slack markup without creating tokens. */
export function escapeSlackEntities(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Split Slack markup into visible prose and the links it carries. */
export function scanSlackText(text: string): ScannedText {
  let prose = '';
  let hasMention = false;
  const links: LinkAnchor[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKUP_OR_URL)) {
    prose += unescapeSlackEntities(text.slice(last, match.index));
    last = match.index + match[0].length;
    const inner = match[1];
    if (inner === undefined) {
      // A bare URL: its digits are not prose, but keep words on either side apart.
      links.push({ url: unescapeSlackEntities(match[0]), at: prose.length });
      prose += ' ';
      continue;
    }
    const bar = inner.indexOf('|');
    const target = bar < 0 ? inner : inner.slice(0, bar);
    const label = bar < 0 ? '' : unescapeSlackEntities(inner.slice(bar + 1));
    if (/^[@#]/.test(target) || (target.startsWith('!') && !target.startsWith('!date^'))) {
      hasMention = true;
    } else if (!target.startsWith('!')) {
      links.push({ url: unescapeSlackEntities(target), at: prose.length });
    }
    prose += label;
  }
  prose += unescapeSlackEntities(text.slice(last));
  return { prose, links, hasMention };
}
