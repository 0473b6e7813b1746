import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Big-log work yields the CPU to the main thread. On a machine with few
 * cores (a 2-core pod: one main thread, one worker, plus whatever else runs)
 * a busy worker and the main thread take turns at the CPU, and an ack that
 * waits for its turn can miss Slack's 3 seconds. A worker 10 nice levels
 * below (a tenth of the CPU share when both want it) still gets every idle
 * cycle, but the main thread is scheduled first whenever both are ready.
 */
export const LOG_WORKER_NICER_BY = 10;
const NICEST = 19;

export interface ThreadPriorityDeps {
  /** This thread's kernel ID (Linux: /proc/thread-self), or null where there is none. */
  threadId(): number | null;
  getPriority(id: number): number;
  setPriority(id: number, priority: number): void;
}

const LINUX: ThreadPriorityDeps = {
  threadId: () => {
    try {
      const id = Number(readlinkSync('/proc/thread-self').split('/').pop());
      return Number.isInteger(id) && id > 0 ? id : null;
    } catch {
      return null;
    }
  },
  getPriority,
  setPriority,
};

/** Lower the calling thread's priority (only this thread's); false where the system does not allow it (then nothing changes). */
export function lowerThisThreadPriority(deps: ThreadPriorityDeps = LINUX): boolean {
  const id = deps.threadId();
  if (id === null) return false;
  try {
    deps.setPriority(id, Math.min(NICEST, deps.getPriority(id) + LOG_WORKER_NICER_BY));
    return true;
  } catch {
    return false;
  }
}
