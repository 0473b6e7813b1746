import type { BigBodyInput, BigBodyVerdict } from '../bk/big-body';
import { parseEventLogResponse } from '../bk/envelope';
import type { DeliveryLookup } from '../eventlog/deliveries';
import { LookupError, type LookupErrorDetails } from '../eventlog/lookup-error';
import { createScrubber } from '../redact';
import { renderFetchedLog, type AnswerSettings, type AnswerView } from '../slack/render/event-log-message';
import type { SlackMessage } from '../slack/render/types';

/**
 * The work done on a big body, as plain functions: a worker thread runs them
 * (log-worker.ts), and so can anything else. Input and output are plain data
 * that crosses threads cheaply: bytes in, a verdict or a rendered message out
 * (never the thousands of parsed records).
 */

/** Is this answer an event log (how many records), or which failure? */
export interface CheckJob extends BigBodyInput {
  kind: 'check';
}

/** Read the (already checked) body again and render one view of it. */
export interface RenderJob {
  kind: 'render';
  body: Uint8Array;
  id: string;
  zone: string;
  requestId: string | null;
  deliveries: WireDeliveries;
  settings: AnswerSettings;
  view: AnswerView;
  nowMs: number;
}

export type LogJob = CheckJob | RenderJob;

/** Per-receiver results as plain data: a LookupError (a class) is carried as its details across threads. */
export type WireDeliveries = Exclude<DeliveryLookup, { kind: 'absent'; absence: { kind: 'failed' } }> | { kind: 'absent'; absence: { kind: 'failed'; error: LookupErrorDetails } };

export function toWire(deliveries: DeliveryLookup): WireDeliveries {
  if (deliveries.kind !== 'absent' || deliveries.absence.kind !== 'failed') return deliveries as WireDeliveries;
  return { kind: 'absent', absence: { kind: 'failed', error: detailsOf(deliveries.absence.error) } };
}

function fromWire(deliveries: WireDeliveries): DeliveryLookup {
  if (deliveries.kind !== 'absent' || deliveries.absence.kind !== 'failed') return deliveries as DeliveryLookup;
  return { kind: 'absent', absence: { kind: 'failed', error: new LookupError(deliveries.absence.error) } };
}

function detailsOf(err: LookupError): LookupErrorDetails {
  const { kind, code, upstreamMessage, requestId, httpStatus, retryAfterSec } = err;
  return { kind, code, upstreamMessage, requestId, httpStatus, retryAfterSec };
}
export type LogJobResult<J extends LogJob> = J extends CheckJob ? BigBodyVerdict : SlackMessage;

const NO_HEADERS = { get: (): null => null };
const utf8 = new TextDecoder();

export function runCheckJob(job: CheckJob): BigBodyVerdict {
  const headers = { get: (name: string): string | null => job.headers[name.toLowerCase()] ?? null };
  try {
    const log = parseEventLogResponse({
      id: job.id,
      httpStatus: job.httpStatus,
      headers,
      body: utf8.decode(job.body),
      zone: job.zone,
      scrub: createScrubber(job.secrets, 1),
    });
    return { ok: true, body: job.body, records: log.entries.length, generation: log.generation, requestId: log.requestId };
  } catch (err) {
    if (!(err instanceof LookupError)) throw err;
    return { ok: false, error: detailsOf(err) };
  }
}

export function runRenderJob(job: RenderJob): SlackMessage {
  // The body passed its check with these headers; the request ID may have come from one, so it is carried over.
  const log = parseEventLogResponse({ id: job.id, httpStatus: 200, headers: NO_HEADERS, body: utf8.decode(job.body), zone: job.zone });
  return renderFetchedLog({ log: { ...log, requestId: job.requestId }, deliveries: fromWire(job.deliveries) }, job.settings, job.view, job.nowMs);
}

export function runLogJob(job: LogJob): BigBodyVerdict | SlackMessage {
  return job.kind === 'check' ? runCheckJob(job) : runRenderJob(job);
}
