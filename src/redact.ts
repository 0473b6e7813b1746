/**
 * Blanking secret values out of text: log lines, error messages, anything an
 * upstream might echo back. One mechanism for the logger and the BlueKing client.
 */

export const REDACTED = '[redacted]';

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * Build a redactor that replaces every occurrence of each secret, raw, URL-encoded (as in a query
 * string) or JSON-escaped (as in a header dump), with "[redacted]". Values shorter than `minLength`
 * are ignored: for the logger, 6 keeps ordinary words intact.
 */
export function createRedactor(secrets: readonly (string | null | undefined)[], minLength = 6): (text: string) => string {
  const values = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= Math.max(1, minLength)))];
  if (values.length === 0) return (text) => text;
  const forms = [...new Set(values.flatMap((v) => [v, encodeURIComponent(v), JSON.stringify(v).slice(1, -1)]))];
  // Longest first, so of two overlapping secrets the longer is blanked whole.
  const alternatives = forms.sort((a, b) => b.length - a.length).map((form) => form.replace(REGEX_SPECIAL, '\\$&'));
  const pattern = new RegExp(alternatives.join('|'), 'g');
  return (text) => text.replace(pattern, REDACTED);
}
