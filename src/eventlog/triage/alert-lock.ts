import type { Store } from '../../store/store';

/**
 * One write per alert at a time, across replicas: a short lease per alert in
 * the store. Whoever comes second waits for it, then reads the alert afresh,
 * so two people pressing Acknowledge together produce one ack_event and the
 * second is told who acked.
 */

export interface AlertLockTimes {
  /** How long a holder keeps the lease at most (a replica that dies mid-act frees it after this). */
  holdMs: number;
  /** How long a second act waits for the first before giving up. */
  waitMs: number;
  /** Pause between tries. */
  pauseMs: number;
}

export const ALERT_LOCK_TIMES: AlertLockTimes = { holdMs: 30_000, waitMs: 20_000, pauseMs: 100 };

/** Run `work` holding the alert's lease; 'busy' when it could not be had within waitMs. */
export async function withAlertLock<T>(store: Store, alertId: string, owner: string, times: AlertLockTimes, now: () => number, work: () => Promise<T>): Promise<T | 'busy'> {
  const key = `triage:lock:${alertId}`;
  const deadline = now() + times.waitMs;
  while (!(await store.acquire(key, owner, times.holdMs))) {
    if (now() >= deadline) return 'busy';
    await new Promise((resolve) => setTimeout(resolve, times.pauseMs));
  }
  try {
    return await work();
  } finally {
    await store.release(key, owner).catch(() => undefined);
  }
}
