/**
 * Why `/eventlog` text was not understood, as machine-readable reasons; the
 * catalog words each one (replies.invalidInput, see ids/describe-invalid.ts).
 */

export const INVALID_REASONS = [
  'not_a_number', // letters, symbols, commands
  'negative', // -5
  'zero', // 0, 000
  'leading_zero', // 007
  'plus_sign', // +5
  'decimal', // 1.5
  'exponent', // 1e5
  'hex', // 0x1F
  'digit_separators', // 1,234 or 1_234
  'too_long', // more than MAX_ID_DIGITS digits
  'full_width_digits', // １２３
  'non_ascii_digits', // ١٢٣ and other scripts' digits
  'invisible_characters', // zero-width, bidi controls, other control characters
  'several_ids', // 123 456
  'unexpected_words', // 123 please
  'too_long_text', // a wall of text
  'link_without_id', // a link that names no event
  'mention', // <@U123>, <!here>
  'missing_id', // only "public"
] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];
