import { isShared } from '../thread-bytes';
import type { LogJob } from './log-jobs';

/**
 * A job as it is posted to a worker, and the memory moved with it: a body
 * in shared memory is read where it lies; other bytes (the chunks a body
 * arrived in) are transferred, never copied, so the main thread spends no
 * time on a big body's bytes. The caller must not use moved bytes again.
 */
export function handOver(job: LogJob): { message: LogJob; transfer: ArrayBuffer[] } {
  if (job.kind === 'check') {
    const chunks = job.chunks.map(standalone);
    return { message: { ...job, chunks }, transfer: chunks.map((chunk) => chunk.buffer as ArrayBuffer) };
  }
  if (isShared(job.body)) return { message: job, transfer: [] };
  const body = standalone(job.body);
  return { message: { ...job, body }, transfer: [body.buffer as ArrayBuffer] };
}

/**
 * Bytes whose ArrayBuffer holds exactly them, so transferring it moves only
 * these bytes (a small Buffer may be a view into Node's shared pool: that one is copied).
 */
function standalone(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}
