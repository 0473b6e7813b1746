import { createFragmentBlanker } from './secret-fragments';

/**
 * Blanking secret values out of text: log lines, error messages, anything an
 * upstream might echo back. One mechanism for the logger and the BlueKing client.
 */

export const REDACTED = '[redacted]';

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;
/** The shortest head or tail of a secret that a cut may leave and that is still blanked. */
export const MIN_FRAGMENT_CHARS = 6;

/** Each secret as it may appear: raw, URL-encoded (as in a query string) or JSON-escaped (as in a header dump). */
function secretForms(secrets: readonly (string | null | undefined)[], minLength: number): string[] {
  const values = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= Math.max(1, minLength)))];
  // Longest first, so of two overlapping secrets the longer is blanked whole.
  return [...new Set(values.flatMap((v) => [v, encodeURIComponent(v), JSON.stringify(v).slice(1, -1)]))].sort((a, b) => b.length - a.length);
}

/**
 * Build a redactor that replaces every occurrence of each secret, raw, URL-encoded
 * or JSON-escaped, in any letter case, with "[redacted]", and every run of 8 or more
 * of its characters too (an upstream may echo part of a secret). Values shorter than
 * `minLength` are ignored: for the logger, 6 keeps ordinary words intact.
 */
export function createRedactor(secrets: readonly (string | null | undefined)[], minLength = 6): (text: string) => string {
  const forms = secretForms(secrets, minLength);
  if (forms.length === 0) return (text) => text;
  const pattern = new RegExp(forms.map((form) => form.replace(REGEX_SPECIAL, '\\$&')).join('|'), 'gi');
  const blankFragments = createFragmentBlanker(forms, REDACTED);
  return (text) => blankFragments(text.replace(pattern, REDACTED));
}

/** Redacting and shortening in the one safe order. */
export interface Scrubber {
  /** Every whole secret blanked. */
  redact(text: string): string;
  /**
   * The redacted text if it fits in `max` characters; else its first `max - 1` and `marker(originalLength)` ("…" by default).
   * Secrets are blanked before the cut, and what the cut left of one (a head of at least
   * MIN_FRAGMENT_CHARS at the end) is blanked too. Only the head of a huge text is read.
   */
  cut(text: string, max: number, marker?: (originalLength: number) => string): string;
}

const ELLIPSIS = (): string => '…';

/** A Scrubber for these secrets (see createRedactor for `minLength`). */
export function createScrubber(secrets: readonly (string | null | undefined)[], minLength = 6): Scrubber {
  const forms = secretForms(secrets, minLength);
  const redact = createRedactor(secrets, minLength);
  const longest = forms[0]?.length ?? 0;
  const lowerForms = forms.map((form) => form.toLowerCase());
  const blankHeadAtEnd = (text: string): string => {
    const tail = text.slice(-longest).toLowerCase();
    for (const form of lowerForms) {
      for (let n = form.length - 1; n >= MIN_FRAGMENT_CHARS; n--) {
        if (tail.endsWith(form.slice(0, n))) return `${text.slice(0, text.length - n)}${REDACTED}`;
      }
    }
    return text;
  };
  return {
    redact,
    cut: (text, max, marker = ELLIPSIS) => {
      if (text.length <= max && forms.length === 0) return text;
      // A secret that starts before `max` ends within `max + longest`: redacting this window finds it whole.
      const window = text.length > max + longest ? text.slice(0, max + longest) : text;
      const clean = redact(window);
      if (clean.length <= max && window.length === text.length) return clean;
      return `${blankHeadAtEnd(clean.slice(0, cutAt(clean, Math.max(0, max - 1))))}${marker(text.length)}`;
    },
  };
}

/** Where to cut `text` near `at`: past a "[redacted]" the cut would split, so the mark stays readable. */
function cutAt(text: string, at: number): number {
  const mark = text.lastIndexOf(REDACTED, at - 1);
  return mark >= 0 && mark + REDACTED.length > at ? mark + REDACTED.length : at;
}
