import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Let pending I/O (above all, other commands waiting for their 3-second ack)
 * run before the next piece of CPU work. A lookup parses, summarizes and
 * renders in separate turns instead of one long one.
 *
 * Waiters go on one at a time, one per event-loop turn, first come first
 * served: when twenty answers arrive together, their twenty parses do not
 * run back to back in one turn (which a plain setImmediate each would do)
 * but one per turn, with the I/O that arrived meanwhile (acks) in between.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (waiting.length === 1) void nextTurn().then(releaseOne);
  });
}

const waiting: Array<() => void> = [];

/** Let the first waiter go on (its work runs now, as a microtask); the next one waits for the next turn. */
function releaseOne(): void {
  const next = waiting.shift();
  if (waiting.length > 0) void nextTurn().then(releaseOne);
  next?.();
}
