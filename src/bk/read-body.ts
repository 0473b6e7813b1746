import { sharedCopyOf } from '../shared-bytes';

/**
 * A response body read into memory, capped. A big body (`sharedFrom` bytes or
 * more) ends up in shared memory: a worker thread reads it where it lies, the
 * cache keeps that one copy, and no 5 MB copy is made on the main thread
 * again, however often the log is shown (src/offload/).
 */

export interface ReadBodyOptions {
  /** More than this is refused (BK_MAX_BODY_BYTES). */
  maxBytes: number;
  /** Bodies of at least this many bytes are kept in a SharedArrayBuffer; Infinity keeps every body in a Buffer. */
  sharedFrom: number;
}

/** Thrown when the body passes `maxBytes` (read as node-fetch's own max-size error; the caller drops the connection). */
export class BodyTooLarge extends Error {
  readonly type = 'max-size';
  constructor(maxBytes: number) {
    super(`body over ${maxBytes} bytes`);
    this.name = 'BodyTooLarge';
  }
}

export async function readBody(stream: AsyncIterable<unknown>, options: ReadBodyOptions): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += bytes.length;
    if (total > options.maxBytes) throw new BodyTooLarge(options.maxBytes);
    chunks.push(bytes);
  }
  return total >= options.sharedFrom ? sharedCopyOf(chunks, total) : Buffer.concat(chunks, total);
}
