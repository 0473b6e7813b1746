/**
 * Finding pieces of secrets in text: any run of FRAGMENT_MIN_CHARS or more
 * characters of a secret, in any letter case. Every FRAGMENT_MIN_CHARS-long
 * window of every secret is indexed once by a rolling hash, so a text is
 * scanned in one pass whatever the number and length of the secrets.
 */

/** The shortest run of a secret's characters that is blanked wherever it appears. */
export const FRAGMENT_MIN_CHARS = 8;

const BASE = 257;
// BASE ** (FRAGMENT_MIN_CHARS - 1), mod 2^32: what the character leaving the window weighs.
const OUT_WEIGHT = Array.from({ length: FRAGMENT_MIN_CHARS - 1 }).reduce<number>((w) => Math.imul(w, BASE), 1);

function fold(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** The window starting at `at` equals `window` (already folded) in any letter case. */
function sameWindow(text: string, at: number, window: string): boolean {
  for (let k = 0; k < FRAGMENT_MIN_CHARS; k++) if (fold(text.charCodeAt(at + k)) !== window.charCodeAt(k)) return false;
  return true;
}

/**
 * A function that replaces every run of text made of secret windows with `mark`.
 * Runs that touch are blanked as one, so no characters of a secret survive between two marks.
 */
export function createFragmentBlanker(secrets: readonly string[], mark: string): (text: string) => string {
  const windows = new Map<number, string[]>();
  // A bit per low 16 bits of each window's hash: most positions of a text are passed over on one array read.
  const maybe = new Uint8Array(1 << 16);
  for (const secret of secrets) {
    const folded = Array.from({ length: secret.length }, (_, i) => String.fromCharCode(fold(secret.charCodeAt(i)))).join('');
    for (let i = 0; i + FRAGMENT_MIN_CHARS <= folded.length; i++) {
      const window = folded.slice(i, i + FRAGMENT_MIN_CHARS);
      const hash = hashOf(window, 0);
      maybe[hash & 0xffff] = 1;
      const known = windows.get(hash) ?? [];
      if (!known.includes(window)) windows.set(hash, [...known, window]);
    }
  }
  if (windows.size === 0) return (text) => text;
  return (text) => {
    if (text.length < FRAGMENT_MIN_CHARS) return text;
    let out = '';
    let kept = 0; // text before this index is already in `out`
    let runStart = -1;
    let runEnd = -1;
    let hash = hashOf(text, 0);
    for (let i = 0; ; i++) {
      const hit = maybe[hash & 0xffff] === 1 && windows.get(hash)?.some((w) => sameWindow(text, i, w)) === true;
      if (hit && i <= runEnd) runEnd = i + FRAGMENT_MIN_CHARS;
      else if (hit) {
        if (runStart >= 0) {
          out += text.slice(kept, runStart) + mark;
          kept = runEnd;
        }
        runStart = i;
        runEnd = i + FRAGMENT_MIN_CHARS;
      }
      const next = i + FRAGMENT_MIN_CHARS;
      if (next >= text.length) break;
      hash = (Math.imul(hash - Math.imul(fold(text.charCodeAt(i)), OUT_WEIGHT), BASE) + fold(text.charCodeAt(next))) | 0;
    }
    if (runStart < 0) return text;
    return `${out}${text.slice(kept, runStart)}${mark}${text.slice(runEnd)}`;
  };
}

/** The hash of the FRAGMENT_MIN_CHARS characters of `text` from `at`, folded. */
function hashOf(text: string, at: number): number {
  let hash = 0;
  for (let k = 0; k < FRAGMENT_MIN_CHARS; k++) hash = (Math.imul(hash, BASE) + fold(text.charCodeAt(at + k))) | 0;
  return hash;
}
