import { createScrubber, type Scrubber } from '../redact';

/**
 * Looking at a response body that may not be what we asked for: an HTML page
 * from a proxy or login screen, plain text from a load balancer, or JSON.
 */

const TITLE = /<title[^>]*>([\s\S]*?)<\/title\s*>/i;
const HEADING = /<h1[^>]*>([\s\S]*?)<\/h1\s*>/i;
const TAG = /<[^>]*>/g;
const ENTITY = /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
/** Upstream snippets are for a chat message and a log line: keep them short. */
export const SNIPPET_MAX_CHARS = 300;
/** Only the head of a large page is searched; titles and error lines sit at the top. */
const SCAN_MAX_CHARS = 64 * 1024;

/** The body parsed as JSON, or undefined when it is not JSON. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** True for an HTML (or XML) page: by content type, or by a body starting with `<`. */
export function looksLikeHtml(body: string, contentType: string | null): boolean {
  if (contentType !== null && /\btext\/html\b|\bxhtml\b/i.test(contentType)) return true;
  return body.trimStart().startsWith('<');
}

/** Shortening without secrets to blank (tests, the demo source). */
export const NO_SECRETS: Scrubber = createScrubber([]);

/** A page's <title> (or first <h1>) as plain text, or null when it has neither. */
export function htmlTitle(html: string, scrub: Scrubber = NO_SECRETS): string | null {
  const head = html.slice(0, SCAN_MAX_CHARS);
  const match = TITLE.exec(head) ?? HEADING.exec(head);
  if (!match) return null;
  const text = shorten(decodeEntities(match[1].replace(TAG, ' ')), scrub);
  return text === '' ? null : text;
}

/** The start of a non-JSON body as one short line, or null when it is blank. */
export function textSnippet(body: string, scrub: Scrubber = NO_SECRETS): string | null {
  const text = shorten(body.slice(0, SCAN_MAX_CHARS), scrub);
  return text === '' ? null : text;
}

/**
 * Collapse whitespace and cut to SNIPPET_MAX_CHARS, ending with … when cut.
 * Secrets are blanked before the cut (and a secret's head left at it too):
 * cutting first would leave most of a secret that straddled the limit.
 */
export function shorten(text: string, scrub: Scrubber = NO_SECRETS): string {
  // Whitespace is collapsed in the scanned head only: a huge message costs no more than a short one.
  const flat = text.slice(0, SCAN_MAX_CHARS).replace(/\s+/g, ' ').trim();
  return scrub.cut(flat, SNIPPET_MAX_CHARS);
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return codePoint(parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith('#')) return codePoint(parseInt(lower.slice(1), 10), whole);
    return NAMED_ENTITIES[lower] ?? whole;
  });
}

function codePoint(n: number, fallback: string): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}
