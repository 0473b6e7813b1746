import { epochMsToWallClock, wallClockToEpochMs, zoneOffsetMs } from '../../../src/eventlog/model/time-zone';

const wall = (iso: string) => {
  const [date, time] = iso.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second] = time.split(':').map(Number);
  return { year, month, day, hour, minute, second };
};

describe('time zones', () => {
  it('reads a Shanghai wall clock as UTC+8', () => {
    expect(new Date(wallClockToEpochMs(wall('2020-01-01 00:00:00'), 'Asia/Shanghai')).toISOString()).toBe('2019-12-31T16:00:00.000Z');
    expect(zoneOffsetMs(Date.UTC(2020, 0, 1), 'Asia/Shanghai')).toBe(8 * 3_600_000);
  });

  it('reads UTC as is', () => {
    expect(new Date(wallClockToEpochMs(wall('2024-03-01 10:38:00'), 'UTC')).toISOString()).toBe('2024-03-01T10:38:00.000Z');
  });

  it('takes the earlier instant when clocks go back (New York, 2024-11-03 01:30 happens twice)', () => {
    expect(new Date(wallClockToEpochMs(wall('2024-11-03 01:30:00'), 'America/New_York')).toISOString()).toBe('2024-11-03T05:30:00.000Z');
  });

  it('reads a time inside a spring-forward gap just after the gap (New York, 2024-03-10 02:30)', () => {
    expect(new Date(wallClockToEpochMs(wall('2024-03-10 02:30:00'), 'America/New_York')).toISOString()).toBe('2024-03-10T07:30:00.000Z');
  });

  it('reads a time just before a half-hour shift with the old offset (Lord Howe, 2024-10-06 01:45, +10:30)', () => {
    const ms = wallClockToEpochMs(wall('2024-10-06 01:45:00'), 'Australia/Lord_Howe');
    expect(new Date(ms).toISOString()).toBe('2024-10-05T15:15:00.000Z');
    expect(epochMsToWallClock(ms, 'Australia/Lord_Howe')).toEqual(wall('2024-10-06 01:45:00'));
  });

  it('round-trips every 7th hour of a year in Shanghai and New York', () => {
    for (const zone of ['Asia/Shanghai', 'America/New_York']) {
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 7 * 3_600_000) {
        expect(wallClockToEpochMs(epochMsToWallClock(t, zone), zone)).toBeLessThanOrEqual(t);
        expect(epochMsToWallClock(wallClockToEpochMs(epochMsToWallClock(t, zone), zone), zone)).toEqual(epochMsToWallClock(t, zone));
      }
    }
  });
});
