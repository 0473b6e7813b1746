/**
 * A bounded memory of keys seen lately. Slack redelivers an event it thinks
 * was not received (x-slack-retry-num) with the same channel and ts; answering
 * each delivery would post the same log twice in the thread.
 */
export class RecentKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** True the first time `key` is offered; false while it is remembered. Oldest keys are forgotten first. */
  firstTime(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    // A Set iterates in insertion order, so the first key is the oldest.
    if (this.keys.size > this.capacity) this.keys.delete(this.keys.values().next().value as string);
    return true;
  }
}
