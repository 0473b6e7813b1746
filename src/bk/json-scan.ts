/**
 * Finds where the pieces of a JSON envelope lie in its bytes without building
 * it: the top-level object's members, and where each element of one array
 * member starts and ends. A 40 MB event log is then read one record at a time
 * (each element's bytes through JSON.parse on their own) instead of as one
 * 40 MB string and a tree of every record at once. Pure.
 *
 * It checks structure only between the pieces (braces, colons, commas, the
 * end); the pieces themselves are checked by JSON.parse when read. Whatever it
 * is not sure of (not an object at the top, a member twice, a byte order mark,
 * text after the end) it gives up on with null, and the caller parses the
 * whole body as before: same bytes, same answer.
 */

/** Where the elements of the array member lie: element i is `bytes[starts[i], ends[i])`. */
export interface ScannedArray {
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

export interface ScannedEnvelope {
  /** Each member but the array one, as [name, its value's bytes], in order. */
  members: Array<[name: string, start: number, end: number]>;
  /** The array member's elements, or null when the body has no such member or it is not an array. */
  array: ScannedArray | null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Scan `bytes` as `{ …, "<arrayName>": [ … ], … }`; null when it is not plainly that shape. */
export function scanEnvelope(bytes: Uint8Array, arrayName: string): ScannedEnvelope | null {
  const members: ScannedEnvelope['members'] = [];
  const seen = new Set<string>();
  let array: ScannedArray | null = null;
  let i = skipSpace(bytes, 0);
  if (bytes[i] !== OPEN_BRACE) return null;
  i = skipSpace(bytes, i + 1);
  if (bytes[i] === CLOSE_BRACE) return endsAt(bytes, i + 1) ? { members, array } : null;
  for (;;) {
    if (bytes[i] !== QUOTE) return null;
    const nameEnd = endOfString(bytes, i);
    if (nameEnd < 0) return null;
    const name = nameOf(bytes, i, nameEnd);
    // A repeated member (JSON.parse keeps the last) or one that means something to objects: left to JSON.parse.
    if (name === null || seen.has(name) || name === '__proto__') return null;
    seen.add(name);
    i = skipSpace(bytes, nameEnd);
    if (bytes[i] !== COLON) return null;
    const start = skipSpace(bytes, i + 1);
    if (name === arrayName && bytes[start] === OPEN_BRACKET) {
      const scanned = scanArray(bytes, start);
      if (scanned === null) return null;
      array = scanned.array;
      i = scanned.end;
    } else {
      i = endOfValue(bytes, start);
      if (i <= start) return null;
      members.push([name, start, i]);
    }
    i = skipSpace(bytes, i);
    if (bytes[i] === CLOSE_BRACE) return endsAt(bytes, i + 1) ? { members, array } : null;
    if (bytes[i] !== COMMA) return null;
    i = skipSpace(bytes, i + 1);
  }
}

/** The elements of the array opening at `open`, and the index just past its `]`; null when malformed. */
function scanArray(bytes: Uint8Array, open: number): { array: ScannedArray; end: number } | null {
  let starts = new Int32Array(1024);
  let ends = new Int32Array(1024);
  let count = 0;
  let i = skipSpace(bytes, open + 1);
  if (bytes[i] === CLOSE_BRACKET) return { array: { starts, ends, count }, end: i + 1 };
  for (;;) {
    const end = endOfValue(bytes, i);
    if (end <= i) return null;
    if (count === starts.length) {
      starts = grown(starts);
      ends = grown(ends);
    }
    starts[count] = i;
    ends[count] = end;
    count++;
    i = skipSpace(bytes, end);
    if (bytes[i] === CLOSE_BRACKET) return { array: { starts, ends, count }, end: i + 1 };
    if (bytes[i] !== COMMA) return null;
    i = skipSpace(bytes, i + 1);
  }
}

/** Index just past the value starting at `i` (its bytes are checked later, by JSON.parse); -1 when it never ends. */
function endOfValue(bytes: Uint8Array, i: number): number {
  const first = bytes[i];
  if (first === QUOTE) return endOfString(bytes, i);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) return endOfNested(bytes, i);
  // A number, true, false or null: up to the next delimiter.
  let at = i;
  while (at < bytes.length && !isDelimiter(bytes[at])) at++;
  return at;
}

/** Past the object or array opening at `i`, counting brackets outside strings; -1 when it never closes. */
function endOfNested(bytes: Uint8Array, i: number): number {
  let depth = 0;
  let at = i;
  while (at < bytes.length) {
    const c = bytes[at];
    if (c === QUOTE) {
      at = endOfString(bytes, at);
      if (at < 0) return -1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return at + 1;
    }
    at++;
  }
  return -1;
}

/** Past the closing quote of the string opening at `i`; -1 when it never closes. */
function endOfString(bytes: Uint8Array, i: number): number {
  let at = i + 1;
  while (at < bytes.length) {
    const c = bytes[at];
    if (c === QUOTE) return at + 1;
    at += c === BACKSLASH ? 2 : 1;
  }
  return -1;
}

function nameOf(bytes: Uint8Array, start: number, end: number): string | null {
  try {
    const name: unknown = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8'));
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}

function endsAt(bytes: Uint8Array, i: number): boolean {
  return skipSpace(bytes, i) === bytes.length;
}

/** JSON's whitespace only (space, tab, line feed, carriage return): a byte order mark is not, for JSON.parse either. */
function skipSpace(bytes: Uint8Array, i: number): number {
  let at = i;
  while (at < bytes.length) {
    const c = bytes[at];
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return at;
    at++;
  }
  return at;
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function grown(list: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(list.length * 2);
  bigger.set(list);
  return bigger;
}
