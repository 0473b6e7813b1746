import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Let pending I/O (above all, other commands waiting for their 3-second ack)
 * run before the next piece of CPU work. A lookup parses, summarizes and
 * renders in separate turns instead of one long one.
 */
export function yieldToEventLoop(): Promise<void> {
  return nextTurn();
}
