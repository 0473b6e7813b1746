/**
 * Single flight: calls with the same key while one is running share its
 * promise instead of starting their own, so a channel asking for one event
 * at once costs BlueKing one call.
 */
export interface Coalescer<T> {
  /** Start `call` for `key`, or join the one already running for it. */
  run(key: string, call: () => Promise<T>): Promise<T>;
}

/** `onJoin` is told each time a caller joins a running call (for metrics). */
export function createCoalescer<T>(onJoin: () => void): Coalescer<T> {
  const running = new Map<string, Promise<T>>();
  return {
    run: (key, call) => {
      const joined = running.get(key);
      if (joined) {
        onJoin();
        return joined;
      }
      const started = call().finally(() => running.delete(key));
      running.set(key, started);
      return started;
    },
  };
}
