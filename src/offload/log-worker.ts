import { parentPort } from 'node:worker_threads';
import { runLogJob, type LogJob } from './log-jobs';
import { lowerThisThreadPriority } from './thread-priority';

/**
 * A worker thread's entry: run each job it is sent and post the result back.
 * A bug (anything thrown that is not a verdict) is posted as its
 * message, for the pool to reject with. The thread runs below the main
 * thread's priority, so acks are scheduled first (thread-priority.ts).
 */

lowerThisThreadPriority();

parentPort?.on('message', (job: LogJob) => {
  try {
    // A checked body comes back in shared memory: posting it shares it, nothing is copied.
    parentPort?.postMessage({ ok: true, result: runLogJob(job) });
  } catch (err) {
    parentPort?.postMessage({ ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
});
