import { parentPort } from 'node:worker_threads';
import { isShared } from '../shared-bytes';
import { runLogJob, type LogJob } from './log-jobs';
import { lowerThisThreadPriority } from './thread-priority';

/**
 * A worker thread's entry: run each job it is sent and post the result back,
 * handing a checked body back without copying it (shared memory is simply
 * shared). A bug (anything thrown that is not a verdict) is posted as its
 * message, for the pool to reject with. The thread runs below the main
 * thread's priority, so acks are scheduled first (thread-priority.ts).
 */

lowerThisThreadPriority();

parentPort?.on('message', (job: LogJob) => {
  try {
    const result = runLogJob(job);
    const transfer = 'body' in result && result.body instanceof Uint8Array && !isShared(result.body) ? [result.body.buffer as ArrayBuffer] : [];
    parentPort?.postMessage({ ok: true, result }, transfer);
  } catch (err) {
    parentPort?.postMessage({ ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
});
