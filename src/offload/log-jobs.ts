import type { BigBodyInput, BigBodyVerdict } from '../bk/big-body';
import { readEventLogBytes } from '../bk/event-log-bytes';
import { readCheckedBody } from '../bk/raw-event-log';
import { sharedJoinOf } from '../thread-bytes';
import { LookupError, plainLookupError } from '../eventlog/model/lookup-error';
import { deliveriesFromPlain, type PlainDeliveries, alertFromPlain, type PlainAlert } from '../eventlog/deliveries/plain-deliveries';
import { createScrubber } from '../redact';
import type { FetchedLog } from '../eventlog/answers/answer';
import type { AnswerSettings } from '../render/event-log-message';
import { renderLogOn, type LogSurface, type SurfaceOutput } from '../render/log-surface';
import { lookForWatch, type WatchAsk, type WatchLook } from '../watch/watch-look';

/**
 * The work done on a big body, as plain functions: a worker thread runs them
 * (log-worker.ts), and so can anything else. Input and output are plain data
 * that crosses threads cheaply: bytes in; a verdict, a rendered message,
 * modal or unfurl, or a watch's snapshot out (never the thousands of parsed records).
 */

/** Is this answer an event log (how many records), or which failure? */
export interface CheckJob extends BigBodyInput {
  kind: 'check';
}

/** A checked body kept raw, with what reading its log again needs. */
export interface RawLogJob {
  body: Uint8Array;
  id: string;
  zone: string;
  requestId: string | null;
  deliveries: PlainDeliveries;
  alert: PlainAlert;
  settings: AnswerSettings;
  nowMs: number;
}

/** Read the body again and draw its log on one surface (a message view, the Full log modal, an unfurl). */
export interface RenderJob extends RawLogJob {
  kind: 'render';
  surface: LogSurface;
}

/** Read the body again for a watch: its snapshot, and the watching message as asked. */
export interface WatchJob extends RawLogJob {
  kind: 'watch';
  ask: WatchAsk;
}

export type LogJob = CheckJob | RenderJob | WatchJob;

export type LogJobResult<J extends LogJob> = J extends CheckJob ? BigBodyVerdict : J extends RenderJob ? SurfaceOutput<J['surface']> : WatchLook;

export function runCheckJob(job: CheckJob): BigBodyVerdict {
  // Joined here, on the worker, into the shared memory the cache keeps and every later render reads.
  const body = sharedJoinOf(job.chunks);
  const headers = { get: (name: string): string | null => job.headers[name.toLowerCase()] ?? null };
  try {
    // Counted a record at a time, none kept: the answer is rendered later, from these bytes.
    const log = readEventLogBytes({ id: job.id, httpStatus: job.httpStatus, headers, body, zone: job.zone, scrub: createScrubber(job.secrets, 1) }, false);
    return { ok: true, body, records: log.records, generation: log.generation, requestId: log.requestId };
  } catch (err) {
    if (!(err instanceof LookupError)) throw err;
    return { ok: false, error: plainLookupError(err) };
  }
}

/** The log of a raw-log job with its records in hand, read here (on the worker). */
function fetchedOf(job: RawLogJob): FetchedLog {
  return { log: readCheckedBody(job, { zone: job.zone }), deliveries: deliveriesFromPlain(job.deliveries), alert: alertFromPlain(job.alert) };
}

export function runRenderJob<S extends LogSurface>(job: RenderJob & { surface: S }): SurfaceOutput<S> {
  return renderLogOn(fetchedOf(job), job.settings, job.surface, job.nowMs);
}

export function runWatchJob(job: WatchJob): WatchLook {
  return lookForWatch(fetchedOf(job), job.settings, job.ask, job.nowMs);
}

export function runLogJob(job: LogJob): BigBodyVerdict | SurfaceOutput<LogSurface> | WatchLook {
  switch (job.kind) {
    case 'check':
      return runCheckJob(job);
    case 'render':
      return runRenderJob(job);
    case 'watch':
      return runWatchJob(job);
  }
}
