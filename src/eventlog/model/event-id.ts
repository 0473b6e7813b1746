/**
 * What counts as an event ID: the one rule that typed text, button values and
 * the BlueKing client all apply. IDs stay digit strings end to end:
 * new-generation alert IDs are 15+ digits and must never round-trip through a float.
 */

/** Longest ID we accept, in digits. */
export const MAX_ID_DIGITS = 20;

/** Why a run of ASCII digits is not an event ID. */
export type DigitsProblem = 'zero' | 'leading_zero' | 'too_long';

/** Unix time (seconds) of 2015-01-01T00:00:00Z: no alert-based Monitor predates it. */
const EARLIEST_ALERT_SECONDS = 1_420_070_400;
const DAY_SECONDS = 86_400;

/**
 * Check a string of ASCII digits: `null` when it is a usable ID, otherwise what is wrong.
 * Zero and leading zeros are refused everywhere, the BlueKing call included:
 * Monitor's primary keys and alert IDs start at 1, "007" is more likely a typo
 * than an ID, and one spelling per ID keeps cache and coalescing keys one per event.
 */
export function digitsProblem(digits: string): DigitsProblem | null {
  if (/^0+$/.test(digits)) return 'zero';
  if (digits.startsWith('0')) return 'leading_zero';
  if (digits.length > MAX_ID_DIGITS) return 'too_long';
  return null;
}

/** True when the string is a usable event ID (1–20 ASCII digits, no leading zero). */
export function isEventId(candidate: string): boolean {
  return /^\d+$/.test(candidate) && digitsProblem(candidate) === null;
}

/**
 * True when an unlabelled number looks like a new-generation alert ID:
 * 15–20 digits whose first 10 are a Unix time between 2015-01-01 and a day after `nowMs`.
 */
export function looksLikeAlertId(digits: string, nowMs: number): boolean {
  if (!/^\d{15,20}$/.test(digits) || digits.startsWith('0')) return false;
  const seconds = Number(digits.slice(0, 10));
  return seconds >= EARLIEST_ALERT_SECONDS && seconds <= Math.floor(nowMs / 1000) + DAY_SECONDS;
}

/** What BlueKing calls the thing an ID names: an alert (告警, Monitor 3.6+) or an old-generation event (事件). */
export type IdNoun = 'alert' | 'event';

/**
 * The noun for an ID by its shape alone, so every surface names it the same way before
 * (and whether or not) any record is read: 15+ digits is a new-generation alert ID,
 * anything shorter an old-generation event's primary key.
 */
export function idNoun(id: string): IdNoun {
  return /^\d{15,}$/.test(id) ? 'alert' : 'event';
}
