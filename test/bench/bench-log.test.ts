import { parseEventLogResponse } from '../../src/bk/envelope';
import { BENCH_REQUEST_ID, BENCH_ZONE, benchEsbBody, benchRecords } from '../../bench/bench-log';

const NO_HEADERS = { get: (): null => null };

describe('bench event logs', () => {
  it('has exactly the number of records asked for, oldest first, from CREATE to CLOSE', () => {
    const records = benchRecords(50);
    expect(records).toHaveLength(50);
    expect(records[0].operate).toBe('CREATE');
    expect(records.slice(-3).map((r) => r.operate)).toEqual(['RECOVER', 'RECOVERY_NOTICE', 'CLOSE']);
    expect(records.filter((r) => r.operate === 'ACK')).toHaveLength(1);
    expect(records.filter((r) => r.status === 'FAILED').length).toBeGreaterThan(0);
    const times = records.map((r) => r.create_time);
    expect([...times].sort()).toEqual(times);
  });

  it('is the same bytes on every call, so every run measures the same thing', () => {
    expect(benchEsbBody(100)).toBe(benchEsbBody(100));
  });

  it('reads back through the real parser as an old-generation log with every record readable', () => {
    const log = parseEventLogResponse({ id: '1001', httpStatus: 200, headers: NO_HEADERS, body: benchEsbBody(1_000), zone: BENCH_ZONE });
    expect(log.generation).toBe('old');
    expect(log.requestId).toBe(BENCH_REQUEST_ID);
    expect(log.entries).toHaveLength(1_000);
    expect(log.entries.filter((e) => e.kind === 'unreadable')).toEqual([]);
  });

  it('refuses a size too small to hold its frame of records', () => {
    expect(() => benchRecords(4)).toThrow(RangeError);
    expect(() => benchRecords(10.5)).toThrow(RangeError);
  });
});
