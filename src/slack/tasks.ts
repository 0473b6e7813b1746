import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Work that runs after the ack (lookups, replies). Tracked so shutdown can
 * wait for in-flight answers instead of dropping them, and, for those that
 * outlive the wait, tell the user instead of leaving "Looking up…" forever.
 */

/** What to do for a task still running at the drain deadline (say so to the user). */
export type Interrupted = () => Promise<unknown>;

/** How long the "restarting" notices may take once the drain deadline has passed. */
const NOTICE_GRACE_MS = 3_000;

export class TaskTracker {
  private readonly running = new Map<Promise<void>, Interrupted | undefined>();
  private cut = false;

  constructor(private readonly onError: (err: unknown) => void) {}

  /**
   * Start `work` in the next event-loop turn; its failure is reported, never thrown into Bolt. `interrupted`
   * runs if shutdown cuts it short. Not at once: commands read together (twenty in one burst) are then all
   * acked before the first lookup is set going. A plain next turn, not the one-per-turn queue lookups take
   * between their steps (yield-to-event-loop.ts): behind that queue a lookup's start waited for other lookups'
   * parse and render steps, 3–4 ms more per answer at p50 (bench item 3).
   */
  run(work: () => Promise<void>, interrupted?: Interrupted): void {
    const task = nextTurn().then(work).catch(this.onError);
    this.running.set(task, interrupted);
    void task.finally(() => this.running.delete(task));
  }

  get size(): number {
    return this.running.size;
  }

  /** Whether a drain deadline passed: the tasks still running were told the bot is restarting. */
  get interrupted(): boolean {
    return this.cut;
  }

  /**
   * Resolves true when every task finished, false if `timeoutMs` passed first:
   * then each task still running gets its `interrupted` notice (bounded in time).
   */
  async drain(timeoutMs: number): Promise<boolean> {
    const done = (async (): Promise<true> => {
      while (this.running.size > 0) await Promise.allSettled([...this.running.keys()]);
      return true;
    })();
    if (await Promise.race([done, delay(timeoutMs, false as const)])) return true;
    this.cut = true;
    const notices = [...this.running.values()].map((interrupted) => interrupted?.().catch(this.onError));
    await Promise.race([Promise.allSettled(notices), delay(NOTICE_GRACE_MS, null)]);
    return false;
  }
}

function delay<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());
}
