import type { EventLog, LogEntry } from '../eventlog/model/record';
import { utf8Of } from '../thread-bytes';
import { eventLogData, parseEventLogResponse, readParsedEnvelopeData, type EventLogResponse } from './envelope';
import { scanEnvelope } from './json-scan';
import { createRecordReader } from './records';

/**
 * A big event-log body read a record at a time (on a log worker): memory
 * holds the bytes and one record's JSON at a time, never the whole body as
 * one string nor a tree of every record (a 40 MB log would need over a
 * gigabyte for those). The answer is the one parseEventLogResponse gives for
 * the same bytes: a body the scanner is not sure of is read that way instead.
 */

/** Records parsed together, at most (a record bigger than this is parsed alone). */
const BATCH_BYTES = 256 * 1024;

/** One get_event_log answer with its body as bytes. */
export type EventLogBytes = Omit<EventLogResponse, 'body'> & { body: Uint8Array };

/** The log, and how many records it holds (its entries are kept only when asked for). */
export type CountedLog = EventLog & { records: number };

/**
 * Read the log in `input`; with `keepEntries` false only count its records
 * (the check of a fresh answer needs no more).
 * @throws LookupError for every answer that is not a successful event log, as parseEventLogResponse does
 */
export function readEventLogBytes(input: EventLogBytes, keepEntries: boolean): CountedLog {
  return pieceByPiece(input, keepEntries) ?? whole(input, keepEntries);
}

function whole(input: EventLogBytes, keepEntries: boolean): CountedLog {
  const log = parseEventLogResponse({ ...input, body: utf8Of(input.body) });
  return { ...log, entries: keepEntries ? log.entries : [], records: log.entries.length };
}

/** Null when the body is not plainly an envelope of well-formed JSON pieces (then it is read whole). */
function pieceByPiece(input: EventLogBytes, keepEntries: boolean): CountedLog | null {
  const { body } = input;
  const scanned = scanEnvelope(body, 'data');
  if (scanned === null) return null;
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const json: Record<string, unknown> = {};
  const reader = createRecordReader(input.zone, { requestedId: input.id });
  const entries: LogEntry[] = [];
  try {
    for (const [name, start, end] of scanned.members) json[name] = JSON.parse(text.toString('utf8', start, end));
    const array = scanned.array;
    if (array !== null) {
      // The records are read here, not as data: the envelope is checked with an empty list in their place.
      json.data = [];
      // A batch of records at a time (their bytes, commas and all, as one JSON list): one JSON.parse per
      // quarter megabyte instead of one per record, and never more than a batch of records as objects.
      for (let first = 0; first < array.count; ) {
        let last = first;
        while (last + 1 < array.count && array.ends[last + 1] - array.starts[first] <= BATCH_BYTES) last++;
        const batch = JSON.parse(`[${text.toString('utf8', array.starts[first], array.ends[last])}]`) as unknown[];
        for (const raw of batch) {
          const entry = reader.add(raw);
          if (keepEntries) entries.push(entry);
        }
        first = last + 1;
      }
    }
  } catch {
    // A piece that is not JSON (or nested past the stack): the whole body says which failure that is.
    return null;
  }
  const envelope = readParsedEnvelopeData(input, json);
  eventLogData(envelope, input.httpStatus);
  return { id: input.id, entries, generation: reader.generation(), requestId: envelope.requestId, records: reader.count };
}
