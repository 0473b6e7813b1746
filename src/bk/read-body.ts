import { yieldToEventLoop } from '../yield-to-event-loop';

/**
 * A response body read into memory, capped, and kept as the chunks it came
 * in: a big one is handed to a worker thread as they are (moved, not copied),
 * and joined there, so no 5 MB copy is ever made on the main thread
 * (src/offload/); a small one is joined here.
 */

export interface BodyChunks {
  chunks: Buffer[];
  /** Bytes in all. */
  length: number;
}

/** Thrown when the body passes `maxBytes` (read as node-fetch's own max-size error; the caller drops the connection). */
export class BodyTooLarge extends Error {
  readonly type = 'max-size';
  constructor(maxBytes: number) {
    super(`body over ${maxBytes} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/**
 * Read at most this much of one body per event-loop turn. Twenty 5 MB bodies
 * arriving at once over a fast network would otherwise be read in long turns
 * (every ready socket, chunk after chunk) while acks wait; paced, the bodies
 * take turns, a quarter megabyte each, with other requests in between, and
 * the unread rest waits in the socket (TCP flow control), not in memory.
 */
export const READ_SLICE_BYTES = 256 * 1024;

/** Read `stream` to its end; more than `maxBytes` (BK_MAX_BODY_BYTES) is refused at the chunk that passes it. */
export async function readBody(stream: AsyncIterable<unknown>, maxBytes: number): Promise<BodyChunks> {
  const chunks: Buffer[] = [];
  let length = 0;
  let sinceTurn = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    length += bytes.length;
    if (length > maxBytes) throw new BodyTooLarge(maxBytes);
    chunks.push(bytes);
    sinceTurn += bytes.length;
    if (sinceTurn >= READ_SLICE_BYTES) {
      sinceTurn = 0;
      await yieldToEventLoop();
    }
  }
  return { chunks, length };
}

/** The chunks as one Buffer (for a body read here, on the main thread). */
export function joined(body: BodyChunks): Buffer {
  return body.chunks.length === 1 ? body.chunks[0] : Buffer.concat(body.chunks, body.length);
}
