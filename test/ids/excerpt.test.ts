import { excerpt, EXCERPT_MAX_CHARS, indexOfInvisible } from '../../src/ids/excerpt';

describe('indexOfInvisible', () => {
  it.each([
    ['abc', -1],
    ['a\tb\nc', -1],
    ['ab\u200Bc', 2],
    ['\u202Eabc', 0],
    ['abc\u2069', 3],
    ['\uFEFF', 0],
    ['a\u0007', 1],
    ['a\u0085', 1],
  ])('finds the first invisible character in %j at %i', (text, index) => {
    expect(indexOfInvisible(text)).toBe(index);
  });
});

describe('excerpt', () => {
  it('returns short text unchanged', () => {
    expect(excerpt('abc')).toBe('abc');
  });

  it('keeps exactly the maximum length whole', () => {
    const text = 'y'.repeat(EXCERPT_MAX_CHARS);
    expect(excerpt(text)).toBe(text);
  });

  it('cuts one character past the maximum with an ellipsis', () => {
    expect(excerpt('y'.repeat(EXCERPT_MAX_CHARS + 1))).toBe(`${'y'.repeat(EXCERPT_MAX_CHARS - 1)}…`);
  });

  it('starts shortly before the given offset, marked with an ellipsis', () => {
    expect(excerpt('0123456789abcdefghij', 15)).toBe('…56789abcdefghij');
  });

  it('does not split an emoji when starting mid-text', () => {
    const text = `${'🔥'.repeat(10)}x`;
    // Offset 9 is the second half of the fifth emoji; the excerpt starts with that whole emoji.
    expect(excerpt(text, 19)).toBe(`…${'🔥'.repeat(6)}x`);
  });
});
