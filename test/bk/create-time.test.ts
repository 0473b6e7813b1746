import { createTimeReader } from '../../src/bk/create-time';

/** One `create_time` value read in `zone`. */
const parseCreateTime = (raw: unknown, zone: string) => createTimeReader(zone)(raw);

const SHANGHAI_2019_11_22_10_38_20 = Date.UTC(2019, 10, 22, 2, 38, 20);

describe('parseCreateTime', () => {
  it('reads a zone-less wall clock in the given zone', () => {
    expect(parseCreateTime('2019-11-22 10:38:20', 'Asia/Shanghai')).toEqual({ timeMs: SHANGHAI_2019_11_22_10_38_20, rawTime: '2019-11-22 10:38:20' });
    expect(parseCreateTime('2019-11-22 10:38:20', 'UTC').timeMs).toBe(Date.UTC(2019, 10, 22, 10, 38, 20));
  });

  it('accepts a T separator, a fraction and a missing seconds field', () => {
    expect(parseCreateTime('2019-11-22T10:38:20.250', 'Asia/Shanghai').timeMs).toBe(SHANGHAI_2019_11_22_10_38_20 + 250);
    expect(parseCreateTime('2019-11-22T10:38:20.123456', 'Asia/Shanghai').timeMs).toBe(SHANGHAI_2019_11_22_10_38_20 + 123);
    expect(parseCreateTime('2019-11-22 10:38', 'Asia/Shanghai').timeMs).toBe(SHANGHAI_2019_11_22_10_38_20 - 20_000);
  });

  it('honours an explicit offset or Z over the configured zone', () => {
    expect(parseCreateTime('2019-11-22T10:38:20+08:00', 'UTC').timeMs).toBe(SHANGHAI_2019_11_22_10_38_20);
    expect(parseCreateTime('2019-11-22T02:38:20Z', 'Asia/Shanghai').timeMs).toBe(SHANGHAI_2019_11_22_10_38_20);
    expect(parseCreateTime('2019-11-21T21:38:20-0500', 'Asia/Shanghai').timeMs).toBe(SHANGHAI_2019_11_22_10_38_20);
  });

  it('reads epoch seconds as a number or digits, and 13 digits as milliseconds', () => {
    expect(parseCreateTime(1574390300, 'UTC')).toEqual({ timeMs: SHANGHAI_2019_11_22_10_38_20, rawTime: '1574390300' });
    expect(parseCreateTime('1574390300', 'UTC').timeMs).toBe(SHANGHAI_2019_11_22_10_38_20);
    expect(parseCreateTime('1574390300123', 'UTC').timeMs).toBe(SHANGHAI_2019_11_22_10_38_20 + 123);
    expect(parseCreateTime(1574390300123, 'UTC').timeMs).toBe(SHANGHAI_2019_11_22_10_38_20 + 123);
  });

  it('keeps unreadable values raw with a null time', () => {
    for (const raw of ['', 'yesterday', '2019-02-29 10:00:00', '2019-11-22 24:00:00', '2019-13-01 00:00:00', '12', '2019-11-22T10:38:20+25:00']) {
      expect(parseCreateTime(raw, 'UTC')).toEqual({ timeMs: null, rawTime: raw });
    }
    expect(parseCreateTime(null, 'UTC')).toEqual({ timeMs: null, rawTime: '' });
    expect(parseCreateTime({ t: 1 }, 'UTC')).toEqual({ timeMs: null, rawTime: '' });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseCreateTime('2020-02-29 00:00:00', 'UTC').timeMs).toBe(Date.UTC(2020, 1, 29));
  });
});

describe('createTimeReader across daylight-saving switches', () => {
  const read = createTimeReader('America/New_York');

  it('reads times either side of the spring-forward switch with their own offsets', () => {
    expect(read('2024-03-10 01:59:59').timeMs).toBe(Date.UTC(2024, 2, 10, 6, 59, 59));
    expect(read('2024-03-10 03:00:00').timeMs).toBe(Date.UTC(2024, 2, 10, 7, 0, 0));
  });

  it('reads the repeated autumn hour as its earlier instant', () => {
    expect(read('2024-11-03 01:30:00').timeMs).toBe(Date.UTC(2024, 10, 3, 5, 30, 0));
  });
});
