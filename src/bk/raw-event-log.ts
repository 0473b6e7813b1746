import type { EventLog, RawEventLog, RawLogParts } from '../eventlog/model/record';
import type { Scrubber } from '../redact';
import { readEventLogBytes } from './event-log-bytes';

/** How a raw log's records are read when they are asked for. */
export interface RawLogReading {
  /** IANA zone of zone-less `create_time` values (BK_TIMEZONE). */
  zone: string;
  /** Blanks the app secret out of upstream text (the body passed its check, so there should be none to show). */
  scrub?: Scrubber;
}

const NO_HEADERS = { get: (): null => null };

/**
 * A big answer kept as BlueKing sent it, its records read only when asked
 * (`raw.read()`, on the calling thread). The one way a raw log is built: by
 * the client once a worker checked the body, and from the shared store when
 * another replica fetched it.
 */
export function rawEventLog(parts: RawLogParts, reading: RawLogReading): RawEventLog {
  const { id, body, records, generation, requestId } = parts;
  const read = (): EventLog => readCheckedBody(parts, reading);
  return { id, entries: [], generation, requestId, raw: { body, records, read } };
}

/** The records of a body that passed its check, read on the calling thread (a worker's, or this one's for `raw.read()`). */
export function readCheckedBody(parts: Pick<RawLogParts, 'id' | 'body' | 'requestId'>, reading: RawLogReading): EventLog {
  const { id, body, requestId } = parts;
  // Read a record at a time: the log's entries, never a whole-body string or tree beside them (event-log-bytes.ts).
  const { entries, generation } = readEventLogBytes({ id, httpStatus: 200, headers: NO_HEADERS, body, zone: reading.zone, scrub: reading.scrub }, true);
  // The body passed its check with its own status and headers; the request ID may have come from one, so it is carried over.
  return { id, entries, generation, requestId };
}
