/**
 * A stored answer starts with its token in plain bytes, before the compressed
 * answer: a replica that already holds an answer decoded can ask the store for
 * these few bytes (GETRANGE) to learn whether it is still the one stored,
 * instead of moving and unpacking megabytes again.
 *
 *   [token length: uint8][token: UTF-8][the compressed answer]
 */

const MAX_TOKEN_BYTES = 64;
/** Enough bytes of a stored answer to read its token. */
export const TOKEN_PREFIX_BYTES = 1 + MAX_TOKEN_BYTES;

export function prefixToken(token: string, compressed: Buffer): Buffer {
  const bytes = Buffer.from(token, 'utf8');
  if (bytes.length === 0 || bytes.length > MAX_TOKEN_BYTES) throw new RangeError(`a stored answer's token takes 1–${MAX_TOKEN_BYTES} bytes, not ${bytes.length}`);
  return Buffer.concat([Buffer.from([bytes.length]), bytes, compressed]);
}

/** The token and what follows it; null when the bytes cannot start with one (then the whole answer is a miss). */
export function splitToken(stored: Buffer): { token: string; rest: Buffer } | null {
  const length = stored.length > 0 ? stored[0] : 0;
  if (length === 0 || length > MAX_TOKEN_BYTES || stored.length < 1 + length) return null;
  return { token: stored.toString('utf8', 1, 1 + length), rest: stored.subarray(1 + length) };
}
