import type { LookupErrorDetails } from '../eventlog/model/lookup-error';
import type { Generation } from '../eventlog/model/record';

/**
 * Reading a big answer away from the main thread. Parsing and checking a
 * 5 MB log takes a few hundred milliseconds, and the main thread must stay
 * free to ack other commands within Slack's 3 s; so the client hands bodies
 * of `minBytes` or more to a reader like this (src/offload/ runs it in a
 * worker thread) and keeps the body, not its records.
 */

/**
 * What the client knows of one answer. `chunks` are the body as it arrived,
 * given up to the reader (moved to its thread, not copied): the caller must
 * not use them afterwards.
 */
export interface BigBodyInput {
  chunks: Uint8Array[];
  id: string;
  zone: string;
  httpStatus: number;
  /** Response headers by lower-case name. */
  headers: Record<string, string>;
  /** Blanked from upstream text before it is cut (the app secret). */
  secrets: string[];
}

/** An event log, counted, with its body handed back whole (in shared memory); or the failure the answer means. */
export type BigBodyVerdict =
  | { ok: true; body: Uint8Array; records: number; generation: Generation; requestId: string | null }
  | { ok: false; error: LookupErrorDetails };

export interface BigBodyReader {
  /** Bodies of at least this many bytes are read here; smaller ones on the main thread (faster for them). */
  readonly minBytes: number;
  check(input: BigBodyInput): Promise<BigBodyVerdict>;
}
