/**
 * Caps upstream calls in flight. Callers past the cap wait in a bounded queue
 * for at most `maxWaitMs`; past that they are turned away, so a channel full of
 * people cannot pile unbounded work onto BlueKing or onto us.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<{ grant: () => void; timer: NodeJS.Timeout }> = [];

  constructor(
    private readonly limit: number,
    private readonly maxQueue: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Resolves true once a slot is held (call release()), false if none came in time. */
  acquire(): Promise<boolean> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(true);
    }
    if (this.waiting.length >= this.maxQueue) return Promise.resolve(false);
    return new Promise((resolve) => {
      const entry = {
        grant: () => resolve(true),
        timer: setTimeout(() => {
          const at = this.waiting.indexOf(entry);
          if (at >= 0) this.waiting.splice(at, 1);
          resolve(false);
        }, this.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.grant(); // the slot passes straight to the next caller
      return;
    }
    this.active = Math.max(0, this.active - 1);
  }

  get inFlight(): number {
    return this.active;
  }
}
