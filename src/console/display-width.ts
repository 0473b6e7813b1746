/**
 * How many terminal columns a string takes: East Asian wide characters and
 * most emoji take two, combining marks and joiners none. Close enough to
 * underline a header; terminals themselves disagree on the edge cases.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

const ZERO_WIDTH: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f], // combining diacritics
  [0x200b, 0x200f], // zero-width space, joiners, marks
  [0xfe00, 0xfe0f], // variation selectors (emoji presentation)
];

const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo
  [0x2600, 0x27bf], // misc symbols and dingbats (✅ ❌ ⚠ and friends)
  [0x2e80, 0xa4cf], // CJK radicals … Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6],
  [0x1f300, 0x1faff], // emoji
  [0x20000, 0x3fffd], // CJK extensions
];

function charWidth(code: number): number {
  if (inRanges(code, ZERO_WIDTH)) return 0;
  return inRanges(code, WIDE) ? 2 : 1;
}

function inRanges(code: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  return ranges.some(([from, to]) => code >= from && code <= to);
}
