/**
 * The bytes of one shared answer before compression: a small JSON header and
 * an opaque body (a raw log's body as BlueKing sent it, or nothing).
 *
 *   [header length: uint32 BE][header: UTF-8 JSON][body: the rest]
 *
 * The body never goes through JSON: a 5 MB log is copied, not stringified.
 */
export interface Frame {
  header: string;
  body: Uint8Array;
}

const LENGTH_BYTES = 4;

export function packFrame(frame: Frame): Buffer {
  const header = Buffer.from(frame.header, 'utf8');
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, frame.body]);
}

/** The header and body; null when the bytes cannot be a frame (too short, a length past the end). */
export function unpackFrame(bytes: Buffer): Frame | null {
  if (bytes.length < LENGTH_BYTES) return null;
  const headerEnd = LENGTH_BYTES + bytes.readUInt32BE(0);
  if (headerEnd > bytes.length) return null;
  return { header: bytes.toString('utf8', LENGTH_BYTES, headerEnd), body: bytes.subarray(headerEnd) };
}
