/**
 * Work that runs after the ack (lookups, replies). Tracked so shutdown can
 * wait for in-flight answers instead of dropping them.
 */
export class TaskTracker {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly onError: (err: unknown) => void) {}

  /** Start `work` now; its failure is reported, never thrown into Bolt. */
  run(work: () => Promise<void>): void {
    const task = work().catch(this.onError);
    this.running.add(task);
    void task.finally(() => this.running.delete(task));
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves true when every task finished, false if `timeoutMs` passed first. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const done = (async (): Promise<true> => {
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
      return true;
    })();
    const result = await Promise.race([done, timedOut]);
    clearTimeout(timer);
    return result;
  }
}
