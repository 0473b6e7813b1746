import { types } from 'node:util';
import { yieldToEventLoop } from './yield-to-event-loop';

/**
 * Bytes that worker threads read where they lie: a big event log's body is
 * put in a SharedArrayBuffer once, and a worker renders it any number of
 * times without a copy or a transfer (src/offload/).
 */

/**
 * Copied per event-loop turn at most: copying 5 MB into fresh memory in one
 * go holds the loop for 5–15 ms (page faults on every new page), a quarter
 * megabyte a fraction of a millisecond.
 */
const COPY_SLICE_BYTES = 256 * 1024;

/** `chunks` copied once, into memory that threads share, a slice per event-loop turn. */
export async function sharedCopyOf(chunks: readonly Uint8Array[], total = chunks.reduce((sum, c) => sum + c.length, 0)): Promise<Uint8Array> {
  const shared = new Uint8Array(new SharedArrayBuffer(total));
  let at = 0;
  let sinceYield = 0;
  for (const chunk of chunks) {
    if (sinceYield >= COPY_SLICE_BYTES) {
      await yieldToEventLoop();
      sinceYield = 0;
    }
    shared.set(chunk, at);
    at += chunk.length;
    sinceYield += chunk.length;
  }
  return shared;
}

/** `chunks` joined in shared memory, in one go: for a worker thread, whose loop nobody waits on. */
export function sharedJoinOf(chunks: readonly Uint8Array[]): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(chunks.reduce((sum, c) => sum + c.length, 0)));
  let at = 0;
  for (const chunk of chunks) {
    shared.set(chunk, at);
    at += chunk.length;
  }
  return shared;
}

/** Whether `bytes` live in shared memory (a worker can be handed them without a copy or a transfer). */
export function isShared(bytes: Uint8Array): boolean {
  // Not `instanceof`: memory that came back from a worker may belong to another realm's SharedArrayBuffer.
  return types.isSharedArrayBuffer(bytes.buffer);
}

/** The bytes as text, without copying them first. */
export function utf8Of(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
