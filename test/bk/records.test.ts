import { LookupError } from '../../src/eventlog/model/lookup-error';
import { parseRecords } from '../../src/bk/records';
import type { EventRecord, LogEntry } from '../../src/eventlog/model/record';
import { NEW_GENERATION_164239028644167, OLD_GENERATION_5310, SHEET_EXAMPLE_1 } from '../fixtures/bk';

const SHANGHAI = 'Asia/Shanghai';

function dataOf(body: string): unknown {
  return (JSON.parse(body) as { data: unknown }).data;
}

function record(entry: LogEntry | undefined): EventRecord {
  if (entry?.kind !== 'record') throw new Error(`expected a record, got ${JSON.stringify(entry)}`);
  return entry;
}

/** A minimal valid old-generation record, overridable field by field. */
function raw(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { status: 'SUCCESS', event_id: 'abc.1574390280.1.1.1', message: '', operate: 'CREATE', extend_info: {}, create_time: '2019-11-22 10:38:20', ...fields };
}

describe('parseRecords on the old generation', () => {
  const { entries, generation } = parseRecords(dataOf(OLD_GENERATION_5310.body), SHANGHAI);

  it('reads every record in upstream order and recognises the old generation', () => {
    expect(generation).toBe('old');
    expect(entries.map((e) => (e.kind === 'record' ? e.operate : e.kind))).toEqual([
      'CREATE',
      'ANOMALY_NOTICE',
      'ANOMALY_NOTICE',
      'ANOMALY_NOTICE',
      'ACK',
      'CONVERGE',
      'RECOVER',
      'RECOVERY_NOTICE',
      'CLOSE',
    ]);
    expect(entries.map((e) => e.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('keeps the dotted event_id and reads the zone-less create_time in the given zone', () => {
    const created = record(entries[0]);
    expect(created).toEqual({
      kind: 'record',
      index: 0,
      operate: 'CREATE',
      status: 'SUCCESS',
      eventId: '8c1f0e5a77b2d4c6e1f09a3b5d7c9e21.1574390280.12.7.1',
      message: 'CPU总使用率 >= 95.0%, 当前值98.3%',
      timeMs: Date.UTC(2019, 10, 22, 2, 38, 20),
      rawTime: '2019-11-22 10:38:20',
      converge: null,
      notice: null,
      ackNote: null,
    });
  });

  it('reads a failed notice with its group, ways and empty receiver', () => {
    expect(record(entries[1]).notice).toEqual({
      groups: [{ name: 'SRE 值班组', receivers: [], ways: ['weixin', 'mail'] }],
      emptyReceiver: true,
      shield: null,
      webhookCount: 0,
    });
  });

  it('reads receivers as ids and counts webhooks', () => {
    expect(record(entries[2]).notice).toEqual({
      groups: [{ name: 'SRE 值班组', receivers: ['lisi', 'zhangsan', 'operator'], ways: ['weixin', 'mail'] }],
      emptyReceiver: false,
      shield: null,
      webhookCount: 1,
    });
  });

  it('reads a shield with its type and the description from its detail', () => {
    expect(record(entries[3]).status).toBe('SHIELDED');
    expect(record(entries[3]).notice?.shield).toEqual({ type: 'saas_config', detail: '业务维护屏蔽 (release window)' });
  });

  it('takes the ACK note from extend_info.message and keeps the empty status', () => {
    const ack = record(entries[4]);
    expect([ack.status, ack.message, ack.ackNote]).toEqual(['', '', 'rolling back release 2.3']);
  });

  it('turns CONVERGE epoch seconds into millisecond windows', () => {
    expect(record(entries[5]).converge).toEqual({
      anomalyCount: 52,
      dataWindow: { minMs: 1574390280000, maxMs: 1574393220000 },
      processWindow: { minMs: 1574390400000, maxMs: 1574393340000 },
    });
  });
});

describe('parseRecords on the new generation', () => {
  const { entries, generation } = parseRecords(dataOf(NEW_GENERATION_164239028644167.body), SHANGHAI);

  it('recognises the new generation and keeps newest-first order', () => {
    expect(generation).toBe('new');
    expect(record(entries[0]).operate).toBe('ACTION');
    expect(record(entries[7]).operate).toBe('CREATE');
  });

  it('turns the numeric event_id into its digits and attaches no details to {} extend_info', () => {
    const first = record(entries[0]);
    expect([first.eventId, first.converge, first.notice, first.ackNote]).toEqual(['164239028644167', null, null, null]);
  });

  it('reads the alert start in Asia/Shanghai as the instant the alert ID encodes', () => {
    expect(record(entries[7]).timeMs).toBe(1642390286000);
  });
});

describe('parseRecords on the API sheet example', () => {
  it('accepts extend_info "" and an empty action, and recognises the old generation', () => {
    const { entries, generation } = parseRecords(dataOf(SHEET_EXAMPLE_1.body), 'UTC');
    expect(generation).toBe('old');
    expect(record(entries[0]).notice).toBeNull();
    expect(record(entries[1]).notice).toEqual({ groups: [], emptyReceiver: false, shield: null, webhookCount: 0 });
    expect(record(entries[1]).timeMs).toBe(Date.UTC(2020, 0, 1));
  });
});

describe('parseRecords tolerance', () => {
  it('keeps unknown operates and statuses as their raw strings', () => {
    const r = record(parseRecords([raw({ operate: 'NEW_THING', status: 'WEIRD' })], 'UTC').entries[0]);
    expect([r.operate, r.status]).toEqual(['NEW_THING', 'WEIRD']);
  });

  it('reads a missing or null status and message as empty text', () => {
    const { entries } = parseRecords([raw({ status: undefined, message: null }), raw({ status: null })], 'UTC');
    expect([record(entries[0]).status, record(entries[0]).message, record(entries[1]).status]).toEqual(['', '', '']);
  });

  it('accepts extend_info that is null, absent, or JSON text', () => {
    const { entries } = parseRecords(
      [raw({ extend_info: null }), raw({ extend_info: undefined }), raw({ operate: 'ACK', extend_info: '{"message":"looking"}' })],
      'UTC',
    );
    expect(entries.map((e) => e.kind)).toEqual(['record', 'record', 'record']);
    expect(record(entries[2]).ackNote).toBe('looking');
  });

  it('reads a record whose extend_info and create_time keys are missing altogether', () => {
    const bare = raw();
    delete bare.extend_info;
    delete bare.create_time;
    const r = record(parseRecords([bare], 'UTC').entries[0]);
    expect([r.timeMs, r.rawTime, r.converge, r.notice]).toEqual([null, '', null, null]);
  });

  it('skips details of an extend_info that is neither an object nor text, but keeps the record', () => {
    const r = record(parseRecords([raw({ extend_info: [1, 2] })], 'UTC').entries[0]);
    expect([r.converge, r.notice, r.ackNote]).toEqual([null, null, null]);
  });

  it('keeps what it can of malformed CONVERGE details', () => {
    const r = record(
      parseRecords([raw({ operate: 'CONVERGE', extend_info: { process_time: { min: 'soon' }, data_time: { min: '1574390280', max: 1574393220 }, anomaly_count: -1 } })], 'UTC')
        .entries[0],
    );
    expect(r.converge).toEqual({ anomalyCount: null, dataWindow: { minMs: 1574390280000, maxMs: 1574393220000 }, processWindow: null });
  });

  it('drops malformed notice groups and receivers but keeps the good ones', () => {
    const extend = {
      action: {
        notice_group_list: [
          null,
          7,
          { name: 'ops', notice_receiver: [{ type: 'user', id: 'wang' }, { type: 'user' }, 'user#li', { id: 42 }], notice_way: { '1': ['sms', 5, 'sms'], '2': 'mail' } },
        ],
      },
    };
    const r = record(parseRecords([raw({ operate: 'ANOMALY_NOTICE', extend_info: extend })], 'UTC').entries[0]);
    expect(r.notice?.groups).toEqual([
      { name: '7', receivers: [], ways: [] },
      { name: 'ops', receivers: ['wang', 'user#li', '42'], ways: ['sms'] },
    ]);
  });

  it('makes a record that is not an object an unreadable entry with a reason code (worded per language when rendered)', () => {
    const { entries } = parseRecords([null, 'CREATE', [1], raw()], 'UTC');
    expect(entries.slice(0, 3)).toEqual([
      { kind: 'unreadable', index: 0, reason: { kind: 'not_object', got: 'null' } },
      { kind: 'unreadable', index: 1, reason: { kind: 'not_object', got: 'text' } },
      { kind: 'unreadable', index: 2, reason: { kind: 'not_object', got: 'list' } },
    ]);
    expect(entries[3].kind).toBe('record');
  });

  it('names the field that failed validation', () => {
    const { entries } = parseRecords([raw({ operate: 3 }), raw({ operate: undefined }), raw({ event_id: { id: 1 } }), raw({ status: false })], 'UTC');
    expect(entries).toEqual([
      { kind: 'unreadable', index: 0, reason: { kind: 'wrong_type', field: 'operate', expected: 'text', got: 'number' } },
      { kind: 'unreadable', index: 1, reason: { kind: 'missing', field: 'operate' } },
      { kind: 'unreadable', index: 2, reason: { kind: 'wrong_type', field: 'event_id', expected: 'text_or_number', got: 'object' } },
      { kind: 'unreadable', index: 3, reason: { kind: 'wrong_type', field: 'status', expected: 'text', got: 'false' } },
    ]);
  });

  it('keeps an unreadable time raw with a null timeMs', () => {
    const r = record(parseRecords([raw({ create_time: 'yesterday' })], 'UTC').entries[0]);
    expect([r.timeMs, r.rawTime]).toEqual([null, 'yesterday']);
  });

  it('throws bad_shape for data that is not a list', () => {
    for (const data of [null, {}, 'records', 3]) {
      expect(() => parseRecords(data, 'UTC')).toThrow(LookupError);
      try {
        parseRecords(data, 'UTC');
      } catch (err) {
        expect((err as LookupError).kind).toBe('bad_shape');
      }
    }
  });

  it('answers an empty list with no entries and an unknown generation', () => {
    expect(parseRecords([], 'UTC')).toEqual({ entries: [], generation: 'unknown' });
  });
});

describe('event_id digits', () => {
  it('prints a number past 2^53 without exponent notation', () => {
    const r = record(parseRecords([raw({ event_id: 1e21 })], 'UTC').entries[0]);
    expect(r.eventId).toBe('1000000000000000000000');
  });

  it('uses the requested digits when the echoed number is their inexact float', () => {
    const asked = '9007199254740993';
    const r = record(parseRecords([raw({ event_id: Number(asked) })], 'UTC', { requestedId: asked }).entries[0]);
    expect(r.eventId).toBe(asked);
  });

  it('does not substitute the requested ID for a different number', () => {
    const r = record(parseRecords([raw({ event_id: 164239028644167 })], 'UTC', { requestedId: '5' }).entries[0]);
    expect(r.eventId).toBe('164239028644167');
  });
});

describe('generation guess', () => {
  const gen = (records: unknown[]): string => parseRecords(records, 'UTC').generation;

  it('says new for an ACTION or SYSTEM_CLOSE record, even with string IDs', () => {
    expect(gen([raw({ operate: 'ACTION', event_id: '12' })])).toBe('new');
    expect(gen([raw({ operate: 'SYSTEM_CLOSE', event_id: '12' })])).toBe('new');
  });

  it('says new when every extend_info is {} and every ID is a 15-digit alert ID', () => {
    expect(gen([raw({ event_id: '164239028644167' }), raw({ operate: 'CLOSE', event_id: '164239028644167' })])).toBe('new');
  });

  it('says old for a *_NOTICE record or a dotted ID', () => {
    expect(gen([raw({ operate: 'CLOSE_NOTICE', event_id: '7' })])).toBe('old');
    expect(gen([raw({ event_id: 'abc.1.2' })])).toBe('old');
  });

  it('says unknown when nothing tells them apart', () => {
    expect(gen([raw({ event_id: '4821' })])).toBe('unknown');
  });
});
