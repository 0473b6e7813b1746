import { z } from 'zod';
import type { EventLog } from '../eventlog/model/record';
import { kindForCode, kindForHttpStatus } from './error-codes';
import { LookupError, type LookupErrorDetails } from '../eventlog/model/lookup-error';
import { isPlainObject } from './json-value';
import { parseRecords } from './records';
import type { Scrubber } from '../redact';
import { htmlTitle, looksLikeHtml, NO_SECRETS, parseJson, shorten, textSnippet } from './response-body';
import { upstreamToken } from './upstream-token';

/**
 * One HTTP answer from the ESB or API gateway → an EventLog, or a LookupError
 * saying in which way it failed. Pure: the client does the I/O and hands the
 * status, headers and body here.
 */

/** The part of a Headers object we read (node-fetch's Headers fits). */
export interface HeaderReader {
  get(name: string): string | null;
}

/** One HTTP answer from the ESB, as the client received it. */
export interface EsbAnswer {
  httpStatus: number;
  headers: HeaderReader;
  body: string;
  /** Blanks the app secret out of upstream text before it is cut (default: nothing to blank). */
  scrub?: Scrubber;
}

/** One get_event_log answer, with what reading its records needs. */
export interface EventLogResponse extends EsbAnswer {
  /** The ID that was asked for, as digits. */
  id: string;
  /** IANA zone of zone-less `create_time` values (BK_TIMEZONE). */
  zone: string;
}

/** A successful envelope's `data` and the request ID that came with it. */
export interface EnvelopeData {
  data: unknown;
  code: string | null;
  message: string | null;
  requestId: string | null;
}

const envelopeSchema = z.object({
  result: z.boolean(),
  code: z.union([z.number(), z.string()]).nullish().catch(null),
  message: z.unknown().optional(),
  data: z.unknown().optional(),
  request_id: z.string().nullish().catch(null),
});
type Envelope = z.infer<typeof envelopeSchema>;

/** What we learn from the headers alone. */
interface HeaderFacts {
  requestId: string | null;
  retryAfterSec: number | null;
  gatewayCode: string | null;
  gatewayMessage: string | null;
  contentType: string | null;
  location: string | null;
}

/** Fields every error from one response shares. */
type Common = Pick<LookupErrorDetails, 'requestId' | 'httpStatus' | 'retryAfterSec'>;

/**
 * Read an event-log response.
 * @throws LookupError for every answer that is not a successful event log
 */
export function parseEventLogResponse(input: EventLogResponse): EventLog {
  return badShapeOnOverflow(input.httpStatus, () => {
    const envelope = readEnvelopeData(input);
    const { entries, generation } = parseRecords(eventLogData(envelope, input.httpStatus), input.zone, { requestedId: input.id });
    return { id: input.id, entries, generation, requestId: envelope.requestId };
  });
}

/** An event log's `data` is its records: anything but an array is a bad answer. */
export function eventLogData(envelope: EnvelopeData, httpStatus: number): unknown[] {
  const { data, code, message, requestId } = envelope;
  if (!Array.isArray(data)) throw new LookupError({ kind: 'bad_shape', code, upstreamMessage: message, requestId, httpStatus });
  return data;
}

/** `read()`, with data nested deeper than the stack (100,000 levels, say) reported as BlueKing's bad answer, not a bug here. */
function badShapeOnOverflow<T>(httpStatus: number, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      // No upstream words to quote: bad_shape's own wording (per language) says what is wrong.
      throw new LookupError({ kind: 'bad_shape', httpStatus });
    }
    throw err;
  }
}

/**
 * The `data` of a successful ESB envelope, whatever the component: every
 * failure (gateway headers, `result: false`, HTTP status, HTML, not JSON)
 * becomes the LookupError that says in which way it failed. The caller checks
 * that `data` has the shape its component promises.
 * @throws LookupError for every answer that is not a successful envelope
 */
export function readEnvelopeData(input: EsbAnswer): EnvelopeData {
  return badShapeOnOverflow(input.httpStatus, () => readEnvelope(input, parseJson(input.body)));
}

/**
 * The same for a body that is JSON and was parsed already (a big log read
 * piece by piece: bk/event-log-bytes.ts), the body itself not at hand: with
 * JSON in hand, no failure needs the body's text.
 */
export function readParsedEnvelopeData(input: Omit<EsbAnswer, 'body'>, json: unknown): EnvelopeData {
  return badShapeOnOverflow(input.httpStatus, () => readEnvelope({ ...input, body: '' }, json));
}

function readEnvelope(input: EsbAnswer, json: unknown): EnvelopeData {
  const scrub = input.scrub ?? NO_SECRETS;
  const facts = readHeaders(input.headers, scrub);
  const parsed = envelopeSchema.safeParse(json);
  const envelope = parsed.success ? parsed.data : null;
  const common: Common = {
    requestId: upstreamToken(nonEmpty(envelope?.request_id), scrub) ?? facts.requestId,
    httpStatus: input.httpStatus,
    retryAfterSec: facts.retryAfterSec,
  };

  // The API gateway flags its own errors in headers, whatever the body holds.
  if (facts.gatewayCode !== null) {
    const message = facts.gatewayMessage ?? (envelope ? upstreamText(envelope.message, scrub) : messageField(json, scrub));
    throw codeError(facts.gatewayCode, message, common);
  }
  if (envelope?.result === false) throw resultFalseError(envelope, common, scrub);
  if (input.httpStatus < 200 || input.httpStatus > 299) throw httpStatusError(input, facts, json, common, scrub);
  if (envelope === null) throw notEnvelopeError(input.body, facts, json, common, scrub);
  return { data: envelope.data, code: codeText(envelope.code, scrub), message: upstreamText(envelope.message, scrub), requestId: common.requestId ?? null };
}

/** The request ID the ESB or gateway put in the headers, if any (the body's `request_id` wins when present). */
export function requestIdFromHeaders(headers: HeaderReader, scrub: Scrubber = NO_SECRETS): string | null {
  return upstreamToken(nonEmpty(headers.get('X-Bkapi-Request-Id')) ?? nonEmpty(headers.get('X-Request-Id')), scrub);
}

function readHeaders(headers: HeaderReader, scrub: Scrubber): HeaderFacts {
  const gatewayCode = upstreamToken(nonEmpty(headers.get('X-Bkapi-Error-Code')), scrub);
  return {
    requestId: requestIdFromHeaders(headers, scrub),
    // Retry-After as an HTTP date is rare here and would need a clock; seconds only.
    retryAfterSec: seconds(headers.get('Retry-After')) ?? seconds(headers.get('X-Bkapi-RateLimit-Reset')),
    gatewayCode: gatewayCode === '0' ? null : gatewayCode,
    gatewayMessage: upstreamText(headers.get('X-Bkapi-Error-Message'), scrub),
    contentType: headers.get('Content-Type'),
    location: headers.get('Location'),
  };
}

function resultFalseError(envelope: Envelope, common: Common, scrub: Scrubber): LookupError {
  const code = codeText(envelope.code, scrub);
  const message = upstreamText(envelope.message, scrub);
  const kind = code === null ? 'api_error' : kindForCode(code, message ?? '');
  // An unrecognised code on a telling status (429, 502…) is better described by the status.
  const byStatus = kind === 'api_error' && common.httpStatus ? kindForHttpStatus(common.httpStatus) : null;
  return new LookupError({ kind: byStatus ?? kind, code, upstreamMessage: message, ...common });
}

function codeError(code: string, message: string | null, common: Common): LookupError {
  return new LookupError({ kind: kindForCode(code, message ?? ''), code, upstreamMessage: message, ...common });
}

function httpStatusError(input: EsbAnswer, facts: HeaderFacts, json: unknown, common: Common, scrub: Scrubber): LookupError {
  const status = input.httpStatus;
  if (status >= 300 && status <= 399) {
    // Often a redirect to a login page: say where, without the query (it may echo our credentials). Only the
    // address, no words of ours: http_error's redirect wording (per language) says it was a redirect.
    const target = facts.location === null ? null : shorten(withoutQuery(facts.location), scrub);
    return new LookupError({ kind: 'http_error', upstreamMessage: target, ...common });
  }
  const html = json === undefined && looksLikeHtml(input.body, facts.contentType);
  const kind = kindForHttpStatus(status) ?? (html ? 'html_page' : 'http_error');
  const upstreamMessage = html ? htmlTitle(input.body, scrub) : json === undefined ? textSnippet(input.body, scrub) : messageField(json, scrub);
  return new LookupError({ kind, upstreamMessage, ...common });
}

function notEnvelopeError(body: string, facts: HeaderFacts, json: unknown, common: Common, scrub: Scrubber): LookupError {
  if (json === undefined && looksLikeHtml(body, facts.contentType)) {
    return new LookupError({ kind: 'html_page', upstreamMessage: htmlTitle(body, scrub), ...common });
  }
  if (json === undefined) return new LookupError({ kind: 'not_json', upstreamMessage: textSnippet(body, scrub), ...common });
  return new LookupError({ kind: 'bad_shape', upstreamMessage: messageField(json, scrub), ...common });
}

/** The envelope's `message` as one short line; Monitor sometimes sends field errors as an object. */
function upstreamText(message: unknown, scrub: Scrubber): string | null {
  if (typeof message === 'string') return nonEmpty(shorten(message, scrub));
  if (message === null || message === undefined) return null;
  return nonEmpty(shorten(JSON.stringify(message), scrub));
}

/** A message-like field (`message`, `detail`, `error`, `msg`) of JSON that is not the envelope. */
function messageField(json: unknown, scrub: Scrubber): string | null {
  if (typeof json === 'string') return nonEmpty(shorten(json, scrub));
  if (!isPlainObject(json)) return null;
  for (const key of ['message', 'detail', 'error', 'msg']) {
    const field = json[key];
    if (typeof field === 'string' && field.trim() !== '') return shorten(field, scrub);
  }
  return null;
}

function codeText(code: number | string | null | undefined, scrub: Scrubber): string | null {
  if (code === null || code === undefined) return null;
  return upstreamToken(nonEmpty(String(code)), scrub);
}

function nonEmpty(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value.trim();
}

function seconds(value: string | null): number | null {
  const text = value?.trim();
  return text && /^\d{1,9}$/.test(text) ? Number(text) : null;
}

function withoutQuery(location: string): string {
  return location.split(/[?#]/, 1)[0];
}
