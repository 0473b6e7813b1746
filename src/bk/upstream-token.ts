import type { Scrubber } from '../redact';

/**
 * BlueKing's `request_id` and `code` are short tokens (a 32-hex UUID, a
 * 7-digit number). One that does not look like that (megabytes long, markup,
 * control characters) is shown as its head, cut and marked with its length,
 * so it cannot flood a log line or a reply, and nobody mistakes it for a real one.
 */

const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const ODD_HEAD_CHARS = 16;

/** The token as sent when it looks like one; otherwise its scrubbed head, marked. */
export function upstreamToken(value: string | null, scrub: Scrubber): string | null {
  if (value === null) return null;
  // Shape first: a huge value is never scanned whole, only its head is shown.
  if (TOKEN.test(value) && scrub.redact(value) === value) return value;
  // Printable ASCII only in the head: this is a marker for a human, not data.
  const head = scrub.cut(value, ODD_HEAD_CHARS, () => '…').replace(/[^\x20-\x7e…[\]]/g, '?');
  return `${head} (odd value, ${value.length} chars)`;
}
