/**
 * The bytes of one shared answer before compression: a small JSON header and
 * an opaque body (a raw log's body as BlueKing sent it, or nothing).
 *
 *   [header length: uint32 BE][header: UTF-8 JSON][body: the rest]
 *
 * The body never goes through JSON, and is never joined to the header: a
 * 5 MB log goes to zlib and comes back from it as chunks (gzip-chunks.ts).
 */
export interface Frame {
  header: string;
  body: Uint8Array;
}

/** A frame as it came out of zlib: the header read, the body still in chunks. */
export interface UnpackedFrame {
  header: string;
  body: Buffer[];
  bodyBytes: number;
}

const LENGTH_BYTES = 4;

/** The frame as chunks to compress in order: the length and header, then the body as it lies. */
export function packFrame(frame: Frame): Uint8Array[] {
  const header = Buffer.from(frame.header, 'utf8');
  const head = Buffer.alloc(LENGTH_BYTES + header.length);
  head.writeUInt32BE(header.length);
  header.copy(head, LENGTH_BYTES);
  return [head, frame.body];
}

/** The header and the body's chunks; null when the bytes cannot be a frame (too short, a length past the end). */
export function unpackFrame(chunks: readonly Buffer[]): UnpackedFrame | null {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  if (total < LENGTH_BYTES) return null;
  const headerEnd = LENGTH_BYTES + firstBytes(chunks, LENGTH_BYTES).readUInt32BE(0);
  if (headerEnd > total) return null;
  return { header: firstBytes(chunks, headerEnd).toString('utf8', LENGTH_BYTES), body: chunksAfter(chunks, headerEnd), bodyBytes: total - headerEnd };
}

/** The first `count` bytes, joined (only the header's: small). */
function firstBytes(chunks: readonly Buffer[], count: number): Buffer {
  const taken: Buffer[] = [];
  let have = 0;
  for (const chunk of chunks) {
    if (have >= count) break;
    taken.push(chunk);
    have += chunk.length;
  }
  return Buffer.concat(taken, count);
}

/** The chunks from byte `offset` on, as views (nothing copied). */
function chunksAfter(chunks: readonly Buffer[], offset: number): Buffer[] {
  const rest: Buffer[] = [];
  let skip = offset;
  for (const chunk of chunks) {
    if (skip >= chunk.length) {
      skip -= chunk.length;
      continue;
    }
    rest.push(skip > 0 ? chunk.subarray(skip) : chunk);
    skip = 0;
  }
  return rest;
}
