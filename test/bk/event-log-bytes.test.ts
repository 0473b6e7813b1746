import { readEventLogBytes } from '../../src/bk/event-log-bytes';
import { parseEventLogResponse, type HeaderReader } from '../../src/bk/envelope';
import { createScrubber } from '../../src/redact';
import { buildDemoResponses } from '../../src/console/demo-data';
import { evolvingIncidentResponse, EVOLVING_STAGES } from '../../src/console/demo/evolving-incident';
import { createServerClock } from '../../src/console/demo/server-clock';
import { LookupError, plainLookupError } from '../../src/eventlog/model/lookup-error';
import { FAILURES, LOGIN_PAGE, NEW_GENERATION_164239028644167, NGINX_502_PAGE, OLD_GENERATION_5310, SHEET_EXAMPLE_1 } from '../fixtures/bk';
import { monthLongEsbBody } from '../../bench/month-log';
import { scanEnvelope } from '../../src/bk/json-scan';

/**
 * A big body read a record at a time must give exactly the answer the whole
 * body parsed at once gives (parseEventLogResponse, the small-body path):
 * the same records, generation and request ID, or the same failure.
 */

const ZONE = 'Asia/Shanghai';
const NO_HEADERS: HeaderReader = { get: () => null };
const scrub = createScrubber(['s3cr3t-app-secret'], 1);

interface Answer {
  id: string;
  httpStatus?: number;
  headers?: HeaderReader;
  body: string | Buffer;
}

/** What one way of reading gives: the log, or the failure's details. */
function outcomeOf(read: () => unknown): unknown {
  try {
    return { ok: read() };
  } catch (err) {
    if (err instanceof LookupError) return { failed: plainLookupError(err) };
    return { threw: String(err) };
  }
}

function bothWays(answer: Answer): { whole: unknown; pieces: unknown; counted: unknown } {
  const bytes = Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(answer.body, 'utf8');
  const common = { id: answer.id, httpStatus: answer.httpStatus ?? 200, headers: answer.headers ?? NO_HEADERS, zone: ZONE, scrub };
  const whole = outcomeOf(() => parseEventLogResponse({ ...common, body: bytes.toString('utf8') }));
  const pieces = outcomeOf(() => {
    const { records, ...log } = readEventLogBytes({ ...common, body: new Uint8Array(bytes) }, true);
    expect(records).toBe(log.entries.length);
    return log;
  });
  const counted = outcomeOf(() => {
    const { records, entries, ...rest } = readEventLogBytes({ ...common, body: new Uint8Array(bytes) }, false);
    expect(entries).toEqual([]);
    return { ...rest, records };
  });
  return { whole, pieces, counted };
}

function expectSameAnswer(answer: Answer): void {
  const { whole, pieces, counted } = bothWays(answer);
  expect(pieces).toEqual(whole);
  if (typeof whole === 'object' && whole !== null && 'ok' in whole) {
    const log = (whole as { ok: { entries: unknown[]; generation: string; requestId: string | null } }).ok;
    expect(counted).toEqual({ ok: { id: answer.id, generation: log.generation, requestId: log.requestId, records: log.entries.length } });
  } else {
    expect(counted).toEqual(whole);
  }
}

describe('a body read a record at a time', () => {
  it.each([OLD_GENERATION_5310, NEW_GENERATION_164239028644167, SHEET_EXAMPLE_1])('answers fixture $id as the whole-body parse does', (fixture) => {
    expectSameAnswer(fixture);
    const { pieces } = bothWays(fixture);
    expect(pieces).toMatchObject({ ok: { requestId: fixture.requestId } });
  });

  it.each([...buildDemoResponses(ZONE)].map(([id, response]) => ({ id, response })))('answers demo event $id as the whole-body parse does', ({ id, response }) => {
    expectSameAnswer({ id, httpStatus: response.httpStatus, body: response.body });
  });

  it.each([...EVOLVING_STAGES])('answers the evolving incident at stage %s as the whole-body parse does', (stage) => {
    const response = evolvingIncidentResponse(stage, createServerClock(ZONE));
    expectSameAnswer({ id: '8001', httpStatus: response.httpStatus, body: response.body });
  });

  it.each(FAILURES.map((f) => ({ name: f.name, reply: f.reply })))('fails as the whole-body parse does: $name', ({ reply }) => {
    const headers: HeaderReader = { get: (name) => Object.entries(reply.headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? null };
    expectSameAnswer({ id: '5310', httpStatus: reply.status, headers, body: reply.body });
  });

  it.each([
    ['an nginx 502 page', NGINX_502_PAGE],
    ['a login page', LOGIN_PAGE],
  ])('fails on %s as the whole-body parse does', (_name, reply) => {
    expectSameAnswer({ id: '5310', httpStatus: reply.status, headers: { get: (n) => (n.toLowerCase() === 'content-type' ? reply.headers['Content-Type'] : null) }, body: reply.body });
  });

  it('finds every record of a fixture without parsing the body whole', () => {
    const scanned = scanEnvelope(Buffer.from(OLD_GENERATION_5310.body), 'data');
    expect(scanned?.array?.count).toBe((JSON.parse(OLD_GENERATION_5310.body) as { data: unknown[] }).data.length);
    expect(scanned?.members.map(([name]) => name)).toEqual(['result', 'code', 'message', 'request_id']);
  });

  it('reads a month-long log (45,000 records) as the whole-body parse does', () => {
    expectSameAnswer({ id: '9100', body: monthLongEsbBody(45_000) });
  });

  const record = '{"status":"FAILED","event_id":"a.1.2","message":"通知人为空 \\"x\\" \\\\ ]}","operate":"ANOMALY_NOTICE","extend_info":{"a":[1,{"b":"}"}]},"create_time":"2024-03-01 10:38:00"}';
  it.each([
    ['spaces, tabs and line breaks between every piece', ` \t\n{ "result" : true ,\r\n "code" : 0, "data" : [ ${record} ,\n ${record} ] , "request_id":"r1" } \n`],
    ['an empty object', '{}'],
    ['an empty list of records', '{"result":true,"code":0,"data":[],"request_id":"r1"}'],
    ['records before the other members', `{"data":[${record}],"result":true,"code":0}`],
    ['data that is not a list', '{"result":true,"code":0,"data":{"x":[1,2]}}'],
    ['data that is null', '{"result":true,"code":0,"data":null}'],
    ['no data at all', '{"result":true,"code":0}'],
    ['result false beside records', `{"result":false,"code":1306403,"message":"no permission","data":[${record}]}`],
    ['result false beside a broken record', `{"result":false,"code":1306403,"message":"no permission","data":[${record},{"x":tru}]}`],
    ['a member given twice (JSON.parse keeps the last)', `{"result":false,"result":true,"code":0,"data":[${record}]}`],
    ['data given twice', `{"result":true,"code":0,"data":[${record}],"data":[]}`],
    ['a __proto__ member', `{"result":true,"code":0,"__proto__":{"data":1},"data":[${record}]}`],
    ['records that are not objects', '{"result":true,"code":0,"data":[1,"two",null,[3],true]}'],
    ['a record cut short', `{"result":true,"code":0,"data":[${record.slice(0, 60)}`],
    ['a missing comma', `{"result":true,"code":0,"data":[${record} ${record}]}`],
    ['a trailing comma', `{"result":true,"code":0,"data":[${record},]}`],
    ['text after the end', `{"result":true,"code":0,"data":[${record}]} x`],
    ['two documents', `{"result":true,"code":0,"data":[]}{"result":true}`],
    ['a bad number', '{"result":true,"code":01,"data":[]}'],
    ['brackets that do not pair', '{"result":true,"code":0,"data":[{"a":[1}]]}'],
    ['a byte order mark', `\ufeff{"result":true,"code":0,"data":[${record}]}`],
    ['a bare list', `[${record}]`],
    ['plain text', 'Service Unavailable'],
    ['nothing', ''],
    ['a string', '"data"'],
    ['escapes in member names', `{"res\\u0075lt":true,"code":0,"d\\u0061ta":[${record}]}`],
    ['records nested past the stack', `{"result":true,"code":0,"data":[${'['.repeat(20_000)}${']'.repeat(20_000)}]}`],
    ['a huge event_id number', '{"result":true,"code":200,"data":[{"operate":"CREATE","status":"","event_id":164239028644167123,"message":"","extend_info":{},"create_time":"2024-03-01 10:38:00"}]}'],
  ])('answers %s as the whole-body parse does', (_name, body) => {
    expectSameAnswer({ id: '164239028644167123', body });
  });

  it('answers bytes that are not UTF-8 as the whole-body parse does', () => {
    const body = Buffer.concat([Buffer.from(`{"result":true,"code":0,"data":[{"operate":"CREATE","status":"","event_id":"x","message":"`), Buffer.from([0xe4, 0xb8]), Buffer.from('","create_time":"2024-03-01 10:38:00"},{"operate":"ACK","message":"'), Buffer.from([0xff]), Buffer.from('"}]}')]);
    expectSameAnswer({ id: '1', body });
  });

  it('answers an error status as the whole-body parse does', () => {
    expectSameAnswer({ id: '1', httpStatus: 500, body: `{"result":true,"code":0,"message":"boom","data":[]}` });
  });
});
