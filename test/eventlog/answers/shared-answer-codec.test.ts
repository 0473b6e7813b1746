import { gunzipSync, gzipSync } from 'node:zlib';
import { rawEventLog } from '../../../src/bk/raw-event-log';
import { parseEventLogResponse } from '../../../src/bk/envelope';
import { decodeSharedAnswer, encodeSharedAnswer, type RawLogBuilder } from '../../../src/eventlog/answers/shared-answer-codec';
import { summarizeDeliveries } from '../../../src/eventlog/deliveries/deliveries';
import { LookupError } from '../../../src/eventlog/model/lookup-error';
import { rawLogParts, type EventLog, type RawEventLog } from '../../../src/eventlog/model/record';
import { prefixToken, splitToken, TOKEN_PREFIX_BYTES } from '../../../src/eventlog/answers/stored-token';
import { parseSearchActionResponse } from '../../../src/bk/search-action';
import { parseSearchAlertResponse } from '../../../src/bk/search-alert';
import { ALERT_ID, alertDocument, searchAlertAnswer } from '../../fixtures/bk/search-alert';
import { benchEsbBody } from '../../../bench/bench-log';
import { OLD_GENERATION_5310 } from '../../fixtures/bk';
import { searchActionAnswer, sixDeliveries } from '../../fixtures/bk/search-action';
import type { Fetched } from '../../../src/eventlog/answers/answer';

/** An answer kept in the shared store (Redis) must come back as it was (a raw log as a raw log), or not at all. */

const ZONE = 'Asia/Shanghai';
const LOG: EventLog = { id: '164239028644167', entries: [], generation: 'new', requestId: 'req-1' };
const NOT_ASKED = { kind: 'absent', absence: { kind: 'not_asked' } } as const;
const buildRaw: RawLogBuilder = (parts) => rawEventLog(parts, { zone: ZONE });

/** Event 5310 as the client keeps a big answer: its body, as sent, and its record count. */
function rawLog5310(): RawEventLog {
  const body = new Uint8Array(Buffer.from(OLD_GENERATION_5310.body, 'utf8'));
  const read = parseEventLogResponse({ id: '5310', httpStatus: 200, headers: { get: () => null }, body: OLD_GENERATION_5310.body, zone: ZONE });
  return rawEventLog({ id: '5310', body, records: read.entries.length, generation: read.generation, requestId: 'req-5310' }, { zone: ZONE });
}

/** Stored and read back; `rawLog` null: read by a replica whose source keeps no log raw. */
/** The compressed part of a stored answer (what follows its token). */
function compressed(stored: Buffer): Buffer {
  const split = splitToken(stored);
  if (!split) throw new Error('no token in front of the stored answer');
  return split.rest;
}

async function roundTrip(fetched: Fetched, rawLog: RawLogBuilder | null = buildRaw): Promise<Fetched | undefined> {
  return (await decodeSharedAnswer(await encodeSharedAnswer({ token: 't', freshUntil: 1, fetched }), rawLog ?? undefined))?.fetched;
}

describe('the shared answer codec', () => {
  it('keeps the per-receiver report of an ok answer', async () => {
    const list = parseSearchActionResponse({ httpStatus: 200, headers: { get: () => null }, body: searchActionAnswer(sixDeliveries()) });
    const fetched: Fetched = { kind: 'ok', log: LOG, deliveries: { kind: 'present', report: summarizeDeliveries(list) }, alert: NOT_ASKED };
    expect(await roundTrip(fetched)).toEqual(fetched);
  });

  it('keeps why there is none, a failed search_action coming back as the LookupError it was', async () => {
    const error = new LookupError({ kind: 'app_permission', code: '1306403', requestId: 'req-2' });
    const back = await roundTrip({ kind: 'ok', log: LOG, deliveries: { kind: 'absent', absence: { kind: 'failed', error } }, alert: NOT_ASKED });
    expect(back?.kind === 'ok' && back.deliveries.kind === 'absent' && back.deliveries.absence).toEqual({ kind: 'failed', error });
    expect(back?.kind === 'ok' && back.deliveries.kind === 'absent' && back.deliveries.absence.kind === 'failed' && back.deliveries.absence.error).toBeInstanceOf(LookupError);
    expect(await roundTrip({ kind: 'ok', log: LOG, deliveries: { kind: 'absent', absence: { kind: 'off' } }, alert: NOT_ASKED })).toMatchObject({ deliveries: { absence: { kind: 'off' } } });
  });

  it('keeps the alert itself, and why it is missing (a failed search_alert as the LookupError it was)', async () => {
    const alert = parseSearchAlertResponse({ httpStatus: 200, headers: { get: () => null }, body: searchAlertAnswer([alertDocument({ is_ack: true, ack_operator: 'zhangsan' })]) }, ALERT_ID);
    if (alert === null) throw new Error('fixture has no alert');
    const present: Fetched = { kind: 'ok', log: LOG, deliveries: NOT_ASKED, alert: { kind: 'present', alert } };
    expect(await roundTrip(present)).toEqual(present);
    const error = new LookupError({ kind: 'timeout', requestId: 'req-3' });
    const back = await roundTrip({ kind: 'ok', log: LOG, deliveries: NOT_ASKED, alert: { kind: 'absent', absence: { kind: 'failed', error } } });
    expect(back?.kind === 'ok' && back.alert.kind === 'absent' && back.alert.absence.kind === 'failed' && back.alert.absence.error).toBeInstanceOf(LookupError);
    expect(await roundTrip({ kind: 'ok', log: LOG, deliveries: NOT_ASKED, alert: { kind: 'absent', absence: { kind: 'not_found' } } })).toMatchObject({ alert: { absence: { kind: 'not_found' } } });
  });

  it('keeps an ordinary log with its records', async () => {
    const log = parseEventLogResponse({ id: '5310', httpStatus: 200, headers: { get: () => null }, body: OLD_GENERATION_5310.body, zone: ZONE });
    expect(log.entries.length).toBeGreaterThan(5);
    const fetched: Fetched = { kind: 'ok', log, deliveries: NOT_ASKED, alert: NOT_ASKED };
    expect(await roundTrip(fetched)).toEqual(fetched);
  });

  it('keeps a failure and a busy answer', async () => {
    const error = new LookupError({ kind: 'not_found', code: '3314001', upstreamMessage: 'no such event', requestId: 'req-3', httpStatus: 200 });
    const back = await roundTrip({ kind: 'failed', error });
    expect(back).toEqual({ kind: 'failed', error });
    expect(back?.kind === 'failed' && back.error).toBeInstanceOf(LookupError);
    expect(await roundTrip({ kind: 'busy' })).toEqual({ kind: 'busy' });
  });

  it('starts with its token in plain: the first few bytes say which answer is stored, without the rest', async () => {
    const token = 'b1946ac9-2f0e-4c2b-9d55-5e0a3f7c8d21';
    const bytes = await encodeSharedAnswer({ token, freshUntil: 1, fetched: { kind: 'ok', log: rawLog5310(), deliveries: NOT_ASKED, alert: NOT_ASKED } });
    expect(splitToken(bytes.subarray(0, TOKEN_PREFIX_BYTES))?.token).toBe(token);
    expect(() => prefixToken('x'.repeat(65), Buffer.alloc(1))).toThrow(RangeError);
  });

  describe('a big log kept raw', () => {
    const log = rawLog5310();

    it('comes back raw: the same body byte for byte, the same counts, and read() gives the same records', async () => {
      const back = await roundTrip({ kind: 'ok', log, deliveries: NOT_ASKED, alert: NOT_ASKED });
      if (back?.kind !== 'ok' || !back.log.raw) throw new Error(`expected a raw log back, got ${JSON.stringify(back)}`);
      const again: RawEventLog = { ...back.log, raw: back.log.raw };
      expect({ ...rawLogParts(again), body: Buffer.from(again.raw.body) }).toEqual({ ...rawLogParts(log), body: Buffer.from(log.raw.body) });
      expect(again.entries).toEqual([]);
      expect(again.raw.read()).toEqual(log.raw.read());
      expect(again.raw.read().entries).toHaveLength(log.raw.records);
    });

    it('comes back with a body whose slice() is a copy (the offload hands the copy to a worker, which detaches it)', async () => {
      const back = await roundTrip({ kind: 'ok', log, deliveries: NOT_ASKED, alert: NOT_ASKED });
      const body = back?.kind === 'ok' ? back.log.raw?.body : undefined;
      if (!body) throw new Error('expected a raw log back');
      const copy = body.slice();
      structuredClone(copy, { transfer: [copy.buffer] });
      expect(body.length).toBe(log.raw.body.length);
      expect(Buffer.from(body).equals(Buffer.from(log.raw.body))).toBe(true);
    });

    it('is stored as its body, never as JSON of its records, and read back without parsing them', async () => {
      const stringified: string[] = [];
      const parsed: string[] = [];
      const stringify = jest.spyOn(JSON, 'stringify');
      const parse = jest.spyOn(JSON, 'parse');
      try {
        const bytes = await encodeSharedAnswer({ token: 't', freshUntil: 1, fetched: { kind: 'ok', log, deliveries: NOT_ASKED, alert: NOT_ASKED } });
        stringified.push(...stringify.mock.results.map((r) => String(r.value)));
        // The body is in the stored bytes as BlueKing sent it.
        expect(gunzipSync(compressed(bytes)).includes(Buffer.from(OLD_GENERATION_5310.body, 'utf8'))).toBe(true);
        await decodeSharedAnswer(bytes, buildRaw);
        parsed.push(...parse.mock.calls.map(([text]) => String(text)));
      } finally {
        stringify.mockRestore();
        parse.mockRestore();
      }
      const longest = (texts: string[]): number => Math.max(0, ...texts.map((text) => text.length));
      expect(longest(stringified)).toBeLessThan(500);
      expect(longest(parsed)).toBeLessThan(500);
    });

    it('is never joined into one big copy on the main thread, storing or reading (zlib takes and gives chunks)', async () => {
      const text = benchEsbBody(1_000);
      const bigBody = new Uint8Array(Buffer.from(text, 'utf8'));
      const big = rawEventLog({ id: '1001', body: bigBody, records: 1_000, generation: 'old', requestId: 'req-big' }, { zone: ZONE });
      const concat = jest.spyOn(Buffer, 'concat');
      let back: Fetched | undefined;
      try {
        back = await roundTrip({ kind: 'ok', log: big, deliveries: NOT_ASKED, alert: NOT_ASKED });
        expect(Math.max(0, ...concat.mock.results.map((r) => (r.value as Buffer).length))).toBeLessThan(bigBody.length / 4);
      } finally {
        concat.mockRestore();
      }
      expect(bigBody.length).toBeGreaterThan(500_000);
      expect(back?.kind === 'ok' && back.log.raw && Buffer.from(back.log.raw.body).equals(Buffer.from(bigBody))).toBe(true);
    });

    it('is a miss where no builder for raw logs is given (a source that keeps none)', async () => {
      expect(await roundTrip({ kind: 'ok', log, deliveries: NOT_ASKED, alert: NOT_ASKED }, null)).toBeUndefined();
    });
  });

  describe('bytes it cannot read are a miss, never a crash', () => {
    /** A frame stored as the codec stores one (token, then gzip). */
    const stored = (frame: Buffer): Buffer => prefixToken('t', gzipSync(frame));
    const encoded = (): Promise<Buffer> => encodeSharedAnswer({ token: 't', freshUntil: 1, fetched: { kind: 'ok', log: rawLog5310(), deliveries: NOT_ASKED, alert: NOT_ASKED } });

    it('a truncated entry', async () => {
      const bytes = await encoded();
      for (const cut of [0, 3, 10, Math.floor(bytes.length / 2), bytes.length - 1]) {
        expect(await decodeSharedAnswer(bytes.subarray(0, cut), buildRaw)).toBeNull();
      }
    });

    it('a corrupted byte in the compressed bytes', async () => {
      const bytes = Buffer.from(await encoded());
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
      expect(await decodeSharedAnswer(bytes, buildRaw)).toBeNull();
    });

    it('a frame whose header length runs past its end, or whose header is not JSON', async () => {
      const frame = gunzipSync(compressed(await encoded()));
      const tooLong = Buffer.from(frame);
      tooLong.writeUInt32BE(frame.length);
      expect(await decodeSharedAnswer(stored(tooLong), buildRaw)).toBeNull();
      expect(await decodeSharedAnswer(stored(frame.subarray(0, 20)), buildRaw)).toBeNull();
      expect(await decodeSharedAnswer(stored(Buffer.from([0, 0, 0, 2, 0x7b, 0x7b])), buildRaw)).toBeNull();
      expect(await decodeSharedAnswer(stored(frame), buildRaw)).not.toBeNull();
    });

    it('a raw header with a record count or generation that cannot be', async () => {
      const header = (raw: object): Buffer => {
        const text = Buffer.from(JSON.stringify({ v: 6, freshUntil: 1, kind: 'ok', raw, deliveries: NOT_ASKED, alert: NOT_ASKED }));
        const length = Buffer.alloc(4);
        length.writeUInt32BE(text.length);
        return stored(Buffer.concat([length, text, Buffer.from('{"result":true}')]));
      };
      const good = { id: '5310', records: 3, generation: 'old', requestId: null };
      expect(await decodeSharedAnswer(header(good), buildRaw)).not.toBeNull();
      for (const bad of [{ ...good, records: -1 }, { ...good, records: 1.5 }, { ...good, generation: 'future' }, { ...good, id: 5310 }, { ...good, requestId: 7 }]) {
        expect(await decodeSharedAnswer(header(bad), buildRaw)).toBeNull();
      }
    });

    it('entries older versions wrote (format 2: gzipped JSON; 3: a gzipped frame), and bytes that are not an answer at all', async () => {
      const format2 = gzipSync(JSON.stringify({ v: 2, token: 't', freshUntil: 1, kind: 'ok', log: LOG, deliveries: NOT_ASKED, alert: NOT_ASKED }));
      expect(await decodeSharedAnswer(format2, buildRaw)).toBeNull();
      const format3 = Buffer.from(compressed(await encoded()));
      expect(await decodeSharedAnswer(format3, buildRaw)).toBeNull();
      for (const junk of [Buffer.from('not gzip'), Buffer.alloc(0), Buffer.from([0]), Buffer.from([200, 1, 2])]) {
        expect(await decodeSharedAnswer(junk, buildRaw)).toBeNull();
      }
    });

    it('a frame under another format number (4: English reasons of unreadable records; 5: no alert)', async () => {
      const frame = gunzipSync(compressed(await encoded()));
      const header = frame.toString('utf8', 4, 4 + frame.readUInt32BE(0));
      for (const v of ['4', '5', '7']) {
        const other = Buffer.from(frame);
        other.write(header.replace('"v":6', `"v":${v}`), 4, 'utf8');
        expect(await decodeSharedAnswer(stored(other), buildRaw)).toBeNull();
      }
    });
  });
});
