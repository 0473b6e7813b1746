import type { BigBodyReader } from '../bk/big-body';
import type { RawLogRenderer } from '../slack/raw-log-renderer';
import { toWire } from './log-jobs';
import { LogWorkerPool } from './worker-pool';

/**
 * Big answers off the main thread: the BlueKing client hands bodies of
 * OFFLOAD_MIN_BYTES or more here to be checked, and the Slack side renders
 * such logs here, on a pool of worker threads.
 */
export interface LogOffload extends BigBodyReader, RawLogRenderer {
  close(): Promise<void>;
}

/**
 * Smaller bodies stay on the main thread: there, reading and rendering one
 * takes a few milliseconds, less than a trip to a worker would add.
 */
export const OFFLOAD_MIN_BYTES = 128 * 1024;

export function createLogOffload(options: { workers?: number; minBytes?: number } = {}): LogOffload {
  const pool = new LogWorkerPool(options.workers);
  return {
    minBytes: options.minBytes ?? OFFLOAD_MIN_BYTES,
    check: (input) => pool.run({ kind: 'check', ...input }),
    // The cached body stays in the cache: the worker gets a copy (a millisecond for 5 MB).
    render: ({ log, deliveries }, settings, view, nowMs) =>
      pool.run({
        kind: 'render',
        body: log.raw.body.slice(),
        id: log.id,
        zone: settings.timezone,
        requestId: log.requestId,
        deliveries: toWire(deliveries),
        settings,
        view,
        nowMs,
      }),
    close: () => pool.close(),
  };
}
