import type { BigBodyReader } from '../bk/big-body';
import type { RawFetchedLog, RawLogRenderer } from '../render/raw-log-renderer';
import type { AnswerSettings } from '../render/event-log-message';
import type { LogSurface, SurfaceOutput } from '../render/log-surface';
import type { RawLogWatchLooker } from '../watch/watch-look';
import { isShared } from '../thread-bytes';
import { plainAlert, plainDeliveries } from '../eventlog/deliveries/plain-deliveries';
import type { RawLogJob } from './log-jobs';
import { LogWorkerPool } from './worker-pool';

/**
 * Big answers off the main thread: the BlueKing client hands bodies of
 * OFFLOAD_MIN_BYTES or more here to be checked, and the Slack side renders
 * such logs here (message, modal, unfurl, a watch's look), on a pool of worker threads.
 */
export interface LogWorkers extends BigBodyReader, RawLogRenderer, RawLogWatchLooker {
  /** Start a worker ahead of the first big log (call once the bot is up). */
  warm(): void;
  close(): Promise<void>;
}

/**
 * Smaller bodies stay on the main thread: there, reading and rendering one
 * takes a few milliseconds, less than a trip to a worker would add.
 */
export const OFFLOAD_MIN_BYTES = 128 * 1024;

export function createLogWorkers(options: { workers?: number; minBytes?: number } = {}): LogWorkers {
  const pool = new LogWorkerPool(options.workers);
  const rawLogJob = ({ log, deliveries, alert }: RawFetchedLog, settings: AnswerSettings, nowMs: number): RawLogJob => ({
    // The cached body stays in the cache: a worker reads shared memory where it lies; other bytes are copied for it.
    body: isShared(log.raw.body) ? log.raw.body : log.raw.body.slice(),
    id: log.id,
    zone: settings.timezone,
    requestId: log.requestId,
    deliveries: plainDeliveries(deliveries),
    alert: plainAlert(alert),
    settings,
    nowMs,
  });
  return {
    minBytes: options.minBytes ?? OFFLOAD_MIN_BYTES,
    check: (input) => pool.run({ kind: 'check', ...input }),
    // What comes back is what the surface asked for draws (runRenderJob); TypeScript cannot follow a generic surface through the pool.
    render: <S extends LogSurface>(fetched: RawFetchedLog, settings: AnswerSettings, surface: S, nowMs: number) =>
      pool.run({ kind: 'render', ...rawLogJob(fetched, settings, nowMs), surface }) as Promise<SurfaceOutput<S>>,
    watchLook: (fetched, settings, ask, nowMs) => pool.run({ kind: 'watch', ...rawLogJob(fetched, settings, nowMs), ask }),
    warm: () => pool.warm(),
    close: () => pool.close(),
  };
}
