import { answerWeight, BYTES_PER_RECORD, CACHE_MAX_RECORDS } from '../../../src/eventlog/answers/answer-weight';
import type { FetchedLog } from '../../../src/eventlog/answers/answer';
import type { EventLog } from '../../../src/eventlog/model/record';

const NOT_ASKED: FetchedLog['deliveries'] & FetchedLog['alert'] = { kind: 'absent', absence: { kind: 'not_asked' } };

function rawLog(bytes: number, records: number): EventLog {
  const body = new Uint8Array(bytes);
  return { id: '9100', entries: [], generation: 'old', requestId: null, raw: { body, records, read: () => ({ id: '9100', entries: [], generation: 'old', requestId: null }) } };
}

describe('answerWeight', () => {
  it('weighs a log read here by its records', () => {
    const log: EventLog = { id: '1', entries: [{ kind: 'unreadable', index: 0, reason: { kind: 'unexpected', detail: 'x' } }, { kind: 'unreadable', index: 1, reason: { kind: 'unexpected', detail: 'y' } }], generation: 'old', requestId: null };
    expect(answerWeight({ log, deliveries: NOT_ASKED, alert: NOT_ASKED })).toBe(2);
  });

  it('weighs a log kept raw by its bytes, so the largest body accepted still fits the cache alone', () => {
    // 48 MB, the default BK_MAX_BODY_BYTES, of a log with more records than the cache holds read.
    const weight = answerWeight({ log: rawLog(48 * 1024 * 1024, 180_000), deliveries: NOT_ASKED, alert: NOT_ASKED });
    expect(weight).toBe((48 * 1024 * 1024) / BYTES_PER_RECORD);
    expect(weight).toBeLessThanOrEqual(CACHE_MAX_RECORDS);
  });
});
